import { type EngineFixture, engineStack, eventLog } from "./harness";

jest.setTimeout(600_000);

const SECOND = { projectId: "second-project", keyId: "second-key", keySecret: "second-secret-5b1e" };
const PASSWORD = "plugin-hook-pw-91c2";
const MAIN = "+15550100001";

/** Resources of the plugin program, as stack config. */
function program(services: object, extra: Record<string, unknown> = {}): Record<string, string> {
  const config: Record<string, string> = { "test:services": JSON.stringify(services) };
  for (const [key, value] of Object.entries(extra)) config[`test:${key}`] = JSON.stringify(value);
  return config;
}

describe("engine (plugin): a whole setup through the provider plugin", () => {
  let fx: EngineFixture;
  const services = {
    inbound: { name: "Inbound", webhookContentType: "application/json" },
    outbound: { name: "Outbound", coverPages: [{ name: "Letterhead", file: "covers/a.pdf" }], coverPage: "Letterhead" },
  };
  const byName = (name: string) => fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === name);

  beforeAll(async () => {
    fx = await engineStack("services", {
      frontDoor: "plugin",
      emulator: { extraProjects: [SECOND], provisioningDelayMs: 100 },
      config: {
        ...program(services, {
          routes: { main: { phoneNumber: MAIN, service: "inbound" } },
          emails: { desk: { service: "inbound", email: "desk@example.com", routes: ["main"] } },
        }),
        "test:secretWebhookFor": "inbound",
      },
      secrets: { "test:secretWebhook": `https://fax:${PASSWORD}@hooks.example.com/in`, "test:secondKeySecret": SECOND.keySecret },
    });
    const { keySecret: _secret, ...second } = SECOND;
    await fx.stack.setConfig("test:second", { value: JSON.stringify({ ...second, url: fx.emulator.url }) });
    fx.emulator.numbers.seed({ phoneNumber: MAIN, voiceConfiguration: { type: "RTC", appId: "app-1" } });
  });
  afterAll(() => fx.close());

  test("up creates it all, the second project's service through an explicit provider; no secret in the raw state; a clean re-plan", async () => {
    const result = await fx.stack.up();
    // The stack, two services, a route, an address, the explicit provider and its service.
    expect(result.summary.resourceChanges).toMatchObject({ create: 7 });
    const inbound = byName("Inbound")!;
    expect(inbound.incomingWebhookUrl).toBe(`https://fax:${PASSWORD}@hooks.example.com/in`);
    expect(fx.emulator.store.listNumbers(fx.emulator.projectId, inbound.id).map((n) => n.phoneNumber)).toEqual([MAIN]);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).emails.map((e) => e.email)).toEqual(["desk@example.com"]);
    const outbound = byName("Outbound")!;
    expect(outbound.coverPageId).toBe(fx.emulator.store.projectState(fx.emulator.projectId).coverPages[0]!.id);
    expect(
      fx.emulator.store
        .listServices(SECOND.projectId)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["Default service", "In the second project"]);
    expect(result.outputs.secondServiceId!.value).toBe(
      fx.emulator.store.listServices(SECOND.projectId).find((s) => !s.defaultForProject)!.id,
    );

    const raw = fx.rawState();
    for (const secret of [PASSWORD, fx.emulator.keySecret, SECOND.keySecret]) expect(raw).not.toContain(secret);
    expect(raw).not.toContain("__provider");
    const state = JSON.parse(raw).checkpoint.latest.resources as Array<{ urn: string; outputs: Record<string, unknown> }>;
    expect(state.find((r) => r.urn.endsWith("::inbound"))!.outputs.incomingWebhookUrl).toHaveProperty("ciphertext");

    fx.emulator.requests = [];
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 7 });
    expect(fx.emulator.requests).toEqual([]);
  });

  test("refresh shows changes made by hand as drift (a number moved takes it off the address too); the next up puts back what the program declares", async () => {
    const inbound = byName("Inbound")!;
    fx.emulator.store.updateService(fx.emulator.projectId, inbound, { numberOfRetries: 5 }, "dashboard");
    fx.emulator.numbers.seed({ phoneNumber: MAIN, voiceConfiguration: { type: "FAX", serviceId: byName("Outbound")!.id } });
    const log = eventLog();
    await fx.stack.refresh({ onEvent: log.onEvent });
    const drifted = log.events.flatMap((e) =>
      e.resOutputsEvent?.metadata.op === "update" ? [e.resOutputsEvent.metadata.urn.split("::").pop()] : [],
    );
    expect(drifted.sort()).toEqual(["desk", "inbound", "main"]);
    fx.emulator.requests = [];
    await fx.stack.up();
    const writes = fx.emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.operation}`);
    expect(writes.sort()).toEqual(["PATCH numbers-update", "PATCH update", "PUT email-update"]);
    expect(byName("Inbound")!.numberOfRetries).toBe(3);
    expect(fx.emulator.store.listNumbers(fx.emulator.projectId, inbound.id).map((n) => n.phoneNumber)).toEqual([MAIN]);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).emails[0]!.phoneNumbers).toEqual([{ number: MAIN, permissions: "both" }]);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 7 });
  });

  test("functions read services the program does not manage", async () => {
    await fx.stack.setConfig("test:lookups", { value: "true" });
    const result = await fx.stack.up();
    const lookups = result.outputs.lookups!.value as {
      defaultService: string;
      byName: { id: string; numbers: unknown[] };
      names: string[];
    };
    const preexisting = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "Default service")!;
    expect(lookups).toEqual({
      defaultService: preexisting.id,
      byName: { id: preexisting.id, numbers: [] },
      names: ["Default service", "Inbound", "Outbound"],
    });
    await fx.stack.setConfig("test:lookups", { value: "false" });
  });

  test("the default moves from one service to another in one up, never leaving zero or two", async () => {
    const holders = ["inbound", "outbound", "inbound"];
    for (const holder of holders) {
      const declared = Object.fromEntries(Object.entries(services).map(([k, v]) => [k, { ...v, defaultForProject: k === holder }]));
      await fx.stack.setConfig("test:services", { value: JSON.stringify(declared) });
      await fx.stack.up();
      const defaults = fx.emulator.store.listServices(fx.emulator.projectId).filter((s) => s.defaultForProject);
      expect(defaults.map((s) => s.name)).toEqual([holder === "inbound" ? "Inbound" : "Outbound"]);
    }
    expect(fx.emulator.store.defaultHistory.filter((h) => h.defaultServiceIds.length !== 1)).toEqual([]);
  });

  test("destroy leaves both projects as they were: their defaults alone, the number back on its earlier route", async () => {
    // The last holder hands the default back to the project's first service before going.
    const first = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "Default service")!;
    fx.emulator.store.updateService(fx.emulator.projectId, first, { defaultForProject: true }, "dashboard");
    await fx.stack.refresh();
    await fx.stack.destroy();
    expect(fx.emulator.store.listServices(fx.emulator.projectId).map((s) => s.name)).toEqual(["Default service"]);
    expect(fx.emulator.store.listServices(SECOND.projectId).map((s) => s.name)).toEqual(["Default service"]);
    expect((fx.emulator.numbers.get(MAIN) as { voiceConfiguration: object }).voiceConfiguration).toMatchObject({
      type: "RTC",
      appId: "app-1",
    });
    expect(fx.emulator.store.projectState(fx.emulator.projectId).coverPages).toEqual([]);
  });
});
