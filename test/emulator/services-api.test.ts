import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import { coverPageBody } from "../helpers/pdf";

describe("emulator services endpoints", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator();
  });
  afterEach(() => fx.close());

  const post = (body: unknown) => rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: JSON.stringify(body) });
  const patch = (id: string, body: unknown) =>
    rawRequest(fx.emulator, "PATCH", servicesPath(fx.emulator, id), { body: JSON.stringify(body) });

  test("a project starts with one default service named Default service", async () => {
    const list = await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator));
    expect(list.json.services).toHaveLength(1);
    expect(list.json.services[0]).toMatchObject({ name: "Default service", defaultForProject: true });
  });

  test("create fills in the documented defaults", async () => {
    const created = await post({});
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Default service",
      webhookContentType: "multipart/form-data",
      defaultForProject: false,
      numberOfRetries: 3,
      retryDelaySeconds: 60,
      imageConversionMethod: "HALFTONE",
      saveOutboundFaxDocuments: true,
      saveInboundFaxDocuments: true,
      scanIncomingBarcodes: false,
      inProgressNotifications: false,
      resolution: "FINE",
      projectId: fx.emulator.projectId,
    });
    for (const field of ["incomingWebhookUrl", "defaultFrom", "coverPageId"]) {
      expect(created.json).not.toHaveProperty(field);
    }
    // The project's own default service has the same defaults.
    const [initial] = (await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator))).json.services;
    expect(initial.resolution).toBe("FINE");
  });

  test('create: "" leaves a field without a default unset', async () => {
    const created = await post({ name: "Empty", incomingWebhookUrl: "", defaultFrom: "", coverPageId: "" });
    expect(created.status).toBe(201);
    for (const field of ["incomingWebhookUrl", "defaultFrom", "coverPageId"]) {
      expect(created.json).not.toHaveProperty(field);
    }
  });

  test.each([
    [{ name: "x".repeat(61) }, "name", "must be at most 60 characters"],
    [{ name: 7 }, "name", "must be a string"],
    [{ numberOfRetries: 6 }, "numberOfRetries", "must be an integer from 0 to 5"],
    [{ numberOfRetries: 1.5 }, "numberOfRetries", "must be an integer from 0 to 5"],
    [{ retryDelaySeconds: 29 }, "retryDelaySeconds", "must be an integer from 30 to 300"],
    [{ retryDelaySeconds: 301 }, "retryDelaySeconds", "must be an integer from 30 to 300"],
    [{ webhookContentType: "text/xml" }, "webhookContentType", "must be one of multipart/form-data, application/json"],
    [{ imageConversionMethod: "COLOR" }, "imageConversionMethod", "must be one of HALFTONE, MONOCHROME"],
    [{ resolution: "ULTRA" }, "resolution", "must be one of FINE, SUPERFINE"],
    [{ defaultForProject: "yes" }, "defaultForProject", "must be a boolean"],
    [{ scanIncomingBarcodes: 1 }, "scanIncomingBarcodes", "must be a boolean"],
    [{ incomingWebhookUrl: "not a url" }, "incomingWebhookUrl", "must be an absolute URL"],
    [{ incomingWebhookUrl: "ftp://host/x" }, "incomingWebhookUrl", "must be an http(s) URL"],
    [{ defaultFrom: "5551234" }, "defaultFrom", "must be a phone number in E.164 format"],
    [{ incomingWebhookUrl: 7 }, "incomingWebhookUrl", "must be a string"],
    [{ defaultFrom: "x+15551234567" }, "defaultFrom", "must be a phone number in E.164 format"],
    [{ defaultFrom: "+15551234567x" }, "defaultFrom", "must be a phone number in E.164 format"],
    [{ defaultFrom: ["+15551234567"] }, "defaultFrom", "must be a phone number in E.164 format"],
    [{ coverPageId: "abc" }, "coverPageId", "must be a ULID"],
    [{ coverPageId: "x01ARZ3NDEKTSV4RRFFQ69G5FAV" }, "coverPageId", "must be a ULID"],
    [{ coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAVx" }, "coverPageId", "must be a ULID"],
    [{ coverPageId: ["01ARZ3NDEKTSV4RRFFQ69G5FAV"] }, "coverPageId", "must be a ULID"],
    [{ id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }, "id", "is read-only"],
    [{ createdAt: "2020-01-01T00:00:00Z" }, "createdAt", "is read-only"],
    [{ colour: "red" }, "colour", "is not a field of a service"],
    [{ numberOfRetries: null }, "numberOfRetries", "must not be null"],
    [{ name: null }, "name", "must not be null"],
    [{ resolution: null }, "resolution", "must not be null"],
    [{ defaultFrom: null }, "defaultFrom", "must not be null"],
    [{ incomingWebhookUrl: null }, "incomingWebhookUrl", "must not be null"],
    [{ coverPageId: null }, "coverPageId", "must not be null"],
    [{ scanIncomingBarcodes: null }, "scanIncomingBarcodes", "must not be null"],
    [{ resolution: "" }, "resolution", "must be one of FINE, SUPERFINE"],
    [{ webhookContentType: "" }, "webhookContentType", "must be one of multipart/form-data, application/json"],
    [{ imageConversionMethod: "" }, "imageConversionMethod", "must be one of HALFTONE, MONOCHROME"],
    [{ numberOfRetries: "" }, "numberOfRetries", "must be an integer from 0 to 5"],
    [{ defaultForProject: "" }, "defaultForProject", "must be a boolean"],
  ])("rejects %j with 422 naming %s", async (body, field, description) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 422, status: "INVALID_ARGUMENT" });
    expect(res.json.details[0]).toEqual({ type: "BadRequest", fieldViolations: [{ field, description }] });
    // Nothing was created.
    expect(fx.emulator.store.listServices(fx.emulator.projectId)).toHaveLength(1);
  });

  test("every limit is inclusive, and http webhooks are accepted", async () => {
    for (const body of [
      { name: "x".repeat(60), numberOfRetries: 0, retryDelaySeconds: 30, incomingWebhookUrl: "http://hooks.example/in" },
      { numberOfRetries: 5, retryDelaySeconds: 300, defaultFrom: "+155512345678901" },
    ]) {
      const res = await post(body);
      expect([res.status, res.json]).toEqual([201, expect.objectContaining(body)]);
    }
  });

  test("malformed and non-object bodies are 400", async () => {
    expect((await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: "{" })).status).toBe(400);
    expect((await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: "[1]" })).status).toBe(400);
  });

  test('PATCH changes only the fields sent, and "" clears a field without a default', async () => {
    const webhook = "https://hooks.example/in";
    const created = await post({
      name: "A",
      defaultFrom: "+15551230000",
      incomingWebhookUrl: webhook,
      resolution: "SUPERFINE",
      numberOfRetries: 1,
    });
    const cover = await rawRequest(fx.emulator, "POST", `${servicesPath(fx.emulator, created.json.id)}/coverPages`, {
      body: JSON.stringify(coverPageBody()),
    });
    const stamped = await patch(created.json.id, { coverPageId: cover.json.id });
    expect(stamped.json.coverPageId).toBe(cover.json.id);
    const patched = await patch(created.json.id, { numberOfRetries: 4, defaultFrom: "", coverPageId: "" });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "A", numberOfRetries: 4, resolution: "SUPERFINE", incomingWebhookUrl: webhook });
    expect(patched.json).not.toHaveProperty("defaultFrom");
    expect(patched.json).not.toHaveProperty("coverPageId");
    expect(patched.json.createdAt).toBe(created.json.createdAt);
    expect(Date.parse(patched.json.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.json.updatedAt));
    const cleared = await patch(created.json.id, { incomingWebhookUrl: "" });
    expect(cleared.json).not.toHaveProperty("incomingWebhookUrl");
  });

  test("PATCH with null is a 422 and changes nothing", async () => {
    const created = await post({ name: "A", defaultFrom: "+15551230000", resolution: "SUPERFINE" });
    const res = await patch(created.json.id, { name: "B", defaultFrom: null, resolution: null });
    expect(res.status).toBe(422);
    expect(res.json.details[0].fieldViolations).toEqual([
      { field: "defaultFrom", description: "must not be null" },
      { field: "resolution", description: "must not be null" },
    ]);
    const got = await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator, created.json.id));
    expect(got.json).toMatchObject({ name: "A", defaultFrom: "+15551230000", resolution: "SUPERFINE" });
  });

  test("webhook passwords are masked on every read but kept", async () => {
    const created = await post({ incomingWebhookUrl: "https://alice:s3cret@hooks.example/fax?x=1" });
    expect(created.json.incomingWebhookUrl).toBe("https://alice:***@hooks.example/fax?x=1");
    const got = await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator, created.json.id));
    expect(got.json.incomingWebhookUrl).toBe("https://alice:***@hooks.example/fax?x=1");
    const list = await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator));
    expect(list.text).not.toContain("s3cret");
    expect(fx.emulator.store.getService(fx.emulator.projectId, created.json.id)?.incomingWebhookUrl).toContain("s3cret");
    const plain = await post({ incomingWebhookUrl: "https://hooks.example/plain" });
    expect(plain.json.incomingWebhookUrl).toBe("https://hooks.example/plain");
    const http = await post({ incomingWebhookUrl: "http://bob:pw@hooks.example/in" });
    expect(http.json.incomingWebhookUrl).toBe("http://bob:***@hooks.example/in");
    // Only the URL's own credentials are masked, not a URL in its query.
    const nested = "https://hooks.example/in?next=http://a:b@c.example/";
    expect((await post({ incomingWebhookUrl: nested })).json.incomingWebhookUrl).toBe(nested);
  });

  test("unknown ids are 404 with an error body; DELETE answers 204 once", async () => {
    const created = await post({ name: "gone" });
    const id = created.json.id;
    const del = await rawRequest(fx.emulator, "DELETE", servicesPath(fx.emulator, id));
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    for (const [method, body] of [["GET"], ["PATCH", "{}"], ["DELETE"]] as const) {
      const res = await rawRequest(fx.emulator, method, servicesPath(fx.emulator, id), { body });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ code: 404, status: "NOT_FOUND" });
      expect(res.json.message).toContain(id);
    }
    expect((await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, id)}/numbers`)).status).toBe(404);
  });

  test("lists page by 1-based page numbers with the documented totals", async () => {
    for (let i = 0; i < 24; i++) await post({ name: `s${i}` });
    const first = await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator));
    expect(first.json).toMatchObject({ page: 1, pageSize: 20, totalItems: 25, totalPages: 2 });
    expect(first.json.services).toHaveLength(20);
    const names: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator)}?pageSize=10&page=${page}`);
      expect(res.json).toMatchObject({ page, pageSize: 10, totalItems: 25, totalPages: 3 });
      names.push(...res.json.services.map((s: { name: string }) => s.name));
    }
    expect(names).toEqual(["Default service", ...Array.from({ length: 24 }, (_, i) => `s${i}`)]);
    const beyond = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator)}?pageSize=10&page=4`);
    expect(beyond.json.services).toEqual([]);
    for (const q of ["pageSize=0", "pageSize=1001", "page=0", "page=x"]) {
      expect((await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator)}?${q}`)).status).toBe(400);
    }
  });

  test("numbers of a service page like services", async () => {
    const created = await post({ name: "with numbers" });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${fx.emulator.url}/_emulator/numbers`, {
        method: "POST",
        body: JSON.stringify({ serviceId: created.json.id, phoneNumber: `+1555000000${i}`, permissions: i % 2 ? "send" : "both" }),
      });
      expect(res.status).toBe(200);
    }
    const page2 = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, created.json.id)}/numbers?pageSize=2&page=2`);
    expect(page2.json).toMatchObject({ page: 2, pageSize: 2, totalItems: 5, totalPages: 3 });
    expect(page2.json.numbers.map((n: { phoneNumber: string }) => n.phoneNumber)).toEqual(["+15550000002", "+15550000003"]);
    expect(page2.json.numbers[1]).toMatchObject({ permissions: "send", serviceId: created.json.id, country: "US", suspended: false });
  });

  test("unsupported methods and unknown paths answer with error bodies", async () => {
    expect((await rawRequest(fx.emulator, "PUT", servicesPath(fx.emulator), { body: "{}" })).status).toBe(405);
    expect((await rawRequest(fx.emulator, "GET", "/v3/somewhere")).status).toBe(404);
  });
});
