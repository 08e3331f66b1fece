import {
  activeNumbersPath,
  control,
  createService,
  type EmulatorFixture,
  rawRequest,
  servicesPath,
  withEmulator,
} from "../helpers/emulator";
import { numbersSchemas } from "../helpers/openapi";
import { coverPageBody } from "../helpers/pdf";

describe("faults and the request log on the fax set-up and active numbers", () => {
  let fx: EmulatorFixture;
  let serviceId: string;
  const N = "+15558000001";
  beforeEach(async () => {
    fx = await withEmulator({ provisioningDelayMs: 0, faultSeed: 1 });
    serviceId = await createService(fx.emulator, { name: "Faults" });
    fx.emulator.numbers.seed({ phoneNumber: N, voiceConfiguration: { type: "FAX", serviceId } });
    fx.emulator.requests = [];
  });
  afterEach(() => fx.close());

  const service = (rest = "") => `${servicesPath(fx.emulator, serviceId)}${rest}`;

  test("the log names every new operation", async () => {
    const e = fx.emulator;
    const page = (await rawRequest(e, "POST", service("/coverPages"), { body: JSON.stringify(coverPageBody()) })).json;
    const calls: [string, string, unknown?][] = [
      ["GET", service("/coverPages")],
      ["GET", service(`/coverPages/${page.id}`)],
      ["DELETE", service(`/coverPages/${page.id}`)],
      ["POST", service("/emails"), { email: "l@example.com", phoneNumbers: [{ number: N }] }],
      ["GET", service("/emails")],
      ["PUT", service("/emails/l%40example.com"), { phoneNumbers: [] }],
      ["GET", service("/emails/l%40example.com/numbers")],
      ["DELETE", service("/emails/l%40example.com")],
      ["GET", service(`/numbers/${encodeURIComponent(N)}/emails`)],
      ["PATCH", service(`/numbers/${encodeURIComponent(N)}/suspend`), { suspended: true }],
      ["GET", activeNumbersPath(e)],
      ["GET", activeNumbersPath(e, N)],
      ["PATCH", activeNumbersPath(e, N), { displayName: "logged" }],
      ["PUT", activeNumbersPath(e, N), {}],
    ];
    for (const [method, path, body] of calls)
      await rawRequest(e, method, path, { body: body === undefined ? undefined : JSON.stringify(body) });
    expect(e.requests.map((r) => [r.operation, r.status])).toEqual([
      ["cover-create", 200],
      ["cover-list", 200],
      ["cover-get", 200],
      ["cover-delete", 204],
      ["email-create", 201],
      ["email-list", 200],
      ["email-update", 200],
      ["email-numbers", 200],
      ["email-delete", 204],
      ["number-emails", 200],
      ["suspend", 200],
      ["numbers-list", 200],
      ["numbers-get", 200],
      ["numbers-update", 200],
      ["unknown", 405],
    ]);
    expect(e.requests[13]!.body).toEqual({ displayName: "logged" });
  });

  test("an injected 503 on a PATCH of an active number applies nothing and has the Numbers API's shape", async () => {
    const e = fx.emulator;
    await control(e, "PUT", "faults", { rules: [{ operations: ["numbers-update"], status503: 1, times: 1 }] });
    const res = await rawRequest(e, "PATCH", activeNumbersPath(e, N), { body: '{"displayName":"x"}' });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: { code: 503, message: "Service unavailable", status: "UNAVAILABLE", details: [] } });
    expect(e.numbers.get(N)?.displayName).toBe("");
    expect(e.requests.at(-1)).toMatchObject({ operation: "numbers-update", fault: "status503" });
    // Other operations are untouched, and the legacy body shape stays as it is on any path.
    expect((await rawRequest(e, "GET", activeNumbersPath(e, N))).status).toBe(200);
    await control(e, "PUT", "faults", { rules: [{ operations: ["numbers-get"], status500: 1, errorBody: "legacy", times: 1 }] });
    expect((await rawRequest(e, "GET", activeNumbersPath(e, N))).json).toEqual({
      code: "500",
      error: "Internal error",
      message: "Internal error",
    });
  });

  test("a lost response on a cover page upload still adds it; a dropped email creation does not", async () => {
    const e = fx.emulator;
    e.faults.set([
      { operations: ["cover-create"], lost: 1, times: 1 },
      { operations: ["email-create"], drop: 1, times: 1 },
    ]);
    await expect(rawRequest(e, "POST", service("/coverPages"), { body: JSON.stringify(coverPageBody()) })).rejects.toThrow();
    await expect(
      rawRequest(e, "POST", service("/emails"), { body: JSON.stringify({ email: "d@example.com", phoneNumbers: [] }) }),
    ).rejects.toThrow();
    const project = e.store.projectState(e.projectId);
    expect([project.coverPages.length, project.emails.length]).toEqual([1, 0]);
    expect(e.requests.map((r) => [r.operation, r.fault])).toEqual([
      ["cover-create", "lost"],
      ["email-create", "drop"],
    ]);
  });

  test("the rate limit and a body over 1 MiB answer the Numbers API's paths in its shape", async () => {
    const e = fx.emulator;
    await control(e, "PUT", "rate-limit", { perSecond: 1, burst: 1 });
    await rawRequest(e, "GET", activeNumbersPath(e));
    const limited = await rawRequest(e, "GET", activeNumbersPath(e));
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    await control(e, "DELETE", "rate-limit");
    const big = await rawRequest(e, "PATCH", activeNumbersPath(e, N), {
      body: JSON.stringify({ displayName: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(numbersSchemas[413](big.json)).toBe(true);
    expect(big.json.error).toMatchObject({ code: 413, status: "CONTENT_TOO_LARGE" });
    const nowhere = await rawRequest(e, "GET", `/v1/projects/${e.projectId}/availableNumbers`);
    expect([nowhere.status, nowhere.json.error?.status]).toEqual([404, "NOT_FOUND"]);
  });
});
