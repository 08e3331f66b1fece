import { SinchFaxClient, type SinchFaxClientOptions, SinchHttpError, SinchNetworkError, SinchResponseError } from "../../provider/client";
import { Transport } from "../../provider/client/http";
import { normalizeOptions } from "../../provider/client/options";
import { withEmulator } from "../helpers/emulator";
import { type RecordedRequest, type RecordingServer, recordingServer, type ScriptedReply } from "../helpers/recording-server";

// What goes on the wire: headers, bodies, URLs, retries, and what an answer becomes.

const SERVICE = { id: "S1", name: "One", defaultForProject: false };
const KEY = { keyId: "key-id", keySecret: "key-secret" };
const BASIC = `Basic ${Buffer.from("key-id:key-secret").toString("base64")}`;
const EXPIRED = { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"' };

const servers: RecordingServer[] = [];
const clients: Array<{ close(): void }> = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

async function server(reply: (request: RecordedRequest, index: number) => ScriptedReply): Promise<RecordingServer> {
  const s = await recordingServer(reply);
  servers.push(s);
  return s;
}

function clientOf(s: RecordingServer, extra: Partial<SinchFaxClientOptions> = {}): SinchFaxClient {
  const client = new SinchFaxClient({
    projectId: "proj 1",
    ...KEY,
    baseUrl: s.url,
    authUrl: `${s.url}/oauth2/token`,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    ...extra,
  });
  clients.push(client);
  return client;
}

describe("what the client sends", () => {
  test("a write sends JSON with its type; every call asks for JSON with the key; a call without a body sends neither", async () => {
    const s = await server((r) => (r.method === "DELETE" ? { status: 204 } : { status: r.method === "POST" ? 201 : 200, body: SERVICE }));
    const client = clientOf(s);
    await client.createService({ name: "One" });
    await client.getService("S/1");
    expect(await client.deleteService("S1")).toBeUndefined();
    expect(s.requests.map((r) => [r.method, r.url, r.headers["content-type"], r.body])).toEqual([
      ["POST", "/v3/projects/proj%201/services", "application/json", '{"name":"One"}'],
      ["GET", "/v3/projects/proj%201/services/S%2F1", undefined, ""],
      ["DELETE", "/v3/projects/proj%201/services/S1", undefined, ""],
    ]);
    for (const r of s.requests) expect([r.headers.accept, r.headers.authorization]).toEqual(["application/json", BASIC]);
  });

  test("Fax API calls go to baseUrl, Numbers API calls to numbersUrl", async () => {
    const fax = await server(() => ({ status: 200, body: SERVICE }));
    const numbers = await server(() => ({ status: 200, body: { phoneNumber: "+15551230000" } }));
    const client = clientOf(fax, { numbersUrl: numbers.url });
    await client.getService("S1");
    expect(await client.numbers.getActiveNumber("+15551230000")).toEqual({ phoneNumber: "+15551230000" });
    expect(fax.requests.map((r) => r.url)).toEqual(["/v3/projects/proj%201/services/S1"]);
    expect(numbers.requests.map((r) => r.url)).toEqual(["/v1/projects/proj%201/activeNumbers/%2B15551230000"]);
  });

  test("a finished call leaves no timer behind, and close() ends its connections", async () => {
    const s = await server(() => ({ status: 200, body: SERVICE }));
    const client = clientOf(s, { timeoutMs: 60_000 });
    // The call's own timer (not the loopback server's keep-alive timers, which come and go in this process too).
    const set = jest.spyOn(global, "setTimeout");
    const clear = jest.spyOn(global, "clearTimeout");
    try {
      await client.getService("S1");
      const own = set.mock.results.filter((_, i) => set.mock.calls[i]?.[1] === 60_000).map((r) => r.value);
      expect(own).toHaveLength(1);
      expect(clear.mock.calls.map(([handle]) => handle)).toContain(own[0]);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
    expect(s.openConnections()).toBe(1);
    client.close();
    await s.allClosed();
  });
});

describe("what an answer becomes", () => {
  test("only a 2xx is a success", async () => {
    const s = await server(() => ({ status: 300, body: SERVICE }));
    const error = await clientOf(s)
      .getService("S1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(SinchHttpError);
    expect(error.status).toBe(300);
    expect(s.requests).toHaveLength(1);
  });

  test.each([
    ["<html>oops</html>", ["the body is not JSON"]],
    [[SERVICE], ["(body): Invalid input: expected object, received array"]],
    [
      { ...SERVICE, name: undefined, defaultForProject: 1 },
      ["name: Invalid input: expected string, received undefined", "defaultForProject: Invalid input: expected boolean, received number"],
    ],
  ])("a 200 with %j is a SinchResponseError that names each problem", async (body, problems) => {
    const s = await server(() => ({ status: 200, body }));
    const error = await clientOf(s)
      .getService("S1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(SinchResponseError);
    expect(error).toMatchObject({ status: 200, method: "GET", path: "/v3/projects/proj%201/services/S1", problems });
  });

  test("a field deep in a list is named by its path", async () => {
    const s = await server(() => ({
      status: 200,
      body: { services: [SERVICE, { ...SERVICE, id: "" }], page: 1, totalPages: 1, pageSize: 2, totalItems: 2 },
    }));
    const error = await clientOf(s)
      .listServicesPage(1)
      .catch((e) => e);
    expect(error.problems).toEqual(["services.1.id: Too small: expected string to have >=1 characters"]);
  });

  test.each([
    ["a voice configuration's type", { phoneNumber: "+15551230000", voiceConfiguration: { type: 5 } }, "voiceConfiguration.type"],
    [
      "a provisioning's status",
      { phoneNumber: "+15551230000", voiceConfiguration: { type: "FAX", scheduledVoiceProvisioning: { status: 5 } } },
      "voiceConfiguration.scheduledVoiceProvisioning.status",
    ],
    ["a number's region", { phoneNumber: "+15551230000", regionCode: 5 }, "regionCode"],
  ])("an active number with %s that is not a string is an unexpected body", async (_, body, path) => {
    const s = await server(() => ({ status: 200, body }));
    const error = await clientOf(s, { numbersUrl: s.url })
      .numbers.getActiveNumber("+15551230000")
      .catch((e) => e);
    expect(error).toBeInstanceOf(SinchResponseError);
    expect(error.problems).toEqual([expect.stringMatching(new RegExp(`^${path.replace(/\./g, "\\.")}: `))]);
  });

  test("a cover page whose content is not a string is an unexpected body", async () => {
    const s = await server(() => ({ status: 200, body: { id: "C1", name: "cover", file: { fileContent: 5 } } }));
    const error = await clientOf(s)
      .createCoverPage("S1", { name: "cover", pdf: Buffer.from("%PDF-") })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SinchResponseError);
    expect(error.problems).toEqual([expect.stringMatching(/^file\.fileContent: /)]);
  });

  test.each([
    ["a JSON body without a message", { code: 404 }, { code: 404, sinchMessage: undefined, statusName: undefined }],
    [
      "the Numbers API's nested error",
      { error: { code: 404, message: "Number not found", status: "NOT_FOUND" } },
      { code: 404, sinchMessage: "Number not found", statusName: "NOT_FOUND" },
    ],
    [
      "an HTML page, without its markup, cut short",
      `<html><body><h1>Not   found</h1>\n<p>${"x".repeat(300)}</p></body></html>`,
      { code: undefined, sinchMessage: `Not found ${"x".repeat(190)}`, statusName: undefined },
    ],
    ["a page without text", "<html><body></body></html>", { code: undefined, sinchMessage: undefined, statusName: undefined }],
  ])("an error status with %s", async (_, body, expected) => {
    const s = await server(() => ({ status: 404, body }));
    const error = await clientOf(s)
      .getService("S1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(SinchHttpError);
    expect(error).toMatchObject({ status: 404, ...expected });
  });

  test("field violations are gathered from every detail that has some", async () => {
    const details = [{ type: "Other" }, { type: "BadRequest", fieldViolations: [{ field: "name", description: "too long" }] }];
    const s = await server(() => ({ status: 400, body: { code: 400, status: "INVALID_ARGUMENT", message: "Invalid", details } }));
    const error = await clientOf(s)
      .getService("S1")
      .catch((e) => e);
    expect(error.fieldViolations).toEqual([{ field: "name", description: "too long" }]);
  });

  test("a retry waits for its backoff, or for Retry-After when the API gives one", async () => {
    const s = await server((_, i) =>
      i < 2 ? { status: 503, headers: i === 1 ? { "retry-after": "0.6" } : {} } : { status: 200, body: SERVICE },
    );
    const client = clientOf(s, { retry: { maxRetries: 2, baseDelayMs: 800, maxDelayMs: 800 } });
    const started = Date.now();
    await client.getService("S1");
    // A backoff of 400 to 800 ms (jittered), then the 600 ms asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(s.requests).toHaveLength(3);
  });

  test("a dropped connection is retried maxRetries times on a GET, then is a network error", async () => {
    const fx = await withEmulator();
    try {
      const client = fx.clientWith({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
      fx.emulator.faults.set([{ operations: ["list"], drop: 1 }]);
      const error = await client.listServicesPage(1).catch((e) => e);
      expect(error).toBeInstanceOf(SinchNetworkError);
      expect(error).toMatchObject({ code: "ECONNRESET", outcomeUnknown: false, method: "GET" });
      expect(error.message).toMatch(
        new RegExp(`^GET /v3/projects/${fx.emulator.projectId}/services failed on the network: request to http.*socket hang up$`),
      );
      expect(fx.emulator.requests.map((r) => r.fault)).toEqual(["drop", "drop", "drop"]);
    } finally {
      await fx.close();
    }
  });
});

describe("OAuth2 on the wire", () => {
  const token = (r: RecordedRequest) => r.url === "/oauth2/token";

  test("the token is a form POST of the client-credentials grant with the key; a 503 there is retried", async () => {
    const s = await server((r, i) =>
      token(r)
        ? i === 0
          ? { status: 503 }
          : { status: 200, body: { access_token: "tok", expires_in: 3600 } }
        : { status: 200, body: SERVICE },
    );
    await clientOf(s, { auth: "oauth2" }).getService("S1");
    expect(s.requests.map((r) => [r.method, r.url, r.headers["content-type"], r.headers.authorization, r.body])).toEqual([
      ["POST", "/oauth2/token", "application/x-www-form-urlencoded", BASIC, "grant_type=client_credentials"],
      ["POST", "/oauth2/token", "application/x-www-form-urlencoded", BASIC, "grant_type=client_credentials"],
      ["GET", "/v3/projects/proj%201/services/S1", undefined, "Bearer tok", ""],
    ]);
  });

  test("a 401 that renewed the token is repeated once, not more", async () => {
    let issued = 0;
    const s = await server((r) =>
      token(r) ? { status: 200, body: { access_token: `tok-${++issued}`, expires_in: 3600 } } : { status: 401, headers: EXPIRED },
    );
    const error = await clientOf(s, { auth: "oauth2" })
      .getService("S1")
      .catch((e) => e);
    expect(error).toMatchObject({ status: 401, path: "/v3/projects/proj%201/services/S1" });
    expect(s.requests.map((r) => `${r.method} ${r.headers.authorization}`)).toEqual([
      `POST ${BASIC}`,
      "GET Bearer tok-1",
      `POST ${BASIC}`,
      "GET Bearer tok-2",
    ]);
  });

  test("a 401 of the token endpoint is not repeated, and a broken token is a SinchResponseError", async () => {
    const refusing = await server(() => ({ status: 401, headers: EXPIRED }));
    const error = await clientOf(refusing, { auth: "oauth2" })
      .getService("S1")
      .catch((e) => e);
    expect(error).toMatchObject({ status: 401, method: "POST", path: "/oauth2/token" });
    expect(refusing.requests).toHaveLength(1);

    const broken = await server(() => ({ status: 200, body: { access_token: "", expires_in: 60 } }));
    const invalid = await clientOf(broken, { auth: "oauth2" })
      .getService("S1")
      .catch((e) => e);
    expect(invalid).toBeInstanceOf(SinchResponseError);
    expect(invalid).toMatchObject({ method: "POST", path: "/oauth2/token" });
  });
});

describe("the pace of each API", () => {
  // The clock stands still (timers and the network run as usual), so every call falls in the same second.
  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: [
        "hrtime",
        "nextTick",
        "performance",
        "queueMicrotask",
        "setImmediate",
        "clearImmediate",
        "setInterval",
        "clearInterval",
        "setTimeout",
        "clearTimeout",
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  const transportOf = (fax: RecordingServer, numbers: RecordingServer, auth: "basic" | "oauth2" = "basic") => {
    const t = new Transport(
      normalizeOptions({
        projectId: "p",
        ...KEY,
        auth,
        baseUrl: fax.url,
        numbersUrl: numbers.url,
        authUrl: `${fax.url}/oauth2/token`,
        retry: { maxRetries: 0 },
      }),
    );
    clients.push(t);
    return t;
  };
  const reply = (r: RecordedRequest): ScriptedReply =>
    r.url === "/oauth2/token"
      ? { status: 200, body: { access_token: "tok", expires_in: 3600 } }
      : r.url === "/busy"
        ? { status: 429 }
        : { status: 204 };

  test("a 429 paces the API that sent it at 1.25 times what got through, and only that API", async () => {
    const fax = await server(reply);
    const numbers = await server(reply);
    const t = transportOf(fax, numbers);
    for (let i = 0; i < 8; i++) await t.call({ method: "GET", path: "/ok" });
    await expect(t.call({ method: "GET", path: "/busy" })).rejects.toMatchObject({ status: 429 });
    expect([t.governors.fax.rate, t.governors.numbers.rate]).toEqual([10, Infinity]);
    await expect(t.call({ api: "numbers", method: "GET", path: "/busy" })).rejects.toMatchObject({ status: 429 });
    expect(t.governors.numbers.rate).toBe(2);
  });

  test("a token fetched counts toward the Fax API's pace", async () => {
    const fax = await server(reply);
    const t = transportOf(fax, await server(reply), "oauth2");
    for (let i = 0; i < 7; i++) await t.call({ method: "GET", path: "/ok" });
    await expect(t.call({ method: "GET", path: "/busy" })).rejects.toMatchObject({ status: 429 });
    expect(t.governors.fax.rate).toBe(10);
  });

  test("an error status other than 429 does not pace anything", async () => {
    const fax = await server(() => ({ status: 404 }));
    const t = transportOf(fax, fax);
    await expect(t.call({ method: "GET", path: "/missing" })).rejects.toMatchObject({ status: 404 });
    await expect(t.call({ api: "numbers", method: "GET", path: "/missing" })).rejects.toMatchObject({ status: 404 });
    expect([t.governors.fax.rate, t.governors.numbers.rate]).toEqual([Infinity, Infinity]);
  });
});
