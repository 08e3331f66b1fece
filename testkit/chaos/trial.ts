/**
 * One chaos trial: a fresh project and stack, the estate brought to the phase
 * to test, then that phase's `up` or `destroy` killed with `kill -9` at one
 * exact moment (just before a chosen API request lands, just after it lands
 * with its answer lost, or a moment after its answer), then the README's way
 * back (`sinch-fax-recover`, the same command again, a final `destroy`), with
 * every invariant checked on the way.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { runProcessesIn } from "../../provider/recover/processes";
import { emulatorConfig, type LocalStack, localStack, ROOT } from "../local-stack";
import { type Declared, estateConfig, firstEstate, seedProject, updatedEstate, WEBHOOK } from "./estate";
import { defaultProblems, destroyedProblems, estateProblems, stateProblems } from "./invariants";
import { type KillMode, kill, start } from "./processes";

export type Phase = "create" | "update" | "destroy";
export type Door = "dynamic" | "plugin";
/** Where the kill lands around the chosen request: before it is applied, after it (its answer lost), or `delayMs` after its answer. */
export type Stage = "before" | "after" | "later";

export interface KillPoint {
  phase: Phase;
  door: Door;
  mode: KillMode;
  /** The request of the phase's command (1 = its first) the kill is placed at. */
  request: number;
  /** Instead of `request`: the `nth` (1 = the first) request of the phase's command with this method and operation. */
  at?: { method: string; operation: string; nth: number; body?: string };
  stage: Stage;
  delayMs: number;
}

export interface TrialResult {
  point: KillPoint;
  /** The request the kill came at (`POST create`), or undefined when the command ended before it. */
  killedAt: string | undefined;
  /** Requests the phase's command sent before it died. */
  requests: number;
  problems: string[];
  ms: number;
}

const RECOVER = join(ROOT, "node_modules", "pulumi-sinch-fax", "dist", "provider", "recover", "cli.js");
const STACK = "chaos";

/** The API requests each phase's command sends when nothing kills it, by door (from a calibration run). */
export type Calibration = Record<Door, Record<Phase, number>>;

