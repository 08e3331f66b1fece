import type { LoggedRequest } from "../../emulator";
import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import {
  expectRequestsConform,
  expectValid,
  requestSchemas,
  responseSchemas,
  schemaProperties,
  writableProperties,
} from "../helpers/openapi";

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

// The request-side check other tests (the provider's) run over the emulator's request log.
describe("request bodies against the OpenAPI file", () => {
  const logged = (method: string, path: string, body: unknown, operation: LoggedRequest["operation"]): LoggedRequest => ({
    seq: 1,
    time: new Date().toISOString(),
    method,
    path,
    query: {},
    body,
    status: 200,
    durationMs: 0,
    operation,
  });
  const patchOf = (body: unknown) => logged("PATCH", "/v3/projects/p/services/S", body, "update");
  const postOf = (body: unknown) => logged("POST", "/v3/projects/p/services", body, "create");

  test("the request schemas refuse null and accept an empty string", () => {
    for (const validate of [requestSchemas.create, requestSchemas.update]) {
      expect(validate({ resolution: null })).toBe(false);
      expect(validate({ defaultFrom: null })).toBe(false);
      expect(validate({ resolution: "ULTRA" })).toBe(false);
      expect(validate({ defaultFrom: "" })).toBe(true);
    }
  });

  test("writable Service properties leave out the read-only ones", () => {
    const writable = writableProperties("Service");
    expect(writable).toEqual(expect.arrayContaining(["name", "defaultFrom", "resolution", "incomingWebhookUrl", "coverPageId"]));
    for (const readOnly of ["id", "projectId", "createdAt", "updatedAt"]) expect(writable).not.toContain(readOnly);
  });

  test.each([
    ["PATCH", { resolution: null }, /resolution/],
    ["PATCH", { defaultFrom: null }, /defaultFrom/],
    ["POST", { name: "A", colour: "red" }, /not writable Service properties: colour/],
    ["PATCH", { id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }, /not writable Service properties: id/],
    ["POST", "name=A", /not a JSON object/],
    ["PATCH", [{ name: "A" }], /not a JSON object/],
  ])("expectRequestsConform refuses %s %j", (method, body, message) => {
    const request = method === "POST" ? postOf(body) : patchOf(body);
    expect(() => expectRequestsConform([request])).toThrow(message);
  });

  test("expectRequestsConform accepts documented bodies, and ignores requests without one", () => {
    expect(() =>
      expectRequestsConform([
        patchOf({ defaultFrom: "" }),
        postOf({ name: "A", resolution: "FINE", incomingWebhookUrl: "https://u:p@hooks.example/in" }),
        logged("GET", "/v3/projects/p/services", undefined, "list"),
        logged("DELETE", "/v3/projects/p/services/S", undefined, "delete"),
      ]),
    ).not.toThrow();
  });

  test("it works on an emulator's log: the typed client conforms, a raw null does not", async () => {
    const fx = await withEmulator();
    try {
      const created = await fx.client.createService({ name: "Logged", defaultFrom: "+15551230000" });
      await fx.client.updateService(created.id, { defaultFrom: "", numberOfRetries: 1 });
      expectRequestsConform(fx.emulator.requests);
      await rawRequest(fx.emulator, "PATCH", servicesPath(fx.emulator, created.id), { body: '{"defaultFrom":null}' });
      expect(() => expectRequestsConform(fx.emulator.requests)).toThrow(/#3 PATCH .*defaultFrom/);
    } finally {
      await fx.close();
    }
  });
});
