import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  isRefusal,
  isSinchFaxError,
  isSinchHttpError,
  type Service,
  SinchFaxClient,
  SinchHttpError,
  SinchNetworkError,
  SinchResponseError,
  SinchTimeoutError,
} from "../../provider/client";
import { type EmulatorFixture, withEmulator } from "../helpers/emulator";

describe("client against the emulator", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator({ faultSeed: 1 });
  });
  afterEach(() => fx.close());

  test("create, get, update, delete with typed results", async () => {
    const created = await fx.client.createService({
      name: "Typed",
      numberOfRetries: 2,
      resolution: "SUPERFINE",
      defaultFrom: "+15551230000",
    });
    expect(created).toMatchObject({ name: "Typed", numberOfRetries: 2, resolution: "SUPERFINE", defaultForProject: false });
    expect(await fx.client.getService(created.id)).toEqual(created);
    const updated = await fx.client.updateService(created.id, { numberOfRetries: 0, defaultFrom: "" });
    expect(updated.numberOfRetries).toBe(0);
    expect(updated.defaultFrom).toBeUndefined();
    await fx.client.deleteService(created.id);
    await expect(fx.client.getService(created.id)).rejects.toBeInstanceOf(SinchHttpError);
    expect(fx.emulator.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      "POST 201",
      "GET 200",
      "PATCH 200",
      "DELETE 204",
      "GET 404",
    ]);
  });

  test("lists every service and every number over several pages", async () => {
    for (let i = 0; i < 11; i++) await fx.client.createService({ name: `svc-${i}` });
    fx.emulator.requests = [];
    const all: Service[] = [];
    for await (const s of fx.client.listServices(4)) all.push(s);
    expect(all.map((s) => s.name)).toEqual(["Default service", ...Array.from({ length: 11 }, (_, i) => `svc-${i}`)]);
    expect(fx.emulator.requests.map((r) => r.query)).toEqual([1, 2, 3].map((p) => ({ page: String(p), pageSize: "4" })));

    const target = all[3];
    for (let i = 0; i < 7; i++) {
      fx.emulator.store.attachNumber({
        phoneNumber: `+1555100000${i}`,
        permissions: "receive",
        country: "SE",
        suspended: i === 0,
        projectId: fx.emulator.projectId,
        serviceId: target!.id,
      });
    }
    const numbers = await fx.client.listNumbers(target!.id, 3);
    expect(numbers).toHaveLength(7);
    expect(numbers[0]).toEqual({
      phoneNumber: "+15551000000",
      permissions: "receive",
      country: "SE",
      suspended: true,
      projectId: fx.emulator.projectId,
      serviceId: target!.id,
    });
    expect(await fx.client.listNumbers(all[0]!.id)).toEqual([]);
  });

  test("an API error carries status, Sinch's code, message, violations, method and path, and no secret", async () => {
    const error = await fx.client.createService({ name: "x".repeat(61), numberOfRetries: 9 }).catch((e) => e);
    expect(error).toBeInstanceOf(SinchHttpError);
    expect(error).toMatchObject({
      status: 422,
      code: 422,
      statusName: "INVALID_ARGUMENT",
      sinchMessage: "Invalid service",
      method: "POST",
      path: `/v3/projects/${fx.emulator.projectId}/services`,
      outcomeUnknown: false,
      fieldViolations: [
        { field: "name", description: "must be at most 60 characters" },
        { field: "numberOfRetries", description: "must be an integer from 0 to 5" },
      ],
    });
    expect(error.message).toBe(
      `POST /v3/projects/${fx.emulator.projectId}/services failed with HTTP 422 INVALID_ARGUMENT: Invalid service ` +
        "(name: must be at most 60 characters; numberOfRetries: must be an integer from 0 to 5)",
    );
    const wrongKey = fx.clientWith({ keySecret: "not-the-secret" });
    const unauthorized = await wrongKey.getService("x").catch((e) => e);
    expect(unauthorized).toMatchObject({ status: 401, sinchMessage: undefined, fieldViolations: [] });
    for (const e of [error, unauthorized]) {
      expect(`${e.message} ${JSON.stringify(e)} ${e.stack}`).not.toContain(fx.emulator.keySecret);
      expect(`${e.message} ${JSON.stringify(e)}`).not.toContain("not-the-secret");
    }
  });

  test.each([
    ["legacy", { code: "503", statusName: "Service unavailable", sinchMessage: "Service unavailable" }],
    ["empty", { code: undefined, statusName: undefined, sinchMessage: undefined }],
    ["text", { code: undefined, statusName: undefined, sinchMessage: "Service unavailable" }],
    ["standard", { code: 503, statusName: "UNAVAILABLE", sinchMessage: "Service unavailable" }],
  ] as const)("accepts a %s error body", async (errorBody, expected) => {
    const client = fx.clientWith({ retry: { maxRetries: 0 } });
    fx.emulator.faults.set([{ operations: ["get"], status503: 1, errorBody }]);
    const [service] = fx.emulator.store.listServices(fx.emulator.projectId);
    const error = await client.getService(service!.id).catch((e) => e);
    expect(error).toBeInstanceOf(SinchHttpError);
    expect(error).toMatchObject({ status: 503, ...expected });
  });

  test("retries 429, 502-504 and dropped connections on idempotent calls, honouring Retry-After", async () => {
    const [service] = fx.emulator.store.listServices(fx.emulator.projectId);
    fx.emulator.faults.set([
      { operations: ["update"], status429: 1, retryAfterSeconds: 1, times: 1 },
      { operations: ["update"], status503: 1, times: 1 },
      { operations: ["update"], drop: 1, times: 1 },
    ]);
    const started = Date.now();
    const updated = await fx.client.updateService(service!.id, { numberOfRetries: 1 });
    expect(updated.numberOfRetries).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fx.emulator.requests.map((r) => r.fault ?? r.status)).toEqual(["status429", "status503", "drop", 200]);
  });

  test("gives up after maxRetries with the last error", async () => {
    const client = fx.clientWith({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    fx.emulator.faults.set([{ operations: ["list"], status503: 1 }]);
    const error = await client.listServicesPage(1).catch((e) => e);
    expect(error).toMatchObject({ status: 503, outcomeUnknown: false });
    expect(fx.emulator.requests).toHaveLength(3);
  });

  test("a POST is retried after 429 but never blindly after an unknown outcome", async () => {
    fx.emulator.faults.set([{ operations: ["create"], status429: 1, times: 1 }]);
    await fx.client.createService({ name: "after-429" });
    expect(fx.emulator.requests.map((r) => r.status)).toEqual([429, 201]);

    for (const rule of [{ lost: 1 }, { drop: 1 }, { status503: 1 }, { status500: 1 }]) {
      fx.emulator.requests = [];
      fx.emulator.faults.set([{ operations: ["create"], times: 1, ...rule }]);
      const error = await fx.client.createService({ name: "unknown" }).catch((e) => e);
      expect(error.outcomeUnknown).toBe(true);
      expect(fx.emulator.requests).toHaveLength(1);
    }
    // Only the lost response had been applied.
    expect(fx.emulator.store.listServices(fx.emulator.projectId).map((s) => s.name)).toEqual(["Default service", "after-429", "unknown"]);
  });

  test("times out each request", async () => {
    const client = fx.clientWith({ timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    fx.emulator.faults.set([{ operations: ["list"], latencyMs: { min: 400, max: 400 } }]);
    const error = await client.listServicesPage(1).catch((e) => e);
    expect(error).toBeInstanceOf(SinchTimeoutError);
    expect(error.message).toBe(`GET /v3/projects/${fx.emulator.projectId}/services timed out after 100 ms`);
    expect(fx.emulator.requests).toHaveLength(2);
    fx.emulator.faults.set([{ operations: ["create"], latencyMs: { min: 400, max: 400 } }]);
    const postError = await client.createService({ name: "slow" }).catch((e) => e);
    expect(postError).toBeInstanceOf(SinchTimeoutError);
    expect(postError.outcomeUnknown).toBe(true);
  });

  test("reuses connections", async () => {
    const before = fx.emulator.connectionsAccepted;
    for (let i = 0; i < 10; i++) await fx.client.listServicesPage(1);
    expect(fx.emulator.connectionsAccepted - before).toBe(1);
  });

  test("a refused connection is a network error, retried even for POST", async () => {
    const url = fx.emulator.url;
    await fx.emulator.close();
    const client = new SinchFaxClient({
      projectId: "p",
      keyId: "k",
      keySecret: "s",
      baseUrl: url,
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await client.createService({ name: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(SinchNetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", outcomeUnknown: false, method: "POST" });
    fx = await withEmulator();
  });

  test("a successful response that breaks the schema is a SinchResponseError", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "x", name: 5, defaultForProject: "maybe" }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const client = new SinchFaxClient({ projectId: "p", keyId: "k", keySecret: "s", baseUrl: `http://127.0.0.1:${port}` });
    const error = await client.getService("x").catch((e) => e);
    client.close();
    server.close();
    expect(error).toBeInstanceOf(SinchResponseError);
    expect(error.problems).toEqual([
      "name: Invalid input: expected string, received number",
      "defaultForProject: Invalid input: expected boolean, received string",
    ]);
  });
});

describe("client OAuth2", () => {
  let fx: EmulatorFixture;
  afterEach(() => fx.close());

  test("one token is fetched for many concurrent calls and reused", async () => {
    fx = await withEmulator({ tokenTtlSeconds: 3600 });
    const client = fx.clientWith({ auth: "oauth2" });
    await Promise.all(Array.from({ length: 8 }, () => client.listServicesPage(1)));
    await client.listServicesPage(1);
    expect(fx.emulator.requests.filter((r) => r.operation === "token")).toHaveLength(1);
    expect(fx.emulator.requests.filter((r) => r.operation === "list" && r.status === 200)).toHaveLength(9);
  });

  test("a token is refreshed a minute before it expires", async () => {
    fx = await withEmulator({ tokenTtlSeconds: 61 });
    const client = fx.clientWith({ auth: "oauth2" });
    await client.listServicesPage(1);
    await new Promise((r) => setTimeout(r, 1100));
    await client.listServicesPage(1);
    expect(fx.emulator.requests.map((r) => r.operation)).toEqual(["token", "list", "token", "list"]);
  });

  test("an expired-token 401 gets one new token and one retry", async () => {
    fx = await withEmulator({ tokenTtlSeconds: 3600 });
    const client = fx.clientWith({ auth: "oauth2" });
    await client.listServicesPage(1);
    fx.emulator.auth.expireAll();
    await client.listServicesPage(1);
    expect(fx.emulator.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      "token 200",
      "list 200",
      "list 401",
      "token 200",
      "list 200",
    ]);
  });

  test("a bad key fails at the token endpoint with a typed error", async () => {
    fx = await withEmulator();
    const client = fx.clientWith({ auth: "oauth2", keySecret: "wrong" });
    const error = await client.listServicesPage(1).catch((e) => e);
    expect(error).toMatchObject({ status: 401, method: "POST", path: "/oauth2/token" });
    expect(error.message).not.toContain("wrong");
  });
});

describe("client errors", () => {
  test("keep their kind, name, call and cause; never a credential, even one Sinch quotes back", async () => {
    const secret = "key-secret-9f8e";
    const server = createServer((_req, res) => {
      res.writeHead(422, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          code: 422,
          status: "INVALID_ARGUMENT",
          message: `incomingWebhookUrl https://bot:hook-pw-7@hooks.example/in is unreachable; key ${secret}`,
          details: [
            { type: "BadRequest", fieldViolations: [{ field: "incomingWebhookUrl", description: "ftp://bot:hook-pw-7@x refused" }] },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = new SinchFaxClient({
      projectId: "p",
      keyId: "k",
      keySecret: secret,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    try {
      const error = await client.updateService("01ARZ3NDEKTSV4RRFFQ69G5FAV", { name: "x" }).catch((e) => e);
      expect(isSinchHttpError(error, 422)).toBe(true);
      expect(isSinchFaxError(error)).toBe(true);
      expect(error).toMatchObject({ name: "SinchHttpError", method: "PATCH", outcomeUnknown: false, statusName: "INVALID_ARGUMENT" });
      const all = `${error.message}${error.stack}${error.sinchMessage}${JSON.stringify(error.fieldViolations)}`;
      expect(all).not.toContain("hook-pw-7");
      expect(all).not.toContain(secret);
      expect(error.sinchMessage).toContain("https://bot:***@hooks.example/in");
      expect(error.fieldViolations[0].description).toBe("ftp://bot:***@x refused");
      expect(isRefusal(error)).toBe(true);
    } finally {
      client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("outcomeUnknown is set when the error is made, and the network error is the cause", () => {
    const cause = new Error("socket hang up");
    const error = new SinchNetworkError({ method: "POST", path: "/x", detail: "socket hang up", outcomeUnknown: true, cause });
    expect(error).toMatchObject({ name: "SinchNetworkError", outcomeUnknown: true, cause });
    expect(new SinchTimeoutError({ method: "GET", path: "/x", timeoutMs: 5 })).toMatchObject({
      name: "SinchTimeoutError",
      outcomeUnknown: false,
    });
  });
});
