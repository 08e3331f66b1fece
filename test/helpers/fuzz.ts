import { SetupFuzzer } from "./fuzz-setup";
import { Dice, type FuzzContext, jsonValue, KEYS, type Plausible } from "./fuzz-values";

export type { FuzzContext } from "./fuzz-values";

/** One generated request: what to send, its path as the server reads it, and a short description to print on failure. */
export interface FuzzRequest {
  description: string;
  bytes: Buffer;
  /** The request target's path, or undefined when it is no URL. */
  path: string | undefined;
}

const METHODS = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
  "PROPFIND",
  "TRACE",
  "CONNECT",
  "MKCOL",
  "get",
  "post",
  "Patch",
  "FOO",
];
const CONTROL = [
  "requests",
  "default-history",
  "faults",
  "rate-limit",
  "policy",
  "projects",
  "numbers",
  "active-numbers",
  "provisioning",
  "tokens/expire",
  "reset",
  "state",
  "nothing",
];
const MANGLED_SEGMENTS = [
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%00",
  "%2F",
  "%C3%28",
  "..",
  ".",
  "",
  "__proto__",
  "constructor",
  "toString",
  "\u00e9",
  "\u4e2d\u6587",
  "\ud83d\ude00",
  " ",
  "a b",
  "01ARZ3NDEKTSV4RRFFQ69G5FAV",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/problem+json",
  "%%%",
  "",
];
/** Generates fuzz requests from a seed; the same seed gives the same requests. */
export class RequestFuzzer {
  private readonly dice: Dice;
  private readonly setup: SetupFuzzer;
  constructor(readonly seed: number) {
    this.dice = new Dice(seed);
    this.setup = new SetupFuzzer(this.dice);
  }

  /** The next request: about a third are plausible calls with at most one thing wrong, the rest anything. */
  next(ctx: FuzzContext): FuzzRequest {
    const d = this.dice;
    if (d.chance(0.35)) {
      const { method, target, body, contentType } = this.plausible(ctx);
      return this.encode(method, target, body, d.chance(0.9) ? ctx.basic : ctx.bearer, contentType);
    }
    const body = d.chance(0.35) ? undefined : this.body();
    const contentType = body !== undefined && !d.chance(0.1) ? d.pick(CONTENT_TYPES) : undefined;
    return this.encode(d.pick(METHODS), this.target(ctx), body, this.authorization(ctx), contentType);
  }

  private encode(
    method: string,
    target: string,
    body: Buffer | undefined,
    auth: string | undefined,
    contentType: string | undefined,
  ): FuzzRequest {
    const d = this.dice;
    const headers: string[] = [];
    if (!d.chance(0.03)) headers.push("host: emulator");
    if (auth !== undefined) headers.push(`authorization: ${auth}`);
    if (contentType !== undefined) headers.push(`content-type: ${contentType}`);
    if (d.chance(0.05)) headers.push(`x-emulator-token: ${d.string(20)}`.replace(/[^\x20-\x7e]/g, "x"));
    if (d.chance(0.03)) headers.push("expect: 100-continue");
    const chunked = body !== undefined && d.chance(0.15);
    if (chunked) headers.push("transfer-encoding: chunked");
    else if (body !== undefined) headers.push(`content-length: ${body.length}`);
    headers.push("connection: close");
    const head = Buffer.from(`${method} ${target} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`, "utf8");
    const payload = body === undefined ? Buffer.alloc(0) : chunked ? chunk(body) : body;
    const shown = body === undefined ? "" : ` body(${body.length}): ${body.subarray(0, 120).toString("utf8")}`;
    return {
      description: `${method} ${target.slice(0, 200)} [${headers.join("; ").slice(0, 200)}]${shown}`,
      bytes: Buffer.concat([head, payload]),
      path: pathOf(target),
    };
  }

  /** A call the APIs or the emulator have, mostly well-formed, so that the deeper paths (201, 409, 422, 429) are reached. */
  private plausible(ctx: FuzzContext): Plausible {
    return this.dice.chance(0.5) ? this.plausibleServices(ctx) : this.setup.plausible(ctx, () => this.query());
  }

