import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StoredService } from "../../emulator";
import { emulatorConfig } from "../../testkit/local-stack";
import { type EngineFixture, engineStack, ROOT, runIn } from "./harness";

jest.setTimeout(600_000);

const settings = (services: StoredService[]) => services.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
const writes = (fx: EngineFixture) => fx.emulator.requests.filter((r) => r.method !== "GET");

/** Fails with the command's output when it exits otherwise. */
function expectExit(result: { code: number | null; out: string }, code: number): void {
  if (result.code !== code) throw new Error(`exit code ${result.code}, expected ${code}:\n${result.out}`);
}

describe("engine (plugin): pulumi import and the import option", () => {
  let fx: EngineFixture;
  const declared: Record<string, object> = { kept: { name: "Kept" } };
  const declare = async (imports: Record<string, string> = {}) => {
    await fx.stack.setConfig("test:services", { value: JSON.stringify(declared) });
    await fx.stack.setConfig("test:imports", { value: JSON.stringify(imports) });
  };
  beforeAll(async () => {
    fx = await engineStack("services", { frontDoor: "plugin" });
    await declare();
    await fx.stack.up();
  });
  afterAll(() => fx.close());

  test("pulumi import takes a service made by hand and prints code for it; declared as printed, a preview shows no changes", async () => {
    const hand = fx.emulator.store.createService(fx.emulator.projectId, { name: "Made by hand", numberOfRetries: 4 }, "dashboard");
    fx.emulator.requests = [];
    const imported = await runIn(fx, "pulumi", [
      "import",
      "sinch-fax:index:FaxService",
      "hand",
      hand.id,
      "--yes",
      "--protect=false",
      "--stack",
      "e2e",
      "--non-interactive",
    ]);
    expectExit(imported, 0);
    expect(imported.out).toContain('new sinch_fax.FaxService("hand", {');
    expect(imported.out).toContain('name: "Made by hand",');
    expect(imported.out).toContain("numberOfRetries: 4,");
    expect(writes(fx)).toEqual([]);
    declared.hand = { name: "Made by hand", numberOfRetries: 4 };
    await declare();
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 3 });
  });

  test("the import option does the same from the program, with no call that changes anything", async () => {
    const theirs = fx.emulator.store.createService(fx.emulator.projectId, { name: "Theirs", resolution: "SUPERFINE" }, "dashboard");
    declared.theirs = { name: "Theirs", resolution: "SUPERFINE" };
    await declare({ theirs: theirs.id });
    fx.emulator.requests = [];
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges).toMatchObject({ import: 1 });
    expect(writes(fx)).toEqual([]);
    await declare();
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 4 });
    // Imported, it is the stack's: a change is a PATCH, destroy deletes it.
    declared.theirs = { name: "Theirs", resolution: "FINE" };
    await declare();
    await fx.stack.up();
    expect(writes(fx).map((r) => r.body)).toEqual([{ resolution: "FINE" }]);
    await fx.stack.destroy();
    expect(fx.emulator.store.listServices(fx.emulator.projectId).map((s) => s.name)).toEqual(["Default service"]);
  });
});

describe("engine: moving a stack from the dynamic FaxService to the plugin's", () => {
  let fx: EngineFixture;
  const spec = { alpha: { name: "Alpha", numberOfRetries: 1 }, beta: { name: "Beta", resolution: "SUPERFINE" } };
  beforeAll(async () => {
    fx = await engineStack("services", { config: { "test:services": JSON.stringify(spec) } });
  });
  afterAll(() => fx.close());

  test("state delete of the dynamic resources, then the same ids imported through the plugin: Sinch sees no change", async () => {
    const up = await fx.stack.up();
    const ids = up.outputs.ids!.value as Record<string, string>;
    const before = settings(fx.emulator.store.listServices(fx.emulator.projectId));
    fx.emulator.requests = [];

    // 1. Forget the dynamic resources; nothing is called.
    for (const name of Object.keys(spec)) {
      const urn = `urn:pulumi:e2e::e2e-services::pulumi-nodejs:dynamic/sinch-fax:FaxService::${name}`;
      expectExit(await runIn(fx, "pulumi", ["state", "delete", urn, "--yes", "--stack", "e2e", "--non-interactive"]), 0);
    }
    // 2. The program now declares the plugin's FaxService (as a user edits the code), with the import option.
    cpSync(join(ROOT, "testkit/programs/plugin/index.ts"), join(fx.workDir, "index.ts"));
    writeFileSync(
      join(fx.workDir, "Pulumi.yaml"),
      "name: e2e-services\nruntime: nodejs\nplugins:\n  providers:\n    - name: sinch-fax\n      path: node_modules/pulumi-sinch-fax/plugin\n",
    );
    await fx.stack.setAllConfig(emulatorConfig(fx.emulator, { "sinch-fax:defaultHandoffTimeout": "20" }, "sinch-fax"));
    await fx.stack.setConfig("test:imports", { value: JSON.stringify(ids) });
    const imported = await fx.stack.up();
    expect(imported.summary.resourceChanges).toMatchObject({ import: 2 });
    // 3. The import option can go; the plan is clean.
    await fx.stack.setConfig("test:imports", { value: "{}" });
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 3 });

    expect(writes(fx)).toEqual([]);
    expect(settings(fx.emulator.store.listServices(fx.emulator.projectId))).toEqual(before);
    const state = (await fx.stack.exportStack()).deployment.resources as Array<{ type: string; id?: string }>;
    expect(
      state
        .filter((r) => r.type === "sinch-fax:index:FaxService")
        .map((r) => r.id)
        .sort(),
    ).toEqual(Object.values(ids).sort());
    expect(state.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"))).toEqual([]);
  });
});