/** Runs one trial; never throws for a broken invariant, it reports it. */
export async function runTrial(point: KillPoint): Promise<TrialResult> {
  const started = Date.now();
  const problems: string[] = [];
  const emulator = await startEmulator({ defaultPolicy: "strict", provisioningDelayMs: 300 });
  emulator.faults.set([{ latencyMs: { min: 10, max: 80 } }]);
  const before = seedProject(emulator);
  const local = await localStack(point.door === "plugin" ? "testkit/programs/plugin" : "testkit/programs/services", { stackName: STACK });
  let killedAt: string | undefined;
  let requests = 0;
  try {
    const ns = point.door === "plugin" ? "sinch-fax" : "sinch";
    const settings = { [`${ns}:defaultHandoffTimeout`]: "30", [`${ns}:numberRoutingTimeout`]: "30" };
    const config = emulatorConfig(emulator, { ...settings, ...estateConfig(firstEstate()) }, ns);
    config["test:secretWebhook"] = { value: WEBHOOK, secret: true };
    await local.stack.setAllConfig(config);
    const pulumi = (args: string[]) =>
      start("pulumi", [...args, "--stack", STACK, "--non-interactive", "--yes", "--skip-preview"], local.workDir, local.env).done;
    const must = async (what: string, run: Promise<{ code: number | null; out: string }>) => {
      const { code, out } = await run;
      if (code !== 0) problems.push(`${what} exited ${code}: ${tail(out)}`);
      return code === 0;
    };

    let declared: Declared = firstEstate();
    if (point.phase !== "create" && !(await must("the setup up", pulumi(["up"])))) return result();
    if (point.phase === "update") {
      declared = updatedEstate();
      await local.stack.setAllConfig(Object.fromEntries(Object.entries(estateConfig(declared)).map(([k, v]) => [k, { value: v }])));
    }
    const command = point.phase === "destroy" ? ["destroy"] : ["up"];

    // The killed run.
    const base = emulator.requests.length;
    const seqBase = emulator.requests.at(-1)?.seq ?? 0;
    const running = start(
      "pulumi",
      [...command, "--stack", STACK, "--non-interactive", "--yes", "--skip-preview"],
      local.workDir,
      local.env,
    );
    const pid = running.child.pid as number;
    const matches = new Map<number, number>();
    emulator.intercept = (entry, stage) => {
      if (killedAt !== undefined) return undefined;
      const index = entry.seq - seqBase;
      if (point.at) {
        if (entry.method !== point.at.method || entry.operation !== point.at.operation) return undefined;
        if (point.at.body !== undefined && !JSON.stringify(entry.body ?? "").includes(point.at.body)) return undefined;
        if (!matches.has(entry.seq)) matches.set(entry.seq, matches.size + 1);
        if (matches.get(entry.seq) !== point.at.nth) return undefined;
      } else if (index !== point.request) return undefined;
      const at = `${entry.method} ${entry.operation} (#${index})`;
      if (point.stage === "before" && stage === "received") {
        killedAt = at;
        kill(pid, point.mode);
        return "drop";
      }
      if (point.stage !== "before" && stage === "applied") {
        killedAt = at;
        if (point.stage === "after") {
          kill(pid, point.mode);
          return "drop";
        }
        setTimeout(() => kill(pid, point.mode), point.delayMs);
      }
      return undefined;
    };
    await running.done;
    requests = emulator.requests.length - base;
    emulator.intercept = undefined;
    // What a kill of the CLI's group leaves: our providers must end on their own, without recovery.
    if (killedAt !== undefined && point.mode === "group") problems.push(...(await providersLeft(local, PROVIDERS_EXIT_MS)));

    // The README's way back: recovery, then the same command again.
    const recovered = await start(process.execPath, [RECOVER, "--stack", STACK], local.workDir, local.env).done;
    if (recovered.code !== 0) problems.push(`sinch-fax-recover exited ${recovered.code}: ${tail(recovered.out)}`);
    problems.push(...lockProblems(local), ...leftProcesses(local, "after recovery"));
    if (!(await must(`the ${command[0]} after recovery`, pulumi(command)))) return result();
    if (point.phase === "destroy") {
      problems.push(...destroyedProblems(emulator, before), ...stateProblems(local.rawState(), undefined));
      return result();
    }
    problems.push(...estateProblems(emulator, declared, before), ...stateProblems(local.rawState(), declared));
    if (await must("the final destroy", pulumi(["destroy"]))) {
      problems.push(...destroyedProblems(emulator, before), ...stateProblems(local.rawState(), undefined));
    }
    return result();
  } catch (e) {
    problems.push(`the trial failed: ${(e as Error).message}`);
    return result();
  } finally {
    emulator.intercept = undefined;
    problems.push(...defaultProblems(emulator), ...leftProcesses(local, "at the end"));
    for (const p of runProcessesIn(local.workDir)) kill(p.pid, "tree");
    await emulator.close();
    // CHAOS_KEEP=1 keeps a failed trial's folder (program and state) to look at.
    if (process.env.CHAOS_KEEP && problems.length > 0) console.error(`chaos: kept ${local.workDir}`);
    else local.remove();
  }

  function result(): TrialResult {
    return { point, killedAt, requests, problems, ms: Date.now() - started };
  }
}

function tail(out: string): string {
  return out
    .split("\n")
    .filter((l) => l.trim() && !l.includes("pulumi-resource-pulumi-nodejs from $PATH"))
    .slice(-6)
    .join(" | ");
}

function lockProblems(local: LocalStack): string[] {
  const root = join(local.env.PULUMI_BACKEND_URL!.replace(/^file:\/\//, ""), ".pulumi", "locks");
  if (!existsSync(root)) return [];
  const files = readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith(".json"));
  return files.length === 0 ? [] : [`a stale lock is left: ${files.join(", ")}`];
}

/** How long a provider process may outlive its engine (it looks every 500 ms: core/engine-watch.ts). */
const PROVIDERS_EXIT_MS = 5_000;

async function providersLeft(local: LocalStack, withinMs: number): Promise<string[]> {
  const deadline = Date.now() + withinMs;
  let left = runProcessesIn(local.workDir).filter((p) => p.role === "provider");
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = runProcessesIn(local.workDir).filter((p) => p.role === "provider");
  }
  return left.length === 0
    ? []
    : [`providers still running ${withinMs / 1000} s after their engine was killed: ${left.map((p) => p.pid).join(", ")}`];
}

function leftProcesses(local: LocalStack, when: string): string[] {
  const left = runProcessesIn(local.workDir);
  return left.length === 0 ? [] : [`processes left ${when}: ${left.map((p) => `${p.pid} ${p.role}`).join(", ")}`];
}