  /** Services, the token, and the older control endpoints. */
  private plausibleServices(ctx: FuzzContext): Plausible {
    const d = this.dice;
    const collection = `/v3/projects/${ctx.projectId}/services`;
    const item = `${collection}/${d.pick(ctx.serviceIds.length > 0 ? ctx.serviceIds : ["01ARZ3NDEKTSV4RRFFQ69G5FAV"])}`;
    const json = (value: unknown) => ({ body: Buffer.from(JSON.stringify(value)), contentType: "application/json" });
    switch (d.int(0, 9)) {
      case 0:
        return { method: "GET", target: `${d.pick([collection, `${item}/numbers`])}?${this.query()}` };
      case 1:
        return { method: d.pick(["GET", "DELETE"]), target: item };
      case 2:
      case 3:
        return { method: "POST", target: collection, ...json(this.service()) };
      case 4:
      case 5:
        return { method: "PATCH", target: item, ...json(this.service()) };
      case 6:
        return {
          method: "POST",
          target: "/oauth2/token",
          body: Buffer.from("grant_type=client_credentials"),
          contentType: "application/x-www-form-urlencoded",
        };
      case 7:
        return {
          method: "POST",
          target: "/_emulator/projects",
          ...json({
            projectId: d.pick(["p-new", ctx.otherProjectId, d.string(8)]),
            keyId: d.pick(["k-new", "fuzz-other-key"]),
            keySecret: d.pick(["s", "fuzz-other-secret"]),
          }),
        };
      case 8:
        return {
          method: "PUT",
          target: "/_emulator/rate-limit",
          ...json({ perSecond: d.pick([1, 50, 1000]), burst: d.pick([1, 5, 100]) }),
        };
      default:
        return {
          method: "PUT",
          target: "/_emulator/faults",
          ...json({ rules: [{ operations: [d.pick(["list", "get", "create"])], status429: 1, times: d.int(1, 3) }] }),
        };
    }
  }

  /** A service body with valid values, and now and then one field wrong. */
  private service(): Record<string, unknown> {
    const d = this.dice;
    const valid: Record<string, unknown[]> = {
      name: ["Fuzz", "", "x".repeat(60)],
      incomingWebhookUrl: ["https://hooks.example/in", "https://u:p@hooks.example/in", ""],
      defaultFrom: ["+15551234567", ""],
      resolution: ["FINE", "SUPERFINE"],
      numberOfRetries: [0, 5],
      retryDelaySeconds: [30, 300],
      defaultForProject: [true, false],
      webhookContentType: ["application/json", "multipart/form-data"],
    };
    const body: Record<string, unknown> = {};
    for (const [field, values] of Object.entries(valid)) if (d.chance(0.4)) body[field] = d.pick(values);
    if (d.chance(0.4)) body[d.pick(KEYS)] = this.value(1);
    return body;
  }

