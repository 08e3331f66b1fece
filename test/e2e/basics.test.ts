import { changedInputs, changingSteps, type EngineFixture, engineStack, eventLog, FRONT_DOORS, typeToken } from "./harness";

jest.setTimeout(300_000);

const services = (spec: object) => ({ "test:services": JSON.stringify(spec) });
const apiServices = (fx: EngineFixture) => fx.emulator.store.listServices(fx.emulator.projectId);

describe.each(FRONT_DOORS)("engine (%s): create, no-op preview, one-field change, removed input", (door) => {
  let fx: EngineFixture;
  // The stack and the two services (the engine does not count the plugin's default provider).
  const resources = 3;
  beforeAll(async () => {
    fx = await engineStack("services", {
      frontDoor: door,
      config: services({
        inbound: { name: "Inbound", numberOfRetries: 1, scanIncomingBarcodes: true },
        outbound: { name: "Outbound", resolution: "SUPERFINE", retryDelaySeconds: 120, defaultFrom: "+15551230000" },
      }),
    });
  });
  afterAll(() => fx.close());

  test("up creates the services; state outputs equal what the emulator holds", async () => {
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: resources });
    const ids = result.outputs.ids!.value as Record<string, string>;
    const state = await fx.stack.exportStack();
    for (const name of ["inbound", "outbound"]) {
      const resource = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(`::${name}`));
      expect(resource.type).toBe(typeToken(door, "FaxService"));
      const api = fx.emulator.store.getService(fx.emulator.projectId, ids[name]!)!;
      const { id: _id, ...fields } = api;
      const { __provider: _p, numbers, adopted, ...outputs } = resource.outputs;
      expect(outputs).toEqual({ ...fields, resolution: api.resolution ?? "FINE" });
      expect([numbers, adopted]).toEqual([[], false]);
    }
    expect(fx.emulator.requests.map((r) => `${r.method} ${r.operation}`)).toEqual(["POST create", "POST create"]);
  });

  test("preview right after reports no changes and sends no API request", async () => {
    fx.emulator.requests = [];
    const preview = await fx.stack.preview();
    expect(preview.changeSummary).toEqual({ same: resources });
    expect(fx.emulator.requests).toEqual([]);
  });

  test("one changed field: preview shows an update of exactly that resource; up sends one PATCH of exactly that field", async () => {
    await fx.stack.setConfig("test:services", {
      value: JSON.stringify({
        inbound: { name: "Inbound", numberOfRetries: 4, scanIncomingBarcodes: true },
        outbound: { name: "Outbound", resolution: "SUPERFINE", retryDelaySeconds: 120, defaultFrom: "+15551230000" },
      }),
    });
    const log = eventLog();
    const preview = await fx.stack.preview({ onEvent: log.onEvent });
    expect(preview.changeSummary).toEqual({ same: resources - 1, update: 1 });
    expect(changingSteps(log.events)).toEqual(["update inbound"]);
    expect(changedInputs(log.events)).toEqual({ inbound: ["numberOfRetries"] });
    fx.emulator.requests = [];
    await fx.stack.up();
    expect(fx.emulator.requests.map((r) => [r.method, r.body])).toEqual([["PATCH", { numberOfRetries: 4 }]]);
  });

  test("a removed input returns to its default, or is cleared where it has none", async () => {
    await fx.stack.setConfig("test:services", {
      value: JSON.stringify({
        inbound: { name: "Inbound", numberOfRetries: 4, scanIncomingBarcodes: true },
        outbound: { name: "Outbound" },
      }),
    });
    fx.emulator.requests = [];
    await fx.stack.up();
    expect(fx.emulator.requests.map((r) => r.body)).toEqual([{ defaultFrom: "", retryDelaySeconds: 60, resolution: "FINE" }]);
    const outbound = apiServices(fx).find((s) => s.name === "Outbound")!;
    expect(outbound).toMatchObject({ retryDelaySeconds: 60, resolution: "FINE" });
    expect(outbound).not.toHaveProperty("defaultFrom");
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: resources });
  });
});
