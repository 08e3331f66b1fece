import { spawn } from "node:child_process";
import { join } from "node:path";
import { type EngineFixture, engineStack, ROOT } from "./harness";

jest.setTimeout(600_000);

const RECOVER = join(ROOT, "node_modules", "pulumi-sinch-fax", "dist", "provider", "recover", "cli.js");
const services = (spec: object) => ({ "test:services": JSON.stringify(spec) });
const named = (fx: EngineFixture, name: string) => fx.emulator.store.listServices(fx.emulator.projectId).filter((s) => s.name === name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a command in the program's folder with the stack's environment; resolves with its exit code and output. */
function run(fx: EngineFixture, command: string, args: string[]): Promise<{ code: number | null; out: string; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: fx.workDir, env: { ...process.env, ...fx.env }, detached: true });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, pid: child.pid! }));
  });
}

/** Fails with the command's output when it exits otherwise. */
function expectExit(result: { code: number | null; out: string }, code: number): void {
  if (result.code !== code) throw new Error(`exit code ${result.code}, expected ${code}:\n${result.out}`);
}

const recover = (fx: EngineFixture, ...args: string[]) => run(fx, process.execPath, [RECOVER, "--stack", "e2e", ...args]);

/**
 * Starts `pulumi up`, waits until `posts` creates reached the API, then kills
 * the CLI with SIGKILL, as a crash would. Its provider process lives on and
 * finishes the calls in flight; once they have, the rest of its process group
 * is killed too.
 */
async function killMidUp(fx: EngineFixture, posts: number): Promise<void> {
  const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--stack", "e2e", "--non-interactive"], {
    cwd: fx.workDir,
    env: { ...process.env, ...fx.env },
    detached: true,
    stdio: "ignore",
  });
  const creates = () => fx.emulator.requests.filter((r) => r.operation === "create");
  while (creates().length < posts) await sleep(20);
  process.kill(child.pid!, "SIGKILL");
  while (creates().some((r) => r.status === 0)) await sleep(50);
  await sleep(500);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

const pendingUrns = (fx: EngineFixture): string[] =>
  (JSON.parse(fx.rawState()).checkpoint.latest.pending_operations ?? []).map((o: { resource: { urn: string } }) =>
    o.resource.urn.split("::").pop(),
  );

describe("engine: kill -9 in the middle of an up, then sinch-fax-recover", () => {
  let fx: EngineFixture;
  const spec: Record<string, object> = {};
  for (let i = 0; i < 20; i++) spec[`svc-${i}`] = { name: `Service ${i}`, numberOfRetries: i % 6 };
  beforeAll(async () => {
    fx = await engineStack("services", { config: services(spec) });
  });
  afterAll(() => fx.close());

  test("the services the killed run created are brought under management; the next up creates only the rest", async () => {
    fx.emulator.faults.set([{ operations: ["create"], latencyMs: { min: 1500, max: 3000 } }]);
    await killMidUp(fx, 8);
    fx.emulator.faults.clear();
    const createdByKilledRun = fx.emulator.requests.filter((r) => r.operation === "create" && r.status === 201).length;
    expect(createdByKilledRun).toBeGreaterThanOrEqual(8);
    expect(pendingUrns(fx).length).toBeGreaterThan(0);

    const dry = await recover(fx, "--dry-run");
    expectExit(dry, 0);
    expect(pendingUrns(fx).length).toBeGreaterThan(0);

    const result = await recover(fx);
    expectExit(result, 0);
    expect(result.out.match(/found service/g)?.length).toBe(createdByKilledRun);
    expect(pendingUrns(fx)).toEqual([]);

    fx.emulator.requests = [];
    await fx.stack.up();
    expect(fx.emulator.requests.filter((r) => r.method === "POST")).toHaveLength(20 - createdByKilledRun);
    for (let i = 0; i < 20; i++) expect(named(fx, `Service ${i}`)).toHaveLength(1);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 21 });
    await fx.stack.destroy();
    expect(fx.emulator.store.listServices(fx.emulator.projectId).map((s) => s.name)).toEqual(["Default service"]);
  });
});

