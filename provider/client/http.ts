import * as http from "node:http";
import * as https from "node:https";
import fetch, { type RequestInit } from "node-fetch";
import type { z } from "zod";
import { type AuthStrategy, BasicAuth, type IssuedToken, OAuth2Auth } from "./auth";
import { type SinchFaxError, SinchHttpError, SinchNetworkError, SinchResponseError, SinchTimeoutError, withoutCredentials } from "./errors";
import type { NormalizedOptions } from "./options";
import { RateGovernor } from "./rate-governor";
import { decideRetry, nextDelayMs, parseRetryAfter, type RetryDecision } from "./retry";
import { errorBodySchema, tokenSchema } from "./schemas";

/** One API call: the transport adds auth, retries, timeouts and validation. */
export interface CallSpec<T> {
  /** Which API: the Fax API (default) or the Numbers API (its own base URL and rate governor). */
  api?: "fax" | "numbers";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Validates a successful body; omitted for bodiless answers (204). */
  schema?: z.ZodType<T>;
}

/** One HTTP request as `send` repeats it. */
interface Outgoing {
  method: string;
  url: URL;
  /** For messages: the path, which holds no credential. */
  path: string;
  contentType?: string;
  body?: string;
  /** The Authorization header, asked for again before each attempt (a token may have been renewed). */
  authorization: () => Promise<string>;
  /** Whether a 401 may renew the credential and repeat the request once. */
  renewable: boolean;
  /** The pace of the API it goes to. */
  governor: RateGovernor;
}

interface RawResponse {
  status: number;
  /** A 2xx status. */
  ok: boolean;
  text: string;
  headers: { get(name: string): string | null };
}

type Attempt = { response: RawResponse } | { error: SinchFaxError; decision: RetryDecision };

/** What `decideRetry` is told of a request that got no answer in time. */
const TIMED_OUT = { timeout: true } as const;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends calls to the Fax API (and the Numbers API) over reused connections,
 * with one rate governor per API for all of them. Every failure becomes a
 * {@link SinchFaxError}.
 */
export class Transport {
  readonly governors = { fax: new RateGovernor(), numbers: new RateGovernor() };
  private readonly auth: AuthStrategy;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  /** Counts the starts and ends of every call that may change something (not a GET): what a cached read is checked against. */
  writeGeneration = 0;

  constructor(readonly options: NormalizedOptions) {
    this.auth = options.auth === "oauth2" ? new OAuth2Auth(() => this.fetchToken()) : new BasicAuth(options.keyId, options.keySecret);
  }

