import { type Emulator, startEmulator } from "../../emulator";
import { OPERATIONS } from "../../emulator/faults";
import { keepEveryRequest } from "../helpers/conformance";
import { rawRequest, servicesPath } from "../helpers/emulator";
import { type FuzzContext, RequestFuzzer } from "../helpers/fuzz";
import { numbersSchemas, responseSchemas } from "../helpers/openapi";
import { type RawResponse, rawHttp } from "../helpers/raw-http";

// A bounded, seeded fuzz run: EMULATOR_FUZZ_SEED=<n> replays (or varies) it.
const SEED = Number(process.env.EMULATOR_FUZZ_SEED ?? 20_261_127);
const REQUESTS = 2_000;
const BATCH = 20;

/** Every status the emulator may answer a client with (500 only ever for a bug). */
const DOCUMENTED = new Set([200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429]);

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe(`emulator fuzz (seed ${SEED})`, () => {
  let e: Emulator;
  let ctx: FuzzContext;
  beforeAll(async () => {
    e = await startEmulator({
      provisioningDelayMs: 5,
      extraProjects: [{ projectId: "fuzz-other", keyId: "fuzz-other-key", keySecret: "fuzz-other-secret" }],
    });
    const token = await rawRequest(e, "POST", "/oauth2/token", {
      body: "grant_type=client_credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    ctx = {
      projectId: e.projectId,
      otherProjectId: "fuzz-other",
      basic: basic(e.keyId, e.keySecret),
      otherBasic: basic("fuzz-other-key", "fuzz-other-secret"),
      bearer: `Bearer ${token.json.access_token}`,
      serviceIds: [],
      phoneNumbers: [],
      routedNumbers: [],
      coverPageIds: [],
      emails: [],
    };
  });
  afterAll(() => e.close());

  /** The emulator still answers an ordinary request. */
  const stillServing = async () => {
    // Fuzzed control bodies may set a rate limit or 429 rules; lift them so the check itself is ordinary.
    e.rateLimit = undefined;
    e.faults.clear();
    const res = await rawRequest(e, "GET", servicesPath(e));
    return res.status;
  };

  test(`${REQUESTS} generated requests: no crash, no 500, documented statuses, error bodies in Sinch's shape`, async () => {
    const fuzzer = new RequestFuzzer(SEED);
    // Every request, even across the resets a fuzzed control call makes.
    const logged = keepEveryRequest(e);
    const failures: string[] = [];
    const seen = new Map<number, number>();
    const started = Date.now();
    for (let sent = 0; sent < REQUESTS; sent += BATCH) {
      refresh(e, ctx);
      const batch = Array.from({ length: BATCH }, () => fuzzer.next(ctx));
      // Core errors come from another realm than jest's, so no instanceof: a plain string says it failed.
      const answers = await Promise.all(batch.map((r) => rawHttp(e.url, r.bytes, 10_000).catch((err: Error) => `${err.message}`)));
      answers.forEach((answer, i) => {
        if (typeof answer !== "string") seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
        const problem = judge(answer, batch[i]?.path);
        if (problem) failures.push(`#${sent + i} ${problem}\n    request: ${batch[i]?.description}`);
      });
      const health = await stillServing();
      if (health !== 200) failures.push(`after request #${sent + BATCH - 1}: an ordinary GET answered ${health}`);
      if (failures.length > 0) break;
    }
    if (failures.length > 0) {
      throw new Error(`fuzz seed ${SEED} (replay: EMULATOR_FUZZ_SEED=${SEED}):\n${failures.slice(0, 10).join("\n")}`);
    }
    expect(await stillServing()).toBe(200);
    // The run reached past parsing and auth into every kind of answer, not just 400s.
    expect([...seen.keys()]).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422]));
    // And into every operation of the fax set-up and the Numbers API, most of them as far as a success.
    const setup = OPERATIONS.filter((o) => o.includes("-") || o === "suspend");
    expect([...new Set(logged.map((r) => r.operation))]).toEqual(expect.arrayContaining(setup));
    const succeeded = setup.filter((o) => logged.some((r) => r.operation === o && r.status < 300));
    expect(succeeded.length).toBeGreaterThanOrEqual(setup.length - 4);
    // Bounded: well under the 30 s test timeout even on a slow machine.
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});

/** What the generator should know of the emulator's state before the next batch. */
function refresh(e: Emulator, ctx: FuzzContext): void {
  if (!e.store.hasProject(e.projectId)) return;
  const project = e.store.projectState(e.projectId);
  ctx.serviceIds = project.services.map((s) => s.id);
  ctx.phoneNumbers = project.activeNumbers.map((n) => n.phoneNumber).slice(0, 20);
  ctx.coverPageIds = project.coverPages.map((c) => c.id).slice(0, 20);
  ctx.emails = project.emails.map((m) => m.email).slice(0, 20);
  // Keep numbers routed to the first service, so the Fax API's number endpoints have something to find.
  const first = ctx.serviceIds[0];
  if (!first) return;
  for (const phoneNumber of ["+15559000001", "+15559000002"]) {
    if (!e.store.listNumbers(e.projectId, first).some((n) => n.phoneNumber === phoneNumber)) {
      e.numbers.seed({ phoneNumber, voiceConfiguration: { type: "FAX", serviceId: first } });
    }
  }
  ctx.routedNumbers = e.store.listNumbers(e.projectId, first).map((n) => n.phoneNumber);
  ctx.phoneNumbers = [...new Set([...ctx.phoneNumbers, ...ctx.routedNumbers])];
}

/** What is wrong with one answer, or undefined when it is fine: errors of the Numbers API's paths have its shape. */
function judge(answer: RawResponse | string, path: string | undefined): string | undefined {
  if (typeof answer === "string") return `no answer: ${answer}`;
  if (!DOCUMENTED.has(answer.status)) return `status ${answer.status}: ${answer.body.slice(0, 300)}`;
  const json = (answer.headers["content-type"] ?? "").startsWith("application/json");
  if (!json || answer.body === "" || answer.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `status ${answer.status} with a JSON content type but no JSON body: ${answer.body.slice(0, 300)}`;
  }
  // A request Node cannot parse is answered before its path is known: always in the Fax API's shape.
  const unparsed = String((body as { message?: unknown }).message).startsWith("The request is not valid HTTP/1.1");
  if (path?.startsWith("/v1/") && !unparsed) {
    return numbersSchemas.error(body) ? undefined : `status ${answer.status} body is not a Numbers API error: ${answer.body.slice(0, 300)}`;
  }
  const fax = responseSchemas.error(body) && typeof (body as { code?: unknown }).code === "number";
  return fax ? undefined : `status ${answer.status} body is not an Error: ${answer.body.slice(0, 300)}`;
}