  private target(ctx: FuzzContext): string {
    const d = this.dice;
    const project = d.pick([
      ctx.projectId,
      ctx.projectId,
      ctx.otherProjectId,
      encodeURIComponent(ctx.projectId),
      d.pick(MANGLED_SEGMENTS),
      d.string(12),
    ]);
    const service = d.pick([...ctx.serviceIds.slice(0, 3), d.pick(MANGLED_SEGMENTS), d.string(30)].filter((s) => s !== undefined));
    const phone = d.pick([...ctx.phoneNumbers.slice(0, 2), "%2B15551234567", d.pick(MANGLED_SEGMENTS)]);
    const sub = d.pick(["numbers", "coverPages", "emails"]);
    let path = d.pick([
      `/v3/projects/${project}/services/${service}/${sub}/${d.pick([phone, ...ctx.coverPageIds.slice(0, 1), ...ctx.emails.slice(0, 1), d.pick(MANGLED_SEGMENTS)])}`,
      `/v3/projects/${project}/services/${service}/numbers/${phone}/${d.pick(["suspend", "emails"])}`,
      `/v3/projects/${project}/services/${service}/emails/${d.pick([...ctx.emails.slice(0, 1), "a%40b.c"])}/numbers`,
      `/v1/projects/${project}/activeNumbers`,
      `/v1/projects/${project}/activeNumbers/${phone}`,
      `/v1/projects/${project}/${d.string(12)}`,
      `/v3/projects/${project}/services`,
      `/v3/projects/${project}/services/`,
      `/v3/projects/${project}/services/${service}`,
      `/v3/projects/${project}/services/${service}/numbers`,
      `/v3/projects/${project}/services/${service}/coverPages`,
      "/oauth2/token",
      `/_emulator/${d.pick(CONTROL)}`,
      `/_emulator/${d.pick(CONTROL)}/`,
      "/_emulator",
      "/",
      `/${d.string(40)}`,
      "*",
      "http://[::1/x",
      `http://example.com/v3/projects/${project}/services`,
      `//${d.string(10)}`,
    ]);
    if (d.chance(0.15)) path += `/${d.pick(MANGLED_SEGMENTS)}`;
    if (d.chance(0.05)) path += `/${"x".repeat(d.int(1000, 6000))}`;
    if (d.chance(0.3)) path += `?${this.query()}`;
    // The request line must stay one line; everything else is fair, raw UTF-8 now and then too.
    if (d.chance(0.05)) return path.replace(/[\r\n ]/g, "%20");
    return encodeURI(path)
      .replace(/%25/g, "%")
      .replace(/[\r\n ]/g, "%20");
  }

  private query(): string {
    const d = this.dice;
    const key = d.pick(["page", "pageSize", "since", "projectId", d.string(5)]);
    const value = d.pick(["1", "0", "-1", "1000", "1001", "x", "1e3", "", "%ZZ", String(2 ** 60), d.string(8)]);
    return d.chance(0.2) ? `${key}=${value}&${key}=2` : `${key}=${value}`;
  }

  private authorization(ctx: FuzzContext): string | undefined {
    const d = this.dice;
    const choices = [
      ctx.basic,
      ctx.basic,
      ctx.otherBasic,
      ctx.bearer,
      "Basic !!!",
      "Basic ",
      `Basic ${Buffer.from("nokey").toString("base64")}`,
      `Bearer ${d.string(20)}`,
      "Digest x",
      d.string(30),
      "x".repeat(2000),
    ];
    return d.chance(0.15) ? undefined : d.pick(choices).replace(/[^\x20-\x7e]/g, "?");
  }

  private value(depth: number): unknown {
    return jsonValue(this.dice, depth);
  }

  private body(): Buffer {
    const d = this.dice;
    switch (d.int(0, 9)) {
      case 0:
        return Buffer.from(d.pick(["{not json", "{", '{"name":', "[1,2,", "NaN", "{'a':1}", '{"a":1,}', "", "\u0000"]));
      case 1:
        return Buffer.from(Array.from({ length: d.int(1, 512) }, () => d.int(0, 255)));
      case 2:
        return Buffer.from(deep(d.int(1, 60_000), d.pick(["[", '{"a":'])));
      case 3:
        return Buffer.from(d.pick(["grant_type=client_credentials", "grant_type=password", "a=%ZZ&&="]));
      case 4:
        if (d.chance(0.3)) return Buffer.alloc(d.chance(0.5) ? 1024 * 1024 + 1 : 3 * 1024 * 1024, "a");
        return Buffer.from(JSON.stringify(this.value(3)) ?? "null");
      default:
        return Buffer.from(JSON.stringify(this.value(3)) ?? "null");
    }
  }
}

/** The path the server reads from a request target, as it parses it; undefined when it is no URL. */
function pathOf(target: string): string | undefined {
  try {
    return new URL(target, "http://emulator").pathname;
  } catch {
    return undefined;
  }
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` times (closed, so valid JSON). */
function deep(depth: number, open: string): string {
  const close = open === "[" ? "]" : "}";
  return open.repeat(depth) + (open === "[" ? "" : "1") + close.repeat(depth);
}

/** Encodes a body as HTTP/1.1 chunks of up to 64 KiB. */
function chunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += 65_536) {
    const piece = body.subarray(i, i + 65_536);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from("0\r\n\r\n"));
  return Buffer.concat(parts);
}
