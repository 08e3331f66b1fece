import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import { expectValid, responseSchemas } from "../helpers/openapi";

// Every control body is checked before it is used: a wrong one is a 400 naming the field.
describe("emulator control bodies", () => {
  let fx: EmulatorFixture;
  beforeAll(async () => {
    fx = await withEmulator();
  });
  afterAll(() => fx.close());

  const control = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${fx.emulator.url}/_emulator/${path}`, { method, body: body ?? null });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };
  const fields = (json: any): string[] => json.details[0].fieldViolations.map((v: { field: string }) => v.field);

  test.each([
    ["PUT", "faults", "null", ["body"]],
    ["PUT", "faults", "[]", ["body"]],
    ["PUT", "faults", '"rules"', ["body"]],
    ["PUT", "faults", '{"rules":5}', ["rules"]],
    ["PUT", "faults", '{"rules":[null]}', ["rules[0]"]],
    ["PUT", "faults", '{"rules":[{"drop":2}]}', ["rules[0].drop"]],
    ["PUT", "faults", '{"rules":[{"status503":-0.1}]}', ["rules[0].status503"]],
    ["PUT", "faults", '{"rules":[{"status_500":1}]}', ["rules[0]"]],
    ["PUT", "faults", '{"rules":[{"operations":["fax"]}]}', ["rules[0].operations[0]"]],
    ["PUT", "faults", '{"rules":[{"methods":"GET"}]}', ["rules[0].methods"]],
    ["PUT", "faults", '{"rules":[{"times":1.5,"skip":-1}]}', ["rules[0].times", "rules[0].skip"]],
    ["PUT", "faults", '{"rules":[{"latencyMs":{"min":10,"max":5}}]}', ["rules[0].latencyMs"]],
    ["PUT", "faults", '{"rules":[{"latencyMs":5}]}', ["rules[0].latencyMs"]],
    ["PUT", "faults", '{"rules":[{"errorBody":"xml"}]}', ["rules[0].errorBody"]],
    ["PUT", "faults", '{"rules":[{"retryAfterSeconds":"3"}]}', ["rules[0].retryAfterSeconds"]],
    ["PUT", "faults", '{"seed":"7"}', ["seed"]],
    ["PUT", "rate-limit", "null", ["body"]],
    ["PUT", "rate-limit", "{}", ["perSecond"]],
    ["PUT", "rate-limit", '{"perSecond":0}', ["perSecond"]],
    ["PUT", "rate-limit", '{"perSecond":-5}', ["perSecond"]],
    ["PUT", "rate-limit", '{"perSecond":"5"}', ["perSecond"]],
    ["PUT", "rate-limit", '{"perSecond":5,"burst":0}', ["burst"]],
    ["PUT", "rate-limit", '{"perSecond":5,"retryAfter":"no"}', ["retryAfter"]],
    ["PUT", "policy", "null", ["body"]],
    ["PUT", "policy", '{"policy":"loose"}', ["policy"]],
    ["POST", "projects", "null", ["body"]],
    ["POST", "projects", '{"projectId":5,"keyId":"k","keySecret":"s"}', ["projectId"]],
    ["POST", "projects", '{"projectId":"p","keyId":"k"}', ["keySecret"]],
    ["POST", "projects", '{"projectId":"","keyId":"k","keySecret":"s"}', ["projectId"]],
    ["POST", "numbers", "null", ["body"]],
    ["POST", "numbers", '{"serviceId":"x","phoneNumber":"5551234"}', ["phoneNumber"]],
    ["POST", "numbers", '{"serviceId":"x","phoneNumber":"+15551234567","permissions":"all"}', ["permissions"]],
    ["PUT", "faults", '{"rules":[{"operations":["cover"]}]}', ["rules[0].operations[0]"]],
    ["POST", "active-numbers", "{}", ["phoneNumber"]],
    ["POST", "active-numbers", '{"phoneNumber":"15551234567"}', ["phoneNumber"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","regionCode":"us"}', ["regionCode"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","type":"FIXED"}', ["type"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","capability":["FAX"]}', ["capability[0]"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","capability":["SMS","SMS"]}', ["capability"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","voiceConfiguration":{"type":"FAX"}}', ["voiceConfiguration.serviceId"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","voiceConfiguration":{"type":"SIP"}}', ["voiceConfiguration.type"]],
    ["POST", "active-numbers", '{"phoneNumber":"+15551234567","colour":"red"}', ["body"]],
    ["PUT", "provisioning", '{"delayMs":-1}', ["delayMs"]],
    ["PUT", "provisioning", '{"delayMs":1.5}', ["delayMs"]],
    ["PUT", "provisioning", '{"failNumbers":["5551234"]}', ["failNumbers[0]"]],
    ["PUT", "provisioning", '{"failAll":"yes"}', ["failAll"]],
    ["PUT", "provisioning", '{"fail":true}', ["body"]],
  ])("%s /_emulator/%s with %s is a 400 naming %j", async (method, path, body, expected) => {
    const before = fx.emulator.faults.list();
    const res = await control(method, path, body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, status: "INVALID_ARGUMENT", message: "Invalid request body" });
    expectValid(responseSchemas.error, res.json);
    expect(fields(res.json)).toEqual(expected);
    // Nothing was changed.
    expect(fx.emulator.faults.list()).toBe(before);
    expect(fx.emulator.rateLimit).toBeUndefined();
    expect(fx.emulator.store.policy).toBe("strict");
    expect(fx.emulator.numbers.provisioning).toEqual({ delayMs: 1000, failNumbers: [], failAll: false });
    expect(fx.emulator.store.projectState(fx.emulator.projectId).activeNumbers).toEqual([]);
  });

  test("invalid JSON and a bad `since` are 400s too", async () => {
    const bad = await control("PUT", "faults", "{rules:");
    expect([bad.status, bad.json.message]).toEqual([400, "The request body is not valid JSON"]);
    for (const since of ["x", "-1", "1.5", "9".repeat(30)]) {
      const res = await control("GET", `requests?since=${since}`);
      expect([since, res.status, fields(res.json)]).toEqual([since, 400, ["since"]]);
    }
  });

  test("a method an endpoint does not have is a 405 that lists the ones it has", async () => {
    const faults = await control("PATCH", "faults", "{}");
    expect(faults.status).toBe(405);
    expect(faults.headers.get("allow")).toBe("GET, PUT, DELETE");
    expectValid(responseSchemas.error, faults.json);
    expect((await control("GET", "policy")).status).toBe(405);
    expect((await control("GET", "nothing")).status).toBe(404);
  });

  test("valid bodies still work; methods in a rule may be in any case", async () => {
    const e = fx.emulator;
    const set = await control(
      "PUT",
      "faults",
      JSON.stringify({ rules: [{ methods: ["get"], operations: ["list"], status503: 1, times: 1 }], seed: 3 }),
    );
    expect(set.status).toBe(200);
    expect(set.json.rules[0].methods).toEqual(["GET"]);
    expect((await rawRequest(e, "GET", servicesPath(e))).status).toBe(503);
    expect((await control("PUT", "faults", "")).json).toEqual({ rules: [] });
    const limit = await control("PUT", "rate-limit", '{"perSecond":2.5}');
    expect(limit.json).toEqual({ perSecond: 2.5, burst: 3 });
    expect((await control("DELETE", "rate-limit")).status).toBe(204);
  });
});
