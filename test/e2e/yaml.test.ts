import { type EngineFixture, engineStack } from "./harness";

jest.setTimeout(600_000);

// The number examples/yaml routes (declared in the program).
const NUMBER = "+15550200001";
const PASSWORD = "yaml-hook-pw-3d0c";

describe("engine (plugin, Pulumi YAML): examples/yaml", () => {
  let fx: EngineFixture;
  const byName = (name: string) => fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === name);
  beforeAll(async () => {
    fx = await engineStack("examples/yaml", {
      frontDoor: "plugin",
      emulator: { provisioningDelayMs: 100 },
      secrets: { "sinch-fax-yaml:inboundWebhookUrl": `https://fax:${PASSWORD}@hooks.example.com/in` },
    });
    fx.emulator.numbers.seed({ phoneNumber: NUMBER });
  });
  afterAll(() => fx.close());

  test("up creates the services, the cover page, the route and the address; no secret in the raw state; a clean re-plan", async () => {
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: 5 });
    const inbound = byName("Inbound faxes")!;
    expect(result.outputs.inboundServiceId!.value).toBe(inbound.id);
    expect(result.outputs.inboundNumbers!.value).toEqual([]);
    expect(fx.emulator.store.listNumbers(fx.emulator.projectId, inbound.id).map((n) => n.phoneNumber)).toEqual([NUMBER]);
    expect(byName("Outbound faxes")!.coverPageId).toBe((result.outputs.outboundCoverPages!.value as Array<{ id: string }>)[0]!.id);
    expect(result.outputs.projectDefaultId!.value).toBe(byName("Default service")!.id);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).emails.map((e) => e.email)).toEqual(["faxes@example.com"]);
    const raw = fx.rawState();
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(fx.emulator.keySecret);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 5 });
  });

  test("refresh shows a change by hand; the next up restores it; a config change is one PATCH", async () => {
    fx.emulator.store.updateService(fx.emulator.projectId, byName("Outbound faxes")!, { resolution: "FINE" }, "dashboard");
    const refresh = await fx.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    await fx.stack.setConfig("sinch-fax-yaml:outboundRetries", { value: "5" });
    fx.emulator.requests = [];
    await fx.stack.up();
    expect(fx.emulator.requests.filter((r) => r.method !== "GET").map((r) => r.body)).toEqual([
      { numberOfRetries: 5, resolution: "SUPERFINE" },
    ]);
  });

  test("destroy leaves the project as it was", async () => {
    await fx.stack.destroy();
    expect(fx.emulator.store.listServices(fx.emulator.projectId).map((s) => s.name)).toEqual(["Default service"]);
    expect((fx.emulator.numbers.get(NUMBER) as { voiceConfiguration: object }).voiceConfiguration).toMatchObject({
      type: "RTC",
      appId: "",
    });
  });
});
