import { expectValid, responseSchemas, schemaProperties } from "../helpers/openapi";
import { rawRequest, servicesPath, withEmulator, type EmulatorFixture } from "../helpers/emulator";

// Every response body of the emulator validates against Sinch's OpenAPI file.
describe("emulator conformance with the OpenAPI file", () => {
  let fx: EmulatorFixture;
  beforeAll(async () => {
    fx = await withEmulator();
  });
  afterAll(() => fx.close());

  const serviceFields = new Set(schemaProperties("Service"));
  const numberFields = new Set(schemaProperties("ServicePhoneNumber"));
  const onlyDocumented = (body: Record<string, unknown>, fields: Set<string>) =>
    expect(Object.keys(body).filter((k) => !fields.has(k))).toEqual([]);

  test("the validators reject bodies that break the schemas", () => {
    expect(responseSchemas.get({ id: "x", name: 5 })).toBe(false);
    expect(responseSchemas.list({ services: [{ webhookContentType: "text/xml" }] })).toBe(false);
    expect(responseSchemas.error({ code: "404" })).toBe(false);
  });

  test("create, get, update, list and numbers bodies match their schemas", async () => {
    const e = fx.emulator;
    const created = await rawRequest(e, "POST", servicesPath(e), {
      body: JSON.stringify({ name: "Conformance", incomingWebhookUrl: "https://u:p@hooks.example/in", resolution: "SUPERFINE" }),
    });
    expect(created.status).toBe(201);
    expectValid(responseSchemas.create, created.json);
    onlyDocumented(created.json, serviceFields);
    expect(created.json.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Date(created.json.createdAt).toISOString()).toBe(created.json.createdAt);

    const got = await rawRequest(e, "GET", servicesPath(e, created.json.id));
    expectValid(responseSchemas.get, got.json);

    const patched = await rawRequest(e, "PATCH", servicesPath(e, created.json.id), { body: '{"numberOfRetries":5}' });
    expectValid(responseSchemas.update, patched.json);
    onlyDocumented(patched.json, serviceFields);

    const list = await rawRequest(e, "GET", `${servicesPath(e)}?pageSize=1&page=2`);
    expectValid(responseSchemas.list, list.json);
    for (const s of list.json.services) onlyDocumented(s, serviceFields);

    e.store.attachNumber({
      phoneNumber: "+15551230001",
      permissions: "both",
      country: "US",
      suspended: false,
      projectId: e.projectId,
      serviceId: created.json.id,
    });
    const numbers = await rawRequest(e, "GET", `${servicesPath(e, created.json.id)}/numbers`);
    expectValid(responseSchemas.numbers, numbers.json);
    for (const n of numbers.json.numbers) onlyDocumented(n, numberFields);
  });

  test("error bodies match the Error schema", async () => {
    const e = fx.emulator;
    const bodies = [
      await rawRequest(e, "GET", servicesPath(e, "01ARZ3NDEKTSV4RRFFQ69G5FAV")),
      await rawRequest(e, "POST", servicesPath(e), { body: '{"numberOfRetries": 9}' }),
      await rawRequest(e, "POST", servicesPath(e), { body: "{not json" }),
      await rawRequest(e, "GET", `${servicesPath(e)}?pageSize=5000`),
    ];
    expect(bodies.map((b) => b.status)).toEqual([404, 422, 400, 400]);
    for (const b of bodies) expectValid(responseSchemas.error, b.json);
  });
});
