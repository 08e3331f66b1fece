#!/usr/bin/env node
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { reveal } from "../plugin/values";
import { Clients } from "./clients";
import { interruptedIn } from "./interrupted";
import { decide } from "./observe";
import { type Decision, describe } from "./plan";
import { canListProcesses, orphansIn, type RunProcess, settleOrphans } from "./processes";
import { fileBackendLocks, PulumiCli, repairSidecars, type StaleLock } from "./stack-io";
import { applyDecisions, type ExportedDeployment } from "./state-edit";

const USAGE = `sinch-fax-recover: after a \`pulumi up\` or \`destroy\` that was killed or failed part-way, brings the
stack back to what Sinch really has, so the next \`up\` or \`destroy\` neither duplicates nor loses anything.

Run it in the program's folder, with the stack of the interrupted run:
  --stack <name>   the stack (default: the selected one)
  --cwd <dir>      the program's folder (default: the current one)
  --wait <s>       how long to wait for the killed run's provider processes to end (default 30)
  --unlock         take a lock held by a run on another machine as dead (a lost CI runner, say)
  --dry-run        only say what would be done
Exit codes: 0 done, nothing left to do; 2 done, except what it lists for a person to decide; 1 an error.`;

const prefix = "sinch-fax-recover";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      stack: { type: "string" },
      cwd: { type: "string" },
      wait: { type: "string" },
      "dry-run": { type: "boolean" },
      unlock: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dryRun = values["dry-run"] === true;
  const cwd = values.cwd ?? process.cwd();
  const cli = new PulumiCli(cwd, values.stack);
  // A kill while the backend wrote a file can leave its metadata unreadable, and the stack with it.
  for (const file of dryRun ? [] : repairSidecars(cli.backendUrl()))
    console.log(`${prefix}: removed ${file}, left half-written by the kill`);
  const plain = reveal(cli.exportDeployment(true).deployment) as ExportedDeployment;
  const locks = locksOf(cli, plain);
  const running = locks.find((l) => l.alive);
  if (running) {
    console.error(`${prefix}: an update of this stack is still running (pid ${running.pid} on ${running.hostname}); wait for it to end`);
    return 1;
  }
  // A lock of another machine's run may be a live run: only a person can say it is not.
  const elsewhere = locks.find((l) => l.hostname !== hostname());
  if (elsewhere && !values.unlock) {
    console.error(
      `${prefix}: the stack is locked by pid ${elsewhere.pid} on ${elsewhere.hostname}, which cannot be checked from here; if that run is gone (its runner lost, say), run ${prefix} again with --unlock`,
    );
    return 2;
  }

  // First the killed run's processes: nothing may still be calling Sinch when recovery looks at it.
  const left = await endRunProcesses(cwd, Number(values.wait ?? 30) * 1000, dryRun);
  if (left.length > 0) {
    console.error(`${prefix}: the killed run's processes are still running: ${left.map((p) => `${p.pid} (${p.command})`).join("; ")}`);
    console.error(`${prefix}: end them (kill ${left.map((p) => p.pid).join(" ")}) once they are idle, then run ${prefix} again`);
    return 2;
  }

  // The earliest the interrupted run can have started: its lock, else the end of the last recorded update.
  const since = Math.max(0, ...locks.map((l) => l.startedAt), cli.lastUpdateEnd() ?? 0);
  const items = interruptedIn(plain, since);
  if (items.length === 0) {
    if (locks.length > 0 && !dryRun) cli.run(["cancel", "--yes"]);
    const lock = locks.length > 0 ? (dryRun ? "; it would remove the stale lock" : "; removed the stale lock the killed run left") : "";
    console.log(`${prefix}: nothing to recover (no interrupted operation in this stack)${lock}`);
    return 0;
  }

  const clients = new Clients(plain, cli.config());
  let decisions: Decision[];
  try {
    decisions = await decide(items, plain, clients);
  } finally {
    clients.close();
  }
  console.log(`${prefix}: ${items.length} interrupted operation(s) in stack ${values.stack ?? "(selected)"}`);
  for (const d of decisions) console.log(`  ${describe(d)}`);
  const human = decisions.filter((d) => d.human !== undefined);
  if (dryRun) return human.length > 0 ? 2 : 0;

  if (locks.length > 0) cli.run(["cancel", "--yes"]);
  const raw = cli.exportDeployment();
  const edited = applyDecisions(raw.deployment, decisions);
  importDeployment(cli, { ...raw, deployment: edited.deployment });
  if (edited.refresh.length > 0) {
    cli.run(["refresh", "--yes", "--skip-preview", ...edited.refresh.flatMap((urn) => ["--target", urn])], { inherit: true });
  }
  if (human.length === 0) {
    console.log(`${prefix}: done; the next \`pulumi up\` or \`destroy\` runs on what Sinch really has`);
    return 0;
  }
  console.log(`${prefix}: done, except what needs a person:`);
  for (const d of human) console.log(`  ${d.urn.split("::").pop()}: ${d.human}`);
  return 2;
}

/** The stack's locks (file backends show them), with the killed run's start. */
function locksOf(cli: PulumiCli, plain: ExportedDeployment): StaleLock[] {
  const urn = (plain.resources ?? [])[0]?.urn ?? (plain.pending_operations ?? [])[0]?.resource.urn ?? "";
  const [, stack = cli.stack ?? "", project = ""] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) ?? [];
  return fileBackendLocks(cli.backendUrl(), project, stack);
}

/** Ends the killed run's idle hosts and waits for its providers (see processes.ts); returns those still running. */
async function endRunProcesses(cwd: string, waitMs: number, dryRun: boolean): Promise<RunProcess[]> {
  if (!canListProcesses()) {
    console.log(`${prefix}: this system does not list processes under /proc: make sure the killed run's processes have ended`);
    return [];
  }
  const orphans = await orphansIn(cwd);
  if (orphans.length === 0) return [];
  const what = orphans.map((p) => `${p.pid} (${p.role})`).join(", ");
  if (dryRun) {
    console.log(`${prefix}: the killed run left processes: ${what}; it would end the hosts and wait for the providers`);
    return [];
  }
  console.log(`${prefix}: the killed run left processes: ${what}; ending its hosts, waiting for its providers`);
  return settleOrphans(orphans, waitMs);
}

/** Imports state through a private temporary file; secrets in it are still encrypted. */
function importDeployment(cli: PulumiCli, state: { version: number; deployment: ExportedDeployment }): void {
  const dir = mkdtempSync(join(tmpdir(), "sinch-fax-recover-"));
  try {
    const file = join(dir, "state.json");
    writeFileSync(file, JSON.stringify(state));
    chmodSync(file, 0o600);
    cli.run(["stack", "import", "--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`${prefix}: ${e.message}`);
    process.exit(1);
  },
);