describe("engine: what recovery cannot match unambiguously is listed, never taken or deleted", () => {
  let fx: EngineFixture;
  beforeAll(async () => {
    fx = await engineStack("services", { config: services({ twinA: { name: "Twin" }, twinB: { name: "Twin" }, solo: { name: "Solo" } }) });
  });
  afterAll(() => fx.close());

  test("two pending creates with the same inputs are ambiguous; the unique one is recovered", async () => {
    fx.emulator.faults.set([{ operations: ["create"], latencyMs: { min: 2000, max: 2000 } }]);
    await killMidUp(fx, 3);
    fx.emulator.faults.clear();
    const twins = named(fx, "Twin").map((s) => s.id);
    expect(twins).toHaveLength(2);

    const result = await recover(fx);
    expectExit(result, 2);
    for (const twin of ["twinA", "twinB"]) expect(result.out).toContain(`${twin} (interrupted create): AMBIGUOUS`);
    for (const id of twins) expect(result.out).toContain(id);
    expect(result.out).toContain("solo (interrupted create): found service");
    expect(named(fx, "Twin").map((s) => s.id)).toEqual(twins);
    // Kept as unconfirmed records: an up refuses to create them again before they are resolved.
    expect(pendingUrns(fx)).toEqual([]);
    const blocked = await fx.stack.up().catch((e: Error) => e);
    expect(String(blocked)).toContain("its creation was never confirmed");
    expect(named(fx, "Twin")).toHaveLength(2);

    // The user removes the copies they do not want (here: both); recovery then drops the records.
    for (const id of twins)
      fx.emulator.store.deleteService(fx.emulator.projectId, fx.emulator.store.getService(fx.emulator.projectId, id)!, "by hand");
    const second = await recover(fx);
    expectExit(second, 0);
    expect(second.out).toContain("twinA (unconfirmed create): no service was created");
    await fx.stack.up();
    expect(named(fx, "Twin")).toHaveLength(2);
    expect(named(fx, "Solo")).toHaveLength(1);
    await fx.stack.destroy();
  });
});

describe("engine: a lost POST whose lookup fails too", () => {
  let fx: EngineFixture;
  beforeAll(async () => {
    fx = await engineStack("services", { config: { ...services({ lost: { name: "Lost" } }), "sinch:maxRetries": "1" } });
  });
  afterAll(() => fx.close());

  test("the error says a service may have been created and how to recover; no later run duplicates it", async () => {
    fx.emulator.faults.set([
      { operations: ["create"], lost: 1, times: 1 },
      { operations: ["list"], status503: 1, times: 5 },
    ]);
    const failed = await fx.stack.up().catch((e: Error) => e);
    expect(String(failed)).toContain('A service named "Lost" may have been created');
    expect(String(failed)).toContain("sinch-fax-recover");
    fx.emulator.faults.clear();
    expect(named(fx, "Lost")).toHaveLength(1);

    // Neither a plain up nor a refresh makes a second one, or loses the record.
    const again = await fx.stack.up().catch((e: Error) => e);
    expect(String(again)).toContain("its creation was never confirmed");
    await fx.stack.refresh();
    expect(named(fx, "Lost")).toHaveLength(1);
    expect(fx.emulator.requests.filter((r) => r.operation === "create")).toHaveLength(1);

    const result = await recover(fx);
    expectExit(result, 0);
    expect(result.out).toContain("lost (unconfirmed create): found service");
    const state = await fx.stack.exportStack();
    const lost = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::lost"));
    expect(lost.id).toBe(named(fx, "Lost")[0]!.id);
    expect(lost.outputs).not.toHaveProperty("unconfirmedCreate");
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });
    await fx.stack.destroy();
    expect(named(fx, "Lost")).toHaveLength(0);
  });
});
