import type { StoredService } from "../../emulator";
import { type EngineFixture, engineStack } from "./harness";

jest.setTimeout(600_000);

const settings = (services: StoredService[]) => services.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));

describe.each(["strict", "lenient"] as const)("engine: default handoff in one up, %s API", (policy) => {
  let fx: EngineFixture;
  beforeAll(async () => {
    fx = await engineStack("examples/default-handoff", { emulator: { defaultPolicy: policy, faultSeed: 11 } });
  });
  afterAll(() => fx.close());

  test("handing the default back and forth never shows zero or two defaults, with latency; destroy restores the project", async () => {
    const before = settings(fx.emulator.store.listServices(fx.emulator.projectId));
    // Added latency on every call shakes out orderings of the concurrent updates.
    fx.emulator.faults.set([{ latencyMs: { min: 20, max: 400 } }]);
    const holders = ["a", "b", "a", "b"];
    let ids: Record<string, string> = {};
    for (const holder of holders) {
      await fx.stack.setConfig("default-handoff:default", { value: holder });
      const result = await fx.stack.up();
      ids = result.outputs.serviceIds!.value;
      const defaults = fx.emulator.store.listServices(fx.emulator.projectId).filter((s) => s.defaultForProject);
      expect(defaults.map((s) => s.id)).toEqual([ids[holder]]);
      expect(result.outputs.defaultService!.value).toBe(ids[holder]);
    }
    const history = fx.emulator.store.defaultHistory;
    expect(history.length).toBeGreaterThanOrEqual(holders.length);
    expect(history.filter((h) => h.defaultServiceIds.length !== 1)).toEqual([]);
    // A clean plan afterwards.
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 3 });

    await fx.stack.destroy();
    expect(settings(fx.emulator.store.listServices(fx.emulator.projectId))).toEqual(before);
    expect(fx.emulator.store.defaultHistory.filter((h) => h.defaultServiceIds.length !== 1)).toEqual([]);
  });
});

describe("engine: adopting the project's default service", () => {
  let fx: EngineFixture;
  beforeAll(async () => {
    fx = await engineStack("examples/adopt-default");
  });
  afterAll(() => fx.close());

  test("up adopts it with one PATCH; destroy releases it, leaving the emulator as it was", async () => {
    const before = settings(fx.emulator.store.listServices(fx.emulator.projectId));
    const result = await fx.stack.up();
    expect(result.outputs.serviceId!.value).toBe(before[0]!.id);
    expect(fx.emulator.requests.filter((r) => r.method !== "GET").map((r) => [r.method, r.body])).toEqual([
      ["PATCH", { name: "Company default", numberOfRetries: 4, retryDelaySeconds: 90, resolution: "SUPERFINE" }],
    ]);
    expect(fx.emulator.store.listServices(fx.emulator.projectId)).toHaveLength(1);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });

    fx.emulator.requests = [];
    await fx.stack.destroy();
    expect(fx.emulator.requests.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(settings(fx.emulator.store.listServices(fx.emulator.projectId))).toEqual(before);
  });
});
