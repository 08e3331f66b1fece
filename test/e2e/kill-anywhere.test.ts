import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChaos } from "../../testkit/chaos";
import { type KillPoint, runTrial } from "../../testkit/chaos/trial";
import { engineStack, ROOT, runIn } from "./harness";

jest.setTimeout(900_000);

const RECOVER = join(ROOT, "node_modules", "pulumi-sinch-fax", "dist", "provider", "recover", "cli.js");

/** A kill at the `nth` request of this method and operation (whose body holds `body`), then the README's way back. */
const killAt = (
  point: Omit<KillPoint, "request" | "delayMs" | "stage"> & { stage?: KillPoint["stage"] },
  at: NonNullable<KillPoint["at"]>,
) => runTrial({ request: 0, delayMs: 0, stage: "after", ...point, at });

// Each defect the outside testers found, at the kill point that showed it (issue 20), through the chaos
// trial: the estate of every resource kind, the kill, sinch-fax-recover, the command again, a final
// destroy, and every invariant (testkit/chaos/invariants.ts) checked against the emulator and the state.
describe("engine: kill -9 where each defect showed, then the README's way back", () => {
  test.each<[string, Parameters<typeof killAt>[0], NonNullable<KillPoint["at"]>]>([
    [
      "a create with a secret input (the webhook) is matched through the export's secret form",
      { phase: "create", door: "dynamic", mode: "tree" },
      { method: "POST", operation: "create", nth: 1, body: "hooks.example.com" },
    ],
    [
      "a service whose create stamped its page is matched (plugin)",
      { phase: "create", door: "plugin", mode: "tree" },
      { method: "PATCH", operation: "update", nth: 1, body: "coverPageId" },
    ],
    [
      "a service whose create stamped its page is matched (dynamic), its providers ending on their own",
      { phase: "create", door: "dynamic", mode: "group" },
      { method: "PATCH", operation: "update", nth: 1, body: "coverPageId" },
    ],
    [
      "a route killed after its PATCH keeps the number's earlier route for destroy",
      { phase: "create", door: "dynamic", mode: "tree" },
      { method: "PATCH", operation: "numbers-update", nth: 1 },
    ],
    [
      "an adoption killed after its PATCH is released as it was, its own page stamped again",
      { phase: "create", door: "plugin", mode: "tree" },
      { method: "PATCH", operation: "update", nth: 1, body: "K adopted" },
    ],
    [
      "an address whose POST landed is managed, not stuck",
      { phase: "create", door: "plugin", mode: "group" },
      { method: "POST", operation: "email-create", nth: 1 },
    ],
    [
      "a killed update leaves no lock and no record behind",
      { phase: "update", door: "dynamic", mode: "group", stage: "before" },
      { method: "PATCH", operation: "numbers-update", nth: 1 },
    ],
    ["a killed destroy finishes", { phase: "destroy", door: "plugin", mode: "tree" }, { method: "DELETE", operation: "delete", nth: 1 }],
  ])("%s", async (_what, point, at) => {
    const result = await killAt(point, at);
    expect(result.killedAt).toEqual(expect.stringContaining(`${at.method} ${at.operation}`));
    expect(result.problems).toEqual([]);
  });
});

// A short run of `npm run chaos`: random kill points, both kill modes, both front doors.
test("engine: a short chaos run breaks no invariant", async () => {
  const lines: string[] = [];
  const { trials } = await runChaos({
    kills: 4,
    seed: 11,
    modes: ["tree", "group"],
    doors: ["dynamic", "plugin"],
    phases: ["create", "update", "destroy"],
    calibration: { dynamic: { create: 37, update: 12, destroy: 29 }, plugin: { create: 37, update: 12, destroy: 29 } },
    log: (l) => lines.push(l),
  });
  expect(trials.map((t) => t.problems)).toEqual([[], [], [], []]);
  expect(trials.filter((t) => t.killedAt !== undefined).length).toBeGreaterThanOrEqual(3);
});

describe("engine: two routes of one number in one stack", () => {
  test.each(["dynamic", "plugin"] as const)("are refused at preview, naming both (%s)", async (door) => {
    const fx = await engineStack("services", {
      frontDoor: door,
      config: {
        "test:services": JSON.stringify({ a: { name: "A" } }),
        "test:routes": JSON.stringify({
          first: { phoneNumber: "+15553000001", service: "a" },
          second: { phoneNumber: "+15553000001", service: "a" },
        }),
      },
    });
    try {
      fx.emulator.numbers.seed({ phoneNumber: "+15553000001", voiceConfiguration: { type: "RTC", appId: "app-1" } });
      const failed = await fx.stack.preview().catch((e: Error) => e);
      // The plugin checks both routes at once: whichever comes second is the one refused.
      expect(String(failed)).toMatch(
        /FaxNumberRoute "(first|second)" and FaxNumberRoute "(first|second)" both route \+15553000001: a number has one route/,
      );
      expect(String(failed)).not.toMatch(/FaxNumberRoute "(first|second)" and FaxNumberRoute "\1" both/);
      expect(fx.emulator.requests.filter((r) => r.method !== "GET")).toEqual([]);
    } finally {
      await fx.close();
    }
  });
});

test("engine: a stack file's metadata left empty by a kill is repaired, and the stack reads again", async () => {
  const fx = await engineStack("services", { config: { "test:services": JSON.stringify({ a: { name: "A" } }) } });
  try {
    await fx.stack.up();
    const stacks = join(fx.env.PULUMI_BACKEND_URL!.replace("file://", ""), ".pulumi", "stacks", "e2e-services");
    const sidecar = readdirSync(stacks).find((f) => f === "e2e.json.attrs")!;
    writeFileSync(join(stacks, sidecar), "");
    expect(String(await fx.stack.preview().catch((e: Error) => e))).toContain("failed to load checkpoint: EOF");
    const recovered = await runIn(fx, process.execPath, [RECOVER, "--stack", "e2e"]);
    expect(recovered.out).toContain("left half-written by the kill");
    expect(recovered.code).toBe(0);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });
    await fx.stack.destroy();
  } finally {
    await fx.close();
  }
});

test("engine: a lock held by a run on another machine is never taken as dead unless the user says so (--unlock)", async () => {
  const fx = await engineStack("services", { config: { "test:services": JSON.stringify({ a: { name: "A" } }) } });
  try {
    await fx.stack.up();
    const locks = join(fx.env.PULUMI_BACKEND_URL!.replace("file://", ""), ".pulumi", "locks", "organization", "e2e-services", "e2e");
    mkdirSync(locks, { recursive: true });
    const lock = { pid: 4242, username: "ci", hostname: "runner-7", timestamp: new Date().toISOString() };
    writeFileSync(join(locks, "0b3c9f0e-6f4e-4c1e-9d5e-2a1f3b4c5d6e.json"), JSON.stringify(lock));
    const refused = await runIn(fx, process.execPath, [RECOVER, "--stack", "e2e"]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("the stack is locked by pid 4242 on runner-7, which cannot be checked from here");
    expect(readdirSync(locks)).toHaveLength(1);
    const unlocked = await runIn(fx, process.execPath, [RECOVER, "--stack", "e2e", "--unlock"]);
    expect(unlocked.code).toBe(0);
    expect(unlocked.out).toContain("removed the stale lock");
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });
    await fx.stack.destroy();
  } finally {
    await fx.close();
  }
});