  /** Sends an API call; resolves with the validated body (undefined for 204). */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    if (spec.method === "GET") return this.exchange(spec);
    this.writeGeneration++;
    try {
      return await this.exchange(spec);
    } finally {
      this.writeGeneration++;
    }
  }

  private async exchange<T>(spec: CallSpec<T>): Promise<T> {
    const api = spec.api ?? "fax";
    const url = new URL((api === "fax" ? this.options.baseUrl : this.options.numbersUrl) + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
    const outgoing: Outgoing = {
      method: spec.method,
      url,
      path: spec.path,
      governor: this.governors[api],
      authorization: () => this.auth.header(),
      renewable: true,
    };
    if (spec.body !== undefined) {
      outgoing.body = JSON.stringify(spec.body);
      outgoing.contentType = "application/json";
    }
    const response = await this.send(outgoing, { idempotent: spec.method !== "POST" });
    return this.parse(spec, response);
  }

  /** Closes idle connections, so a process can exit at once. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /**
   * The one retry loop. Repeats a request after a transient failure while
   * retries are left, waiting `Retry-After` or a backoff; repeats it once
   * more, not counted, after a 401 that renewed the credential. A request
   * that is not idempotent is never repeated once it may have been applied:
   * its error says `outcomeUnknown` instead. Resolves with a 2xx response.
   */
  private async send(request: Outgoing, { idempotent }: { idempotent: boolean }): Promise<RawResponse> {
    let retries = 0;
    let renewed = false;
    for (;;) {
      const attempt = await this.attempt(request, idempotent);
      let retryAfterMs: number | undefined;
      if ("response" in attempt) {
        const { response } = attempt;
        if (response.ok) {
          request.governor.onSuccess();
          return response;
        }
        if (response.status === 401 && request.renewable && !renewed && this.auth.renewAfter401(response.headers.get("www-authenticate"))) {
          renewed = true;
          continue;
        }
        if (response.status === 429) request.governor.onThrottled();
        const decision = decideRetry(idempotent, response);
        if (decision !== "retry" || retries >= this.options.retry.maxRetries) {
          throw httpError(request, response, decision === "outcome-unknown", this.options.keySecret);
        }
        retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      } else if (attempt.decision !== "retry" || retries >= this.options.retry.maxRetries) {
        throw attempt.error;
      }
      await sleep(nextDelayMs(retries++, this.options.retry, retryAfterMs));
    }
  }

  /** One attempt: the response, or the network failure and whether it may be repeated. */
  private async attempt(request: Outgoing, idempotent: boolean): Promise<Attempt> {
    const headers: Record<string, string> = { authorization: await request.authorization(), accept: "application/json" };
    if (request.contentType) headers["content-type"] = request.contentType;
    await request.governor.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const init: RequestInit = {
      method: request.method,
      headers,
      agent: request.url.protocol === "https:" ? this.agents.https : this.agents.http,
      signal: controller.signal as RequestInit["signal"],
      body: request.body,
    };
    try {
      const res = await fetch(request.url.toString(), init);
      return { response: { status: res.status, ok: res.ok, text: await res.text(), headers: res.headers } };
    } catch (e) {
      const failure = e as { name?: string; code?: string; message?: string };
      const timedOut = failure.name === "AbortError";
      const decision = decideRetry(idempotent, timedOut ? TIMED_OUT : { networkCode: failure.code });
      const call = { method: request.method, path: request.path, outcomeUnknown: decision === "outcome-unknown", cause: e };
      const error = timedOut
        ? new SinchTimeoutError({ ...call, timeoutMs: this.options.timeoutMs })
        : new SinchNetworkError({ ...call, code: failure.code, detail: failure.message ?? String(e) });
      return { error, decision };
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(spec: { method: string; path: string; schema?: z.ZodType<T> }, response: RawResponse): T {
    if (!spec.schema) return undefined as T;
    const call = { method: spec.method, path: spec.path, status: response.status };
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch (e) {
      throw new SinchResponseError({ ...call, problems: ["the body is not JSON"], cause: e });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
      throw new SinchResponseError({ ...call, problems });
    }
    return parsed.data;
  }

  /** Trades the key for a bearer token at the token endpoint; asking changes nothing, so it is retried as if idempotent. */
  private async fetchToken(): Promise<IssuedToken> {
    const url = new URL(this.options.authUrl);
    const basic = new BasicAuth(this.options.keyId, this.options.keySecret);
    const request: Outgoing = {
      method: "POST",
      url,
      path: url.pathname,
      contentType: "application/x-www-form-urlencoded",
      body: "grant_type=client_credentials",
      authorization: () => basic.header(),
      renewable: false,
      governor: this.governors.fax,
    };
    const response = await this.send(request, { idempotent: true });
    const token = this.parse({ method: "POST", path: url.pathname, schema: tokenSchema }, response);
    return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
  }
}

/** The error for an error status; what Sinch said is kept, with any credential in it masked. */
function httpError(request: Outgoing, response: RawResponse, outcomeUnknown: boolean, keySecret: string): SinchHttpError {
  const text = withoutCredentials(response.text, keySecret);
  const body = errorBody(text);
  return new SinchHttpError({
    method: request.method,
    path: request.path,
    status: response.status,
    outcomeUnknown,
    fieldViolations: body?.details?.flatMap((d) => d.fieldViolations ?? []),
    code: body?.code,
    statusName: body?.status ?? body?.error,
    sinchMessage: body?.message ?? (body ? undefined : plainMessage(text)),
  });
}

/** Sinch's JSON error body, or undefined when the text is not one. */
function errorBody(text: string): ReturnType<typeof errorBodySchema.parse> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
    // Stryker disable next-line BlockStatement: without the return, json stays undefined, which no error body matches either
  } catch {
    return undefined;
  }
  // The Numbers API nests its error (`{"error": {"code", "message", "status"}}`); the Fax API's `error` is a
  // name. Object(): null and other non-objects have no `error` either.
  const nested: unknown = Object(json).error;
  return errorBodySchema.safeParse(typeof nested === "object" ? nested : json).data;
}

/** A short message from a non-JSON body (an HTML error page, say), without its markup. */
function plainMessage(text: string): string | undefined {
  const plain = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain ? plain.slice(0, 200) : undefined;
}
