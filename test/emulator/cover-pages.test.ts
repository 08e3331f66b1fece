import { createService, type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import { coverPageBody, pdfBase64 } from "../helpers/pdf";

describe("emulator cover pages", () => {
  let fx: EmulatorFixture;
  let serviceId: string;
  beforeEach(async () => {
    fx = await withEmulator();
    serviceId = await createService(fx.emulator, { name: "With covers" });
  });
  afterEach(() => fx.close());

  const coversPath = (id = serviceId) => `${servicesPath(fx.emulator, id)}/coverPages`;
  const add = (body: unknown, id = serviceId) => rawRequest(fx.emulator, "POST", coversPath(id), { body: JSON.stringify(body) });
  const patchService = (body: unknown, id = serviceId) =>
    rawRequest(fx.emulator, "PATCH", servicesPath(fx.emulator, id), { body: JSON.stringify(body) });
  const violations = (res: { json: any }) => res.json.details[0].fieldViolations;

  test("add answers 200 with the cover page, its file echoed; get, list and delete", async () => {
    const body = coverPageBody("Acme cover");
    const added = await add(body);
    expect(added.status).toBe(200);
    expect(added.json).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      name: "Acme cover",
      file: body.file,
      projectId: fx.emulator.projectId,
      serviceId,
      createdTime: expect.any(String),
      updatedTime: added.json.createdTime,
    });
    const got = await rawRequest(fx.emulator, "GET", `${coversPath()}/${added.json.id}`);
    expect([got.status, got.json]).toEqual([200, added.json]);
    const second = await add(coverPageBody("Second"));
    // No paging parameters are declared: one page holds all, and page/pageSize are ignored.
    const list = await rawRequest(fx.emulator, "GET", `${coversPath()}?page=3&pageSize=1`);
    expect(list.json).toEqual({ coverPages: [added.json, second.json], page: 1, totalPages: 1, pageSize: 2, totalItems: 2 });
    const del = await rawRequest(fx.emulator, "DELETE", `${coversPath()}/${added.json.id}`);
    expect([del.status, del.text]).toEqual([204, ""]);
    expect((await rawRequest(fx.emulator, "GET", `${coversPath()}/${added.json.id}`)).status).toBe(404);
    expect((await rawRequest(fx.emulator, "DELETE", `${coversPath()}/${added.json.id}`)).status).toBe(404);
    expect((await rawRequest(fx.emulator, "GET", coversPath())).json.totalItems).toBe(1);
  });

  test("an empty list is one empty page", async () => {
    const list = await rawRequest(fx.emulator, "GET", coversPath());
    expect(list.json).toEqual({ coverPages: [], page: 1, totalPages: 1, pageSize: 0, totalItems: 0 });
  });

  test.each([
    ["name", "is required", { file: coverPageBody().file }],
    ["name", "must not be empty", { name: "", file: coverPageBody().file }],
    ["name", "must not be empty", { name: "   ", file: coverPageBody().file }],
    ["name", "must be a string", { name: 5, file: coverPageBody().file }],
    ["name", "must not be null", { name: null, file: coverPageBody().file }],
    ["name", "must be at most 100 characters", { name: "x".repeat(101), file: coverPageBody().file }],
    ["file", "is required", { name: "A" }],
    ["file", "must be an object with fileContent and fileType", { name: "A", file: "JVBERi0=" }],
    ["file", "must be an object with fileContent and fileType", { name: "A", file: [coverPageBody().file] }],
    ["file.fileContent", "must be a base64 string", { name: "A", file: { fileContent: 5, fileType: "PDF" } }],
    ["file.fileType", "is required", { name: "A", file: { fileContent: pdfBase64() } }],
    ["file.fileType", "must be PDF", { name: "A", file: { fileContent: pdfBase64(), fileType: "PNG" } }],
    ["file.fileContent", "is required", { name: "A", file: { fileType: "PDF" } }],
    [
      "file.fileContent",
      "must be standard base64 (padded, no line breaks)",
      { name: "A", file: { fileContent: "not base64!", fileType: "PDF" } },
    ],
    [
      "file.fileContent",
      "must be standard base64 (padded, no line breaks)",
      { name: "A", file: { fileContent: "JVBERi0", fileType: "PDF" } },
    ],
    [
      "file.fileContent",
      "must be standard base64 (padded, no line breaks)",
      { name: "A", file: { fileContent: `!!!!${pdfBase64()}`, fileType: "PDF" } },
    ],
    [
      "file.fileContent",
      "must be standard base64 (padded, no line breaks)",
      { name: "A", file: { fileContent: `${pdfBase64().slice(0, 8)}\n${pdfBase64().slice(9)}`, fileType: "PDF" } },
    ],
    [
      "file.fileContent",
      "must be a PDF (its bytes start with %PDF-)",
      { name: "A", file: { fileContent: Buffer.from("GIF89a").toString("base64"), fileType: "PDF" } },
    ],
    ["file.fileContent", "must be a PDF (its bytes start with %PDF-)", { name: "A", file: { fileContent: "", fileType: "PDF" } }],
    ["file.fileName", "is not a field of a cover page file", { name: "A", file: { ...coverPageBody().file, fileName: "a.pdf" } }],
    ["id", "is read-only", { ...coverPageBody(), id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }],
    ["colour", "is not a field of a cover page", { ...coverPageBody(), colour: "red" }],
  ])("refuses with 422: %s %s", async (field, description, body) => {
    const res = await add(body);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 422, status: "INVALID_ARGUMENT" });
    expect(violations(res)).toEqual([{ field, description }]);
    expect((await rawRequest(fx.emulator, "GET", coversPath())).json.totalItems).toBe(0);
  });

  test("a name of exactly 100 characters is accepted", async () => {
    expect((await add(coverPageBody("x".repeat(100)))).status).toBe(200);
  });

  test("a PDF of up to 5 MiB is accepted in a body of up to 8 MiB; larger is 422, then 413", async () => {
    const limit = 5 * 1024 * 1024;
    const overhead = Buffer.from(pdfBase64(), "base64").length + 1;
    const atLimit = await add(coverPageBody("Big", limit - overhead + 1));
    expect(atLimit.status).toBe(200);
    expect(Buffer.from(atLimit.json.file.fileContent, "base64").length).toBe(limit);
    const over = await add(coverPageBody("Too big", limit - overhead + 2));
    expect(over.status).toBe(422);
    expect(violations(over)).toEqual([{ field: "file.fileContent", description: `must decode to at most ${limit} bytes` }]);
    const huge = await rawRequest(fx.emulator, "POST", coversPath(), { body: JSON.stringify({ name: "x".repeat(8 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ code: 413 });
    // The larger limit is the cover page upload's only.
    const service = await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), {
      body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(service.status).toBe(413);
  });

  test("unknown services and cover pages of another service are 404", async () => {
    const other = await createService(fx.emulator, { name: "Other" });
    const page = (await add(coverPageBody())).json;
    const unknown = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    for (const [method, path, body] of [
      ["GET", coversPath(unknown)],
      ["POST", coversPath(unknown), JSON.stringify(coverPageBody())],
      ["GET", `${coversPath(unknown)}/${page.id}`],
      ["GET", `${coversPath(other)}/${page.id}`],
      ["DELETE", `${coversPath(other)}/${page.id}`],
      ["GET", `${coversPath()}/${unknown}`],
    ] as const) {
      const res = await rawRequest(fx.emulator, method, path, { body });
      expect([method, path, res.status, res.json?.status]).toEqual([method, path, 404, "NOT_FOUND"]);
    }
    expect((await rawRequest(fx.emulator, "PUT", `${coversPath()}/${page.id}`, { body: "{}" })).status).toBe(405);
  });

  test("a service's coverPageId must be a cover page of that service; the page it stamps cannot be deleted", async () => {
    const other = await createService(fx.emulator, { name: "Other" });
    const own = (await add(coverPageBody("Own"))).json;
    const foreign = (await add(coverPageBody("Foreign"), other)).json;
    const wrong = { field: "coverPageId", description: "must be the id of a cover page of this service" };
    for (const id of [foreign.id, "01ARZ3NDEKTSV4RRFFQ69G5FAV"]) {
      const res = await patchService({ coverPageId: id });
      expect([res.status, violations(res)]).toEqual([422, [wrong]]);
    }
    // A new service has no cover pages yet, so it cannot name one.
    const created = await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: JSON.stringify({ coverPageId: own.id }) });
    expect([created.status, violations(created)]).toEqual([422, [wrong]]);
    expect((await patchService({ coverPageId: own.id })).json.coverPageId).toBe(own.id);

    const refused = await rawRequest(fx.emulator, "DELETE", `${coversPath()}/${own.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 409, status: "FAILED_PRECONDITION" });
    expect(refused.json.message).toContain("change the service's coverPageId first");
    expect((await patchService({ coverPageId: "" })).json).not.toHaveProperty("coverPageId");
    expect((await rawRequest(fx.emulator, "DELETE", `${coversPath()}/${own.id}`)).status).toBe(204);
  });

  test("deleting a service deletes its cover pages", async () => {
    const other = await createService(fx.emulator, { name: "Other" });
    await add(coverPageBody("Mine"));
    const kept = (await add(coverPageBody("Other's"), other)).json;
    expect((await rawRequest(fx.emulator, "DELETE", servicesPath(fx.emulator, serviceId))).status).toBe(204);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).coverPages).toEqual([kept]);
  });
});
