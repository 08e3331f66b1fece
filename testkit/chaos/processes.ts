/**
 * Commands of a chaos trial, and the two ways it kills one: the CLI's whole
 * process tree (everything it started, whatever process group), or the CLI's
 * own process group alone, so the plugins and hosts Pulumi starts in groups
 * of their own live on, as after a CI runner's kill of the job's group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type KillMode = "tree" | "group";

/** A command running in the program's folder; `done` resolves with its exit code and output. */
export interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
}

/** Starts a command in its own process group, in `cwd`, with `env` over this process's environment. */
export function start(command: string, args: string[], cwd: string, env: Record<string, string>): Running {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
  return { child, done };
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Kills a CLI as a crash would: its whole tree (stopped first, so no child escapes by being reparented), or its group only. */
export function kill(pid: number, mode: KillMode): void {
  if (mode === "group") {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    return;
  }
  const tree: number[] = [];
  const stop = (p: number) => {
    try {
      process.kill(p, "SIGSTOP");
      tree.push(p);
    } catch {
      // already gone
    }
  };
  stop(pid);
  for (let i = 0; i < tree.length; i++) for (const child of childrenOf(tree[i] as number)) if (!tree.includes(child)) stop(child);
  for (const p of tree) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
