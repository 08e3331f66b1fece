import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExportedDeployment } from "./state-edit";

/** Runs the Pulumi CLI on one stack of the program in `cwd`. */
export class PulumiCli {
  constructor(
    readonly cwd: string,
    readonly stack: string | undefined,
  ) {}

  /** Runs `pulumi <args> [--stack s]` (`stack: false` for commands about no stack); returns stdout, throws with stderr on failure. */
  run(args: string[], options: { inherit?: boolean; stack?: boolean } = {}): string {
    const stack = options.stack !== false && this.stack ? ["--stack", this.stack] : [];
    const full = [...args, ...stack, "--non-interactive"];
    const spawnOptions: SpawnSyncOptions = { cwd: this.cwd, encoding: "utf8", maxBuffer: 1 << 30 };
    if (options.inherit) spawnOptions.stdio = ["ignore", "inherit", "inherit"];
    const result = spawnSync("pulumi", full, spawnOptions);
    if (result.error) throw new Error(`could not run pulumi: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`pulumi ${args.slice(0, 2).join(" ")} failed: ${String(result.stderr ?? "").trim()}`);
    return String(result.stdout ?? "");
  }

  /** The stack's state; secrets stay encrypted unless `showSecrets` (then it is only ever held in memory). */
  exportDeployment(showSecrets = false): { version: number; deployment: ExportedDeployment } {
    return JSON.parse(this.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])]));
  }

  /** The stack's config, secrets decrypted (in memory only). */
  config(): Record<string, string> {
    const raw = JSON.parse(this.run(["config", "--show-secrets", "--json"])) as Record<string, { value?: string }>;
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value ?? ""]));
  }

  /** When the stack's last recorded update ended (ms), if any is recorded. */
  lastUpdateEnd(): number | undefined {
    const history = JSON.parse(this.run(["stack", "history", "--json", "--page-size", "1"]) || "[]") as Array<{ endTime?: string }>;
    const end = Date.parse(history[0]?.endTime ?? "");
    return Number.isNaN(end) ? undefined : end;
  }

  /** The backend URL (`pulumi whoami`). */
  backendUrl(): string {
    return (JSON.parse(this.run(["whoami", "--json"], { stack: false })) as { url?: string }).url ?? "";
  }
}

/**
 * Repairs what a kill can leave half-written in a `file://` backend. Each file
 * there has a sidecar (`<file>.attrs`, its content type and MD5) that the
 * backend rewrites in place (truncate, then write) just before it renames the
 * new file into place: a kill in between leaves it empty, and Pulumi then
 * cannot read the stack at all ("failed to load checkpoint: EOF"). The file
 * itself is still whole (the old one: it is renamed in only after), and a
 * missing sidecar is read as no metadata, so an unreadable sidecar is removed.
 * Returns the sidecars removed.
 */
export function repairSidecars(backendUrl: string): string[] {
  if (!backendUrl.startsWith("file://")) return [];
  const root = join(fileURLToPath(backendUrl.replace(/\?.*$/, "")), ".pulumi");
  const removed: string[] = [];
  for (const area of ["stacks", "history", "locks"]) {
    const dir = join(root, area);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true })) {
      const file = join(dir, String(entry));
      if (!file.endsWith(".attrs")) continue;
      try {
        JSON.parse(readFileSync(file, "utf8"));
      } catch {
        rmSync(file, { force: true });
        removed.push(file);
      }
    }
  }
  return removed;
}

/** The lock an interrupted update left on a stack of a file backend. */
export interface StaleLock {
  pid: number;
  hostname: string;
  /** When the locked update started (ms). */
  startedAt: number;
  /** True when the process that holds it still runs on this machine. */
  alive: boolean;
}

/**
 * The locks held on a stack of a `file://` backend (other backends keep locks
 * to themselves): the lock files name the process and when its update began.
 */
export function fileBackendLocks(backendUrl: string, project: string, stack: string): StaleLock[] {
  if (!backendUrl.startsWith("file://")) return [];
  const root = join(fileURLToPath(backendUrl.replace(/\?.*$/, "")), ".pulumi", "locks");
  if (!existsSync(root)) return [];
  const locks: StaleLock[] = [];
  for (const org of readdirSync(root)) {
    const dir = join(root, org, project, stack);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const lock = JSON.parse(readFileSync(join(dir, file), "utf8")) as { pid: number; hostname: string; timestamp: string };
      locks.push({
        pid: lock.pid,
        hostname: lock.hostname,
        startedAt: Date.parse(lock.timestamp),
        alive: isRunningHere(lock.pid, lock.hostname),
      });
    }
  }
  return locks;
}

/** Whether the lock's process runs here still: the same host, and a Pulumi CLI at that pid (not another process that got the number). */
function isRunningHere(pid: number, host: string): boolean {
  if (host !== hostname()) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/cmdline`)) return true;
  return /(^|\/)pulumi$/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "");
}
