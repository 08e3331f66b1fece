import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { type EngineFixture, engineStack, ROOT } from "./harness";

jest.setTimeout(600_000);

const NUMBER = "+15550300001";
// Made by scripts/install-sdk.sh when the set-up found Python (`npm test` does both).
const VENV = join(ROOT, ".work", "python-venv");

describe("engine (plugin, Python): examples/python through the generated Python SDK", () => {
  let fx: EngineFixture;
  const names = () =>
    fx.emulator.store
      .listServices(fx.emulator.projectId)
      .map((s) => s.name)
      .sort();
  beforeAll(async () => {
    if (!existsSync(join(VENV, "bin", "python"))) {
      throw new Error(`no ${VENV}: run the tests with npm test, whose set-up builds the Python language host and SDK`);
    }
    fx = await engineStack("examples/python", {
      frontDoor: "plugin",
      emulator: { provisioningDelayMs: 100 },
      config: { "sinch-fax-python:inboundNumber": NUMBER },
    });
    symlinkSync(VENV, join(fx.workDir, "venv"));
    fx.emulator.numbers.seed({ phoneNumber: NUMBER });
  });
  afterAll(() => fx?.close());

  test("up creates the services, the route and the address; a function lists them; a clean re-plan", async () => {
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ create: 5 });
    expect(names()).toEqual(["Default service", "Inbound faxes", "Outbound faxes"]);
    const inbound = fx.emulator.store.getService(fx.emulator.projectId, result.outputs.inboundServiceId!.value)!;
    expect(fx.emulator.store.listNumbers(fx.emulator.projectId, inbound.id).map((n) => n.phoneNumber)).toEqual([NUMBER]);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).emails.map((e) => e.email)).toEqual(["faxes@example.com"]);
    expect(result.outputs.serviceNames!.value).toEqual(["Default service", "Inbound faxes", "Outbound faxes"]);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 5 });
  });

  test("a config change is one PATCH of that field; refresh after a change by hand shows it; destroy leaves the project as it was", async () => {
    await fx.stack.setConfig("sinch-fax-python:outboundRetries", { value: "5" });
    fx.emulator.requests = [];
    await fx.stack.up();
    expect(fx.emulator.requests.filter((r) => r.method !== "GET").map((r) => r.body)).toEqual([{ numberOfRetries: 5 }]);
    const outbound = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "Outbound faxes")!;
    fx.emulator.store.updateService(fx.emulator.projectId, outbound, { resolution: "FINE" }, "dashboard");
    expect((await fx.stack.refresh()).summary.resourceChanges).toMatchObject({ update: 1 });
    await fx.stack.destroy();
    expect(names()).toEqual(["Default service"]);
  });
});
