import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { basename } from "node:path";
import { engineAddressOf, isListening } from "../core/engine-watch";

/**
 * The processes a killed `pulumi` run leaves behind. Pulumi starts its
 * language host and its plugins in process groups of their own, so a kill of
 * the CLI (or of its group) leaves them running: the language host for up to
 * five minutes (its health check), a provider plugin until it notices (ours
 * within a second), Node's dynamic provider of older releases forever. They
 * are found by what they are: a Pulumi host, program or plugin, started in the
 * program's folder, whose engine (the address every one of them was given)
 * no longer listens.
 */
export interface RunProcess {
  pid: number;
  /** `host`: a language host; `program`: the program it ran; `provider`: a resource plugin (or its launcher). */
  role: "host" | "program" | "provider";
  /** The engine's address it was started with. */
  engine: string;
  command: string;
}

/** A process's role and engine from its command line, if it is one of a run's. */
export function runProcessOf(argv: readonly string[]): Pick<RunProcess, "role" | "engine"> | undefined {
  const [exe = "", ...args] = argv;
  const name = basename(exe);
  const address = (from: readonly string[]) => {
    const a = engineAddressOf(from);
    return a ? `${a.host}:${a.port}` : undefined;
  };
  if (name.startsWith("pulumi-language-")) {
    const engine = address(args);
    return engine ? { role: "host", engine } : undefined;
  }
  const script = args.findIndex((a) => /[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/](run|dynamic-provider|run-plugin)[\\/]/.test(a));
  if (script >= 0) {
    const rest = args.slice(script + 1);
    if (/[\\/]cmd[\\/]run[\\/]/.test(args[script] as string)) {
      const at = rest.indexOf("--engine");
      const engine = at >= 0 ? address([rest[at + 1] ?? ""]) : undefined;
      return engine ? { role: "program", engine } : undefined;
    }
    const engine = address(rest);
    return engine ? { role: "provider", engine } : undefined;
  }
  // A plugin binary, or the shell launcher of one (`sh …/pulumi-resource-pulumi-nodejs <engine>`).
  const launcher = name.startsWith("pulumi-resource-") ? 0 : args.findIndex((a) => basename(a).startsWith("pulumi-resource-"));
  if (launcher >= 0) {
    const engine = address(launcher === 0 ? args : args.slice(launcher + 1));
    return engine ? { role: "provider", engine } : undefined;
  }
  return undefined;
}

/** Whether this system lists its processes under /proc (Linux). */
export function canListProcesses(): boolean {
  return existsSync("/proc/self/cmdline");
}

function folderOf(pid: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`).replace(/ \(deleted\)$/, "");
  } catch {
    return undefined;
  }
}

function commandOf(pid: string | number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return raw === "" ? undefined : raw.replace(/\0$/, "").split("\0");
  } catch {
    return undefined;
  }
}

/** Every process of a Pulumi run started in `folder`, whatever its engine. */
export function runProcessesIn(folder: string): RunProcess[] {
  if (!canListProcesses()) return [];
  const here = realpathSync(folder);
  const found: RunProcess[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const argv = commandOf(pid);
    const run = argv && runProcessOf(argv);
    if (!run || folderOf(pid) !== here) continue;
    found.push({ pid: Number(pid), ...run, command: (argv as string[]).join(" ").slice(0, 200) });
  }
  return found;
}

/** The processes of runs in `folder` whose engine is gone (killed), by engine. */
export async function orphansIn(folder: string): Promise<RunProcess[]> {
  const all = runProcessesIn(folder);
  const dead = new Set<string>();
  for (const engine of new Set(all.map((p) => p.engine))) {
    const [host = "", port = ""] = [engine.slice(0, engine.lastIndexOf(":")), engine.slice(engine.lastIndexOf(":") + 1)];
    if (!(await isListening({ host, port: Number(port) }))) dead.add(engine);
  }
  return all.filter((p) => dead.has(p.engine));
}

/** Whether a process still runs the same command. */
export function stillRunning(p: RunProcess): boolean {
  const argv = commandOf(p.pid);
  return argv !== undefined && argv.join(" ").slice(0, 200) === p.command;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends what a killed run left: its language hosts and programs, which can
 * call nothing once their engine is gone, are terminated; its providers,
 * which may still be finishing a call to Sinch, are waited for (ours exit on
 * their own within a second of their engine). Returns those still running
 * after `waitMs`.
 */
export async function settleOrphans(orphans: readonly RunProcess[], waitMs: number): Promise<RunProcess[]> {
  const signal = (p: RunProcess, name: NodeJS.Signals) => {
    try {
      if (stillRunning(p)) process.kill(p.pid, name);
    } catch {
      // gone already
    }
  };
  const idle = orphans.filter((p) => p.role !== "provider");
  for (const p of idle) signal(p, "SIGTERM");
  const deadline = Date.now() + waitMs;
  const killAt = Date.now() + 2_000;
  let killed = false;
  for (;;) {
    const left = orphans.filter(stillRunning);
    if (left.length === 0) return [];
    if (!killed && Date.now() >= killAt) {
      for (const p of left.filter((q) => q.role !== "provider")) signal(p, "SIGKILL");
      killed = true;
    }
    if (Date.now() >= deadline) return left;
    await sleep(200);
  }
}
