import { getNumber, faxNumbers as listed, patchNumber, seedNumber, settled as settle } from "../helpers/active-numbers";
import { control, createService, type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

describe("emulator Numbers API: asynchronous voice provisioning", () => {
  let fx: EmulatorFixture;
  const N = "+15555000001";
  beforeEach(async () => {
    fx = await withEmulator({
      provisioningDelayMs: 100,
      extraProjects: [{ projectId: "other-project", keyId: "other-key", keySecret: "other-secret" }],
    });
  });
  afterEach(() => fx.close());

  const seed = (body: Record<string, unknown>) => seedNumber(fx.emulator, body);
  const get = (phoneNumber = N) => getNumber(fx.emulator, phoneNumber);
  const patch = (body: unknown, phoneNumber = N) => patchNumber(fx.emulator, phoneNumber, body);
  const faxNumbers = (serviceId: string) => listed(fx.emulator, serviceId);
  const settled = (phoneNumber = N) => settle(fx.emulator, phoneNumber);

  test("FAX routing is asynchronous: WAITING at first, then the number is one of the service's numbers", async () => {
    await seed({ phoneNumber: N, regionCode: "GB" });
    const serviceId = await createService(fx.emulator, { name: "Fax" });
    const res = await patch({ voiceConfiguration: { type: "FAX", serviceId } });
    expect(res.status).toBe(200);
    expect(res.json.voiceConfiguration).toEqual({
      type: "RTC",
      appId: "",
      scheduledVoiceProvisioning: { type: "FAX", serviceId, status: "WAITING", lastUpdatedTime: expect.any(String) },
    });
    expect(await faxNumbers(serviceId)).toEqual([]);
    const done = await settled();
    expect(done.voiceConfiguration).toEqual({ type: "FAX", serviceId, lastUpdatedTime: expect.any(String) });
    const listed = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, serviceId)}/numbers`);
    expect(listed.json.numbers).toEqual([
      { phoneNumber: N, permissions: "both", country: "GB", suspended: false, projectId: fx.emulator.projectId, serviceId },
    ]);
  });

  test("moving to another service, and unrouting with RTC and an empty appId", async () => {
    const first = await createService(fx.emulator, { name: "First" });
    const second = await createService(fx.emulator, { name: "Second" });
    await seed({ phoneNumber: N, voiceConfiguration: { type: "FAX", serviceId: first } });
    expect(await faxNumbers(first)).toEqual([N]);
    const moving = await patch({ voiceConfiguration: { type: "FAX", serviceId: second } });
    expect(moving.json.voiceConfiguration).toMatchObject({
      type: "FAX",
      serviceId: first,
      scheduledVoiceProvisioning: { type: "FAX", serviceId: second, status: "WAITING" },
    });
    expect(await faxNumbers(first)).toEqual([N]);
    await settled();
    expect([await faxNumbers(first), await faxNumbers(second)]).toEqual([[], [N]]);
    await patch({ voiceConfiguration: { type: "RTC", appId: "" } });
    expect(await faxNumbers(second)).toEqual([N]);
    expect((await settled()).voiceConfiguration).toEqual({ type: "RTC", appId: "", lastUpdatedTime: expect.any(String) });
    expect(await faxNumbers(second)).toEqual([]);
    await patch({ voiceConfiguration: { type: "EST", trunkId: "trunk-1" } });
    expect((await settled()).voiceConfiguration).toMatchObject({ type: "EST", trunkId: "trunk-1" });
  });

  test("a PATCH while a provisioning waits replaces it", async () => {
    const first = await createService(fx.emulator, { name: "First" });
    const second = await createService(fx.emulator, { name: "Second" });
    await seed({ phoneNumber: N });
    await patch({ voiceConfiguration: { type: "FAX", serviceId: first } });
    const replaced = await patch({ voiceConfiguration: { type: "FAX", serviceId: second } });
    expect(replaced.json.voiceConfiguration.scheduledVoiceProvisioning).toMatchObject({ serviceId: second, status: "WAITING" });
    expect((await settled()).voiceConfiguration).toMatchObject({ type: "FAX", serviceId: second });
    await new Promise((r) => setTimeout(r, 150));
    expect([await faxNumbers(first), await faxNumbers(second)]).toEqual([[], [N]]);
  });

  test("injected failures: the number keeps its route and shows FAILED until the next PATCH", async () => {
    const serviceId = await createService(fx.emulator, { name: "Fax" });
    await seed({ phoneNumber: N });
    expect((await control(fx.emulator, "PUT", "provisioning", { failNumbers: [N] })).json).toEqual({
      delayMs: 100,
      failNumbers: [N],
      failAll: false,
    });
    await patch({ voiceConfiguration: { type: "FAX", serviceId } });
    const failed = await settled();
    expect(failed.voiceConfiguration).toEqual({
      type: "RTC",
      appId: "",
      scheduledVoiceProvisioning: { type: "FAX", serviceId, status: "FAILED", lastUpdatedTime: expect.any(String) },
    });
    expect(await faxNumbers(serviceId)).toEqual([]);
    // Only the next one failed.
    expect((await control(fx.emulator, "GET", "provisioning")).json.failNumbers).toEqual([]);
    await patch({ voiceConfiguration: { type: "FAX", serviceId } });
    expect((await settled()).voiceConfiguration).toMatchObject({ type: "FAX", serviceId });

    await control(fx.emulator, "PUT", "provisioning", { failAll: true, delayMs: 0 });
    for (let i = 0; i < 2; i++) {
      await patch({ voiceConfiguration: { type: "RTC", appId: "" } });
      expect((await settled()).voiceConfiguration).toMatchObject({ type: "FAX", scheduledVoiceProvisioning: { status: "FAILED" } });
    }
    await control(fx.emulator, "PUT", "provisioning", { failAll: false });
    await patch({ voiceConfiguration: { type: "RTC", appId: "app-1" } });
    expect((await settled()).voiceConfiguration).toEqual({ type: "RTC", appId: "app-1", lastUpdatedTime: expect.any(String) });
  });

  test("deleting a service unroutes its numbers, and fails a provisioning to it", async () => {
    const gone = await createService(fx.emulator, { name: "Gone" });
    const later = await createService(fx.emulator, { name: "Later" });
    await seed({ phoneNumber: N, voiceConfiguration: { type: "FAX", serviceId: gone } });
    await seed({ phoneNumber: "+15555000002" });
    await patch({ voiceConfiguration: { type: "FAX", serviceId: later } }, "+15555000002");
    await rawRequest(fx.emulator, "DELETE", servicesPath(fx.emulator, gone));
    await rawRequest(fx.emulator, "DELETE", servicesPath(fx.emulator, later));
    expect((await get()).json.voiceConfiguration).toEqual({ type: "RTC", appId: "", lastUpdatedTime: expect.any(String) });
    const pending = await settled("+15555000002");
    expect(pending.voiceConfiguration.scheduledVoiceProvisioning).toMatchObject({ serviceId: later, status: "FAILED" });
  });

  test("seeding: routed at once, in-process too; unknown services 404, another project's number 409", async () => {
    const serviceId = await createService(fx.emulator, { name: "Fax" });
    const seeded = await seed({ phoneNumber: N, displayName: "Seeded", voiceConfiguration: { type: "FAX", serviceId } });
    expect(seeded.voiceConfiguration).toEqual({ type: "FAX", serviceId, lastUpdatedTime: expect.any(String) });
    expect(await faxNumbers(serviceId)).toEqual([N]);
    const inProcess = fx.emulator.numbers.seed({ phoneNumber: "+15555000002", voiceConfiguration: { type: "FAX", serviceId } });
    expect(inProcess.phoneNumber).toBe("+15555000002");
    expect(await faxNumbers(serviceId)).toEqual([N, "+15555000002"]);
    const unknown = await control(fx.emulator, "POST", "active-numbers", {
      phoneNumber: "+15555000003",
      voiceConfiguration: { type: "FAX", serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" },
    });
    expect(unknown.status).toBe(404);
    expect((await control(fx.emulator, "POST", "active-numbers", { phoneNumber: N, projectId: "nope" })).status).toBe(404);
    expect((await control(fx.emulator, "POST", "active-numbers", { phoneNumber: N, projectId: "other-project" })).status).toBe(409);
    const theirs = fx.emulator.store.listServices("other-project")[0]!.id;
    expect((await control(fx.emulator, "POST", "numbers", { phoneNumber: N, projectId: "other-project", serviceId: theirs })).status).toBe(
      409,
    );
  });

  test("reset forgets the numbers and restores the provisioning settings", async () => {
    await seed({ phoneNumber: N });
    await control(fx.emulator, "PUT", "provisioning", { delayMs: 5000, failAll: true });
    expect((await control(fx.emulator, "POST", "reset")).status).toBe(204);
    expect(fx.emulator.numbers.provisioning).toEqual({ delayMs: 100, failNumbers: [], failAll: false });
    expect((await get()).status).toBe(404);
  });
});
