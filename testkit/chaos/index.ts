/**
 * The chaos test: seeded random `kill -9` points during an `up` from nothing
 * (with an adoption), an update (numbers moved, the stamped page switched,
 * the default moved) and a `destroy`, through both front doors and both kill
 * modes, each followed by the README's way back and every invariant checked.
 */
import { seededRandom } from "../../emulator/faults";
import type { KillMode } from "./processes";
import { type Calibration, type Door, type KillPoint, type Phase, runTrial, type Stage, type TrialResult } from "./trial";

export type { Calibration, KillPoint, TrialResult } from "./trial";

export interface ChaosOptions {
  kills: number;
  seed: number;
  modes: readonly KillMode[];
  doors: readonly Door[];
  phases: readonly Phase[];
  /** The requests each phase sends unkilled; measured by {@link calibrate} when not given. */
  calibration?: Calibration | undefined;
  log?: (line: string) => void;
}

const STAGES: Stage[] = ["before", "after", "later"];

/** Measures how many API requests each phase's command sends when nothing kills it (one unkilled run per door). */
export async function calibrate(doors: readonly Door[]): Promise<Calibration> {
  const calibration = {} as Calibration;
  for (const door of doors) {
    calibration[door] = { create: 0, update: 0, destroy: 0 };
    for (const phase of ["create", "update", "destroy"] as const) {
      // A kill point past the end never fires: the trial runs unkilled and counts the phase's requests.
      const trial = await runTrial({ phase, door, mode: "tree", request: Number.MAX_SAFE_INTEGER, stage: "after", delayMs: 0 });
      if (trial.problems.length > 0) throw new Error(`the unkilled ${door} ${phase} broke an invariant: ${trial.problems.join("; ")}`);
      calibration[door][phase] = trial.requests;
    }
  }
  return calibration;
}

/** The kill points of a run: modes and doors in turn, the rest drawn from the seed. */
export function killPoints(options: ChaosOptions, calibration: Calibration): KillPoint[] {
  const random = seededRandom(options.seed);
  const points: KillPoint[] = [];
  for (let i = 0; i < options.kills; i++) {
    const mode = options.modes[i % options.modes.length] as KillMode;
    const door = options.doors[Math.floor(i / options.modes.length) % options.doors.length] as Door;
    const phase = options.phases[Math.floor(random() * options.phases.length)] as Phase;
    const requests = Math.max(1, calibration[door][phase]);
    points.push({
      phase,
      door,
      mode,
      request: 1 + Math.floor(random() * requests),
      stage: STAGES[Math.floor(random() * STAGES.length)] as Stage,
      delayMs: Math.floor(random() * 400),
    });
  }
  return points;
}

/** Runs every kill point; returns each trial's result. */
export async function runChaos(options: ChaosOptions): Promise<{ calibration: Calibration; trials: TrialResult[] }> {
  const log = options.log ?? (() => undefined);
  const calibration = options.calibration ?? (await calibrate(options.doors));
  log(`requests per phase, unkilled: ${JSON.stringify(calibration)}`);
  const trials: TrialResult[] = [];
  for (const [i, point] of killPoints(options, calibration).entries()) {
    const trial = await runTrial(point);
    trials.push(trial);
    log(
      `${String(i + 1).padStart(3)} ${describePoint(trial)}  ${trial.problems.length === 0 ? "ok" : `VIOLATED: ${trial.problems.join("; ")}`}`,
    );
  }
  return { calibration, trials };
}

export function describePoint(t: TrialResult): string {
  const p = t.point;
  const where = p.stage === "later" ? `${p.delayMs} ms after` : p.stage === "before" ? "before" : "after (answer lost)";
  return `${p.door.padEnd(7)} ${p.mode.padEnd(5)} ${p.phase.padEnd(7)} kill ${where} ${t.killedAt ?? `request #${p.request} (never reached)`} (${(t.ms / 1000).toFixed(0)} s)`;
}

/** The table of kill points and invariants a run prints. */
export function chaosTable(trials: readonly TrialResult[]): string {
  const rows = trials.map((t, i) => {
    const p = t.point;
    const where = p.stage === "later" ? `+${p.delayMs} ms` : p.stage;
    return `| ${i + 1} | ${p.door} | ${p.mode} | ${p.phase} | ${t.killedAt ?? "not reached"} | ${where} | ${t.problems.length === 0 ? "none" : t.problems.join("; ").replace(/\|/g, "/")} |`;
  });
  const byMode = [...new Set(trials.map((t) => t.point.mode))].map((mode) => {
    const of = trials.filter((t) => t.point.mode === mode);
    return `| ${mode} | ${of.length} | ${of.filter((t) => t.killedAt !== undefined).length} | ${of.filter((t) => t.problems.length > 0).length} |`;
  });
  return [
    "| # | door | kill | phase | killed at | when | violations |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "| kill mode | kill points | kills that landed | with a violation |",
    "|---|---|---|---|",
    ...byMode,
  ].join("\n");
}
