/**
 * Real Pulumi programs on local stacks, for the engine tests, the benchmarks
 * and the soak: a copy of the program in a temporary folder (linked to the
 * repository's node_modules, where the packed package is installed), a local
 * file backend, a passphrase, and config pointing at an emulator.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ConfigMap, LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { Emulator } from "../emulator";

/** The repository root: its node_modules holds the packed package and the SDK. */
export const ROOT = resolve(__dirname, "..");

/** A program copied to a temporary folder, with its own file backend. */
export interface LocalStack {
  stack: Stack;
  workDir: string;
  /** The environment the stack runs in (backend, passphrase, Pulumi home), for other tools. */
  env: Record<string, string>;
  /** The backend's own stack file, as on disk (secrets encrypted). */
  rawState(): string;
  /** Removes the temporary folder. */
  remove(): void;
}

/**
 * Copies a program ("." for the root project, else a folder relative to the
 * repository) and creates a stack of it. `ownPackage` gets a real copy of the
 * package to change, instead of the link to the repository's.
 */
export async function localStack(
  program: string,
  options: { stackName?: string; ownPackage?: ((dir: string) => void) | undefined; env?: Record<string, string> | undefined } = {},
): Promise<LocalStack> {
  const stackName = options.stackName ?? "local";
  const tmp = mkdtempSync(join(tmpdir(), "sinch-fax-"));
  try {
    const workDir = join(tmp, "program");
    copyProgram(program, workDir);
    linkNodeModules(workDir, options.ownPackage);
    const backend = join(tmp, "state");
    mkdirSync(backend);
    const env = {
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_CONFIG_PASSPHRASE: "local-passphrase",
      PULUMI_HOME: join(tmp, "home"),
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      ...options.env,
    };
    const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir }, { pulumiHome: env.PULUMI_HOME, envVars: env });
    return {
      stack,
      workDir,
      env,
      rawState: () => readFileSync(stackFile(backend, stackName), "utf8"),
      remove: () => rmSync(tmp, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Stack config that points the provider at an emulator (the key secret as a
 * secret), in the dynamic provider's namespace (`sinch`) or the plugin's
 * (`sinch-fax`).
 */
export function emulatorConfig(emulator: Emulator, extra: Record<string, string> = {}, namespace = "sinch"): ConfigMap {
  const config: ConfigMap = {
    [`${namespace}:faxUrl`]: { value: emulator.url },
    [`${namespace}:numbersUrl`]: { value: emulator.url },
    [`${namespace}:projectId`]: { value: emulator.projectId },
    [`${namespace}:keyId`]: { value: emulator.keyId },
    [`${namespace}:keySecret`]: { value: emulator.keySecret, secret: true },
  };
  for (const [k, v] of Object.entries(extra)) config[k] = { value: v };
  return config;
}

/** Runs a TypeScript script with node, asynchronously (so an emulator in this process keeps serving). */
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

/** The root project is its Pulumi.yaml, tsconfig, package.json and `stack/`; other programs are their folder. */
function copyProgram(program: string, workDir: string): void {
  if (program === ".") {
    mkdirSync(workDir);
    for (const part of ["Pulumi.yaml", "tsconfig.json", "package.json", "stack"])
      cpSync(join(ROOT, part), join(workDir, part), { recursive: true });
    return;
  }
  cpSync(join(ROOT, program), workDir, {
    recursive: true,
    filter: (src) => !src.includes("node_modules") && !/Pulumi\.[^/]+\.yaml$/.test(src),
  });
  anchorPluginPaths(join(ROOT, program), workDir);
}

/**
 * A program that names a plugin folder by a relative path (`packages:`, or
 * `plugins.providers[].path`) outside its own folder keeps pointing at it from
 * the copy: such paths become absolute.
 */
function anchorPluginPaths(source: string, workDir: string): void {
  const file = join(workDir, "Pulumi.yaml");
  const project = parseYaml(readFileSync(file, "utf8")) as {
    packages?: Record<string, string>;
    plugins?: { providers?: Array<{ path?: string }> };
  };
  const outside = (path: string) => path.startsWith("../");
  let changed = false;
  for (const [name, path] of Object.entries(project.packages ?? {})) {
    if (outside(path)) [project.packages![name], changed] = [resolve(source, path), true];
  }
  for (const provider of project.plugins?.providers ?? []) {
    if (provider.path && outside(provider.path)) [provider.path, changed] = [resolve(source, provider.path), true];
  }
  if (changed) writeFileSync(file, stringifyYaml(project));
}

function linkNodeModules(workDir: string, ownPackage?: (dir: string) => void): void {
  if (!ownPackage) {
    symlinkSync(join(ROOT, "node_modules"), join(workDir, "node_modules"));
    return;
  }
  const target = join(workDir, "node_modules");
  cpSync(join(ROOT, "node_modules", "pulumi-sinch-fax"), join(target, "pulumi-sinch-fax"), { recursive: true });
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry !== "pulumi-sinch-fax" && entry !== ".bin") symlinkSync(join(ROOT, "node_modules", entry), join(target, entry));
  }
  ownPackage(join(target, "pulumi-sinch-fax"));
}

function stackFile(backend: string, stackName: string): string {
  const stacks = join(backend, ".pulumi", "stacks");
  for (const project of readdirSync(stacks)) {
    const file = join(stacks, project, `${stackName}.json`);
    if (existsSync(file)) return file;
  }
  throw new Error(`no stack file under ${stacks}`);
}
