import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LocalWorkspace, type EngineEvent, type Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

/** The repository root: its node_modules holds the packed package and the SDK. */
export const ROOT = resolve(__dirname, "..", "..");

/** Where a program lives: a test program by name, or a folder of the repository ("." for the root project). */
export function programDir(name: string): string {
  return existsSync(join(__dirname, "programs", name)) ? join(__dirname, "programs", name) : join(ROOT, name);
}

/** What to copy of a program: the root project is its Pulumi.yaml, tsconfig, package.json and `stack/`. */
function copyProgram(name: string, workDir: string): void {
  if (name === ".") {
    mkdirSync(workDir);
    for (const part of ["Pulumi.yaml", "tsconfig.json", "package.json", "stack"]) cpSync(join(ROOT, part), join(workDir, part), { recursive: true });
    return;
  }
  cpSync(programDir(name), workDir, {
    recursive: true,
    filter: (src) => !src.includes("node_modules") && !/Pulumi\.[^/]+\.yaml$/.test(src),
  });
}

/** A stack of a real Pulumi program, its own file backend, and its own emulator. */
export interface EngineFixture {
  emulator: Emulator;
  stack: Stack;
  workDir: string;
  /** The environment the stack runs in (backend, passphrase, Pulumi home), for running other tools on it. */
  env: Record<string, string>;
  /** The backend's own stack file, as written to disk (secrets encrypted). */
  rawState(): string;
  close(): Promise<void>;
}

export interface EngineOptions {
  emulator?: EmulatorOptions;
  /** Plain stack config, e.g. {"test:services": "…"}. */
  config?: Record<string, string>;
  /** Secret stack config. */
  secrets?: Record<string, string>;
  /** Copy node_modules for real (so a test can patch the package) instead of linking it. */
  ownNodeModules?: (dir: string) => void;
}

/**
 * Copies a program into a temporary folder (linked to the repository's
 * node_modules), starts an emulator, and creates a stack with a local file
 * backend and a passphrase, configured for that emulator.
 */
export async function engineStack(program: string, options: EngineOptions = {}): Promise<EngineFixture> {
  const emulator = await startEmulator(options.emulator);
  const tmp = mkdtempSync(join(tmpdir(), "sinch-fax-e2e-"));
  try {
    return await setUpStack(program, options, emulator, tmp);
  } catch (e) {
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function setUpStack(program: string, options: EngineOptions, emulator: Emulator, tmp: string): Promise<EngineFixture> {
  const workDir = join(tmp, "program");
  copyProgram(program, workDir);
  linkNodeModules(workDir, options.ownNodeModules);
  const backend = join(tmp, "state");
  mkdirSync(backend);
  const env = {
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_HOME: join(tmp, "home"),
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  const stack = await LocalWorkspace.createOrSelectStack({ stackName: "e2e", workDir }, { pulumiHome: env.PULUMI_HOME, envVars: env });
  const config: Record<string, { value: string; secret?: boolean }> = {
    "sinch:faxUrl": { value: emulator.url },
    "sinch:projectId": { value: emulator.projectId },
    "sinch:keyId": { value: emulator.keyId },
    "sinch:keySecret": { value: emulator.keySecret, secret: true },
    "sinch:defaultHandoffTimeout": { value: "20" },
  };
  for (const [k, v] of Object.entries(options.config ?? {})) config[k] = { value: v };
  for (const [k, v] of Object.entries(options.secrets ?? {})) config[k] = { value: v, secret: true };
  await stack.setAllConfig(config);
  return {
    emulator,
    stack,
    workDir,
    env,
    rawState: () => readFileSync(stackFile(backend), "utf8"),
    async close() {
      await emulator.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function linkNodeModules(workDir: string, own?: (dir: string) => void): void {
  if (!own) {
    symlinkSync(join(ROOT, "node_modules"), join(workDir, "node_modules"));
    return;
  }
  // A node_modules of links, but for a real copy of this package the test may change.
  const target = join(workDir, "node_modules");
  cpSync(join(ROOT, "node_modules", "pulumi-sinch-fax"), join(target, "pulumi-sinch-fax"), { recursive: true });
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry === "pulumi-sinch-fax" || entry === ".bin") continue;
    symlinkSync(join(ROOT, "node_modules", entry), join(target, entry));
  }
  own(join(target, "pulumi-sinch-fax"));
}

function stackFile(backend: string): string {
  const stacks = join(backend, ".pulumi", "stacks");
  for (const project of readdirSync(stacks)) {
    const file = join(stacks, project, "e2e.json");
    if (existsSync(file)) return file;
  }
  throw new Error(`no stack file under ${stacks}`);
}

/** Runs a TypeScript script with node (asynchronously, so an emulator in this process keeps serving). */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", script, ...args], {
      env: { ...process.env, ...env },
      cwd: ROOT,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, out }));
  });
}

/** Collects engine events of one operation. */
export function eventLog(): { events: EngineEvent[]; onEvent: (e: EngineEvent) => void } {
  const events: EngineEvent[] = [];
  return { events, onEvent: (e) => events.push(e) };
}

/** True for FaxService steps (not the stack, nor the provider, whose inputs are the whole stack config). */
function isService(type: string): boolean {
  return type.endsWith(":FaxService");
}

/** The resource steps of an operation: `op name`, e.g. `update inbound`, skipping same steps. */
export function steps(events: EngineEvent[]): string[] {
  return events
    .filter((e) => e.resourcePreEvent && isService(e.resourcePreEvent.metadata.type))
    .map((e) => e.resourcePreEvent!.metadata)
    .filter((m) => m.op !== "same")
    .map((m) => `${m.op} ${m.urn.split("::").pop()}`)
    .sort();
}

/**
 * The inputs a step changes, by resource name. Dynamic providers report no
 * field list to the engine, so this compares the step's old and new inputs.
 */
export function changedKeys(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (!m || m.op === "same" || !isService(m.type)) continue;
    const before = (m.old?.inputs ?? {}) as Record<string, unknown>;
    const after = (m.new?.inputs ?? {}) as Record<string, unknown>;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    keys.delete("__provider");
    out[m.urn.split("::").pop()!] = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
  }
  return out;
}
