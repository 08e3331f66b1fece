#!/usr/bin/env node
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SinchFaxClient } from "../client/client";
import type { Service } from "../client/schemas";
import { clientOptions, readSettings } from "../core/config";
import { isUnconfirmed } from "../resources/fax-service/unconfirmed";
import { type InterruptedCreate, planRecovery, type Recovery } from "./plan";
import { fileBackendLocks, PulumiCli } from "./stack-io";
import { applyRecoveries, type ExportedDeployment, type ExportedResource } from "./state-edit";

const USAGE = `sinch-fax-recover: after an interrupted or failed \`pulumi up\`, finds the fax services its creates
made and brings them under management, so the next \`up\` creates no duplicates.

Run it in the program's folder once the interrupted run's processes have ended.
  --stack <name>   the stack (default: the selected one)
  --cwd <dir>      the program's folder (default: the current one)
  --dry-run        only say what would be done
Exit codes: 0 all resolved; 2 some creates are ambiguous (listed, left as they were); 1 an error.`;

const FAX_SERVICE = ":FaxService";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { stack: { type: "string" }, cwd: { type: "string" }, "dry-run": { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const cli = new PulumiCli(values.cwd ?? process.cwd(), values.stack);
  const plain = cli.exportDeployment(true).deployment;
  const resources = (plain.resources ?? []).filter((r) => r.type.endsWith(FAX_SERVICE));
  const pending = (plain.pending_operations ?? []).filter((o) => o.type === "creating" && o.resource.type.endsWith(FAX_SERVICE));
  const placeholders = resources.filter((r) => isUnconfirmed(r.id));
  if (pending.length + placeholders.length === 0) {
    console.log("sinch-fax-recover: nothing to recover (no interrupted or unconfirmed fax service creates in this stack)");
    return 0;
  }

  const since = pendingSince(cli, pending[0]?.resource.urn ?? placeholders[0]?.urn ?? "");
  if (since.runningPid !== undefined) {
    console.error(`sinch-fax-recover: an update of this stack is still running (pid ${since.runningPid}); wait for it to end`);
    return 1;
  }
  const attempts: InterruptedCreate[] = [
    ...pending.map((o) => attempt(o.resource, "pending", since.startedAt)),
    ...placeholders.map((r) =>
      attempt(r, "unconfirmed", Date.parse(String((r.outputs?.unconfirmedCreate as { startedAt?: string })?.startedAt)) || 0),
    ),
  ];
  const managed = new Set(resources.flatMap((r) => (r.id && !isUnconfirmed(r.id) ? [r.id] : [])));
  const recoveries = planRecovery(attempts, await listServices(cli, attempts), managed);
  console.log(`sinch-fax-recover: ${attempts.length} interrupted create(s) in stack ${values.stack ?? "(selected)"}`);
  for (const r of recoveries) console.log(`  ${describe(r)}`);
  const ambiguous = recoveries.some((r) => r.action === "ambiguous");
  if (values["dry-run"]) return ambiguous ? 2 : 0;

  if (since.staleLock) cli.run(["cancel", "--yes"]);
  const raw = cli.exportDeployment();
  const edited = applyRecoveries(raw.deployment, recoveries);
  importDeployment(cli, { ...raw, deployment: edited.deployment });
  if (edited.refresh.length > 0) {
    cli.run(["refresh", "--yes", "--skip-preview", ...edited.refresh.flatMap((urn) => ["--target", urn])], { inherit: true });
  }
  console.log(
    ambiguous
      ? "sinch-fax-recover: done, except the ambiguous creates above: delete the services that are not wanted, then run this again"
      : "sinch-fax-recover: done; `pulumi up` now creates only what is still missing",
  );
  return ambiguous ? 2 : 0;
}

/** The earliest an interrupted update can have started: its stale lock, else the end of the last recorded update. */
function pendingSince(cli: PulumiCli, urn: string): { startedAt: number; staleLock: boolean; runningPid: number | undefined } {
  const [, stack = "", project = ""] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) ?? [];
  const locks = fileBackendLocks(cli.backendUrl(), project, stack);
  const running = locks.find((l) => l.alive);
  const lockStart = Math.max(0, ...locks.map((l) => l.startedAt));
  return { startedAt: Math.max(lockStart, cli.lastUpdateEnd() ?? 0), staleLock: locks.length > 0, runningPid: running?.pid };
}

function attempt(resource: ExportedResource, kind: InterruptedCreate["kind"], since: number): InterruptedCreate {
  const inputs = resource.inputs ?? {};
  return { urn: resource.urn, kind, projectId: String(inputs.projectId), inputs, since };
}

async function listServices(cli: PulumiCli, attempts: InterruptedCreate[]): Promise<Map<string, Service[]>> {
  const config = cli.config();
  const settings = readSettings((key) => config[key], process.env);
  const byProject = new Map<string, Service[]>();
  for (const projectId of new Set(attempts.map((a) => a.projectId))) {
    const client = new SinchFaxClient(clientOptions(settings, projectId));
    try {
      const services: Service[] = [];
      for await (const s of client.listServices()) services.push(s);
      byProject.set(projectId, services);
    } finally {
      client.close();
    }
  }
  return byProject;
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

function describe(r: Recovery): string {
  const name = r.urn.split("::").pop();
  const what = r.kind === "pending" ? "interrupted create" : "unconfirmed create";
  if (r.action === "manage") return `${name} (${what}): found service ${r.serviceId}; brought under management`;
  if (r.action === "drop") return `${name} (${what}): ${r.why}`;
  return (
    `${name} (${what}): AMBIGUOUS, each of these services could be it: ${r.candidates.join(", ")}; ` +
    "kept as an unconfirmed create, which `pulumi up` will not create again until it is resolved"
  );
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`sinch-fax-recover: ${e.message}`);
    process.exit(1);
  },
);
