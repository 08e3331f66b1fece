import { control, createService, type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

describe("emulator number suspension", () => {
  let fx: EmulatorFixture;
  let serviceId: string;
  const N = "+15554000001";
  beforeEach(async () => {
    fx = await withEmulator();
    serviceId = await createService(fx.emulator, { name: "Suspend" });
    await control(fx.emulator, "POST", "numbers", { serviceId, phoneNumber: N, country: "GB" });
  });
  afterEach(() => fx.close());

  const suspendPath = (phoneNumber = N, id = serviceId) =>
    `${servicesPath(fx.emulator, id)}/numbers/${encodeURIComponent(phoneNumber)}/suspend`;
  const suspend = (body: unknown, path = suspendPath()) => rawRequest(fx.emulator, "PATCH", path, { body: JSON.stringify(body) });
  const listed = async () => (await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, serviceId)}/numbers`)).json.numbers[0];

  test("suspends with a note, and suspended: false unsuspends (the note goes unless sent again)", async () => {
    const res = await suspend({ suspended: true, note: "unpaid" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      phoneNumber: N,
      permissions: "both",
      country: "GB",
      suspended: true,
      note: "unpaid",
      projectId: fx.emulator.projectId,
      serviceId,
    });
    expect(await listed()).toEqual(res.json);
    const back = await suspend({ suspended: false });
    expect(back.json).toMatchObject({ suspended: false });
    expect(back.json).not.toHaveProperty("note");
    expect((await suspend({ suspended: false, note: "kept" })).json).toMatchObject({ suspended: false, note: "kept" });
    // The + may come as is or as %2B.
    expect((await suspend({ suspended: true }, `${servicesPath(fx.emulator, serviceId)}/numbers/${N}/suspend`)).json.suspended).toBe(true);
  });

  test.each([
    ["suspended", "is required", {}],
    ["suspended", "must be a boolean", { suspended: "yes" }],
    ["suspended", "must be a boolean", { suspended: null }],
    ["note", "must be a string", { suspended: true, note: 5 }],
    ["note", "must be at most 500 characters", { suspended: true, note: "x".repeat(501) }],
    ["reason", "is not a field of a suspend request", { suspended: true, reason: "x" }],
  ])("refuses with 422: %s %s", async (field, description, body) => {
    const res = await suspend(body);
    expect(res.status).toBe(422);
    expect(res.json.details[0].fieldViolations).toContainEqual({ field, description });
    expect((await listed()).suspended).toBe(false);
  });

  test("a number not on that service, or an unknown service, is a 404", async () => {
    const other = await createService(fx.emulator, { name: "Other" });
    for (const path of [suspendPath(N, other), suspendPath("+15559999999"), suspendPath(N, "01ARZ3NDEKTSV4RRFFQ69G5FAV")]) {
      const res = await suspend({ suspended: true }, path);
      expect([path, res.status, res.json.status]).toEqual([path, 404, "NOT_FOUND"]);
    }
    expect((await rawRequest(fx.emulator, "GET", suspendPath())).status).toBe(405);
  });

  test("a number that moves to another service arrives unsuspended", async () => {
    await suspend({ suspended: true, note: "x" });
    const other = await createService(fx.emulator, { name: "Other" });
    await control(fx.emulator, "PUT", "provisioning", { delayMs: 0 });
    const patch = await rawRequest(fx.emulator, "PATCH", `/v1/projects/${fx.emulator.projectId}/activeNumbers/${encodeURIComponent(N)}`, {
      body: JSON.stringify({ voiceConfiguration: { type: "FAX", serviceId: other } }),
    });
    expect(patch.status).toBe(200);
    fx.emulator.numbers.completePending();
    const moved = fx.emulator.store.listNumbers(fx.emulator.projectId, other);
    expect(moved).toEqual([expect.objectContaining({ phoneNumber: N, suspended: false })]);
    expect(moved[0]).not.toHaveProperty("note");
  });
});
