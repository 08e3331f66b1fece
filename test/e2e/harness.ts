import { spawn } from "node:child_process";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { emulatorConfig, type LocalStack, localStack } from "../../testkit/local-stack";
import { checkRequestsConform } from "../helpers/conformance";

export { changedInputs, changingSteps } from "../../provider/automation";
export { ROOT, runNode } from "../../testkit/local-stack";

/** A stack of a real Pulumi program, its own file backend, and its own emulator. */
export interface EngineFixture {
  emulator: Emulator;
  stack: Stack;
  workDir: string;
  /** The environment the stack runs in (backend, passphrase, Pulumi home). */
  env: Record<string, string>;
  /** The backend's own stack file, as written to disk (secrets encrypted). */
  rawState(): string;
  close(): Promise<void>;
}

/**
 * How a program reaches the provider: the dynamic resources (`pulumi-sinch-fax`)
 * or the provider plugin (its generated SDK, `@pulumi/sinch-fax`).
 */
export type FrontDoor = "dynamic" | "plugin";

/** Both front doors, for the behaviour tests that must hold through either. */
export const FRONT_DOORS: FrontDoor[] = ["dynamic", "plugin"];

/** A resource type's token through a front door. */
export function typeToken(door: FrontDoor, resource: string): string {
  return door === "plugin" ? `sinch-fax:index:${resource}` : `pulumi-nodejs:dynamic/sinch-fax:${resource}`;
}

export interface EngineOptions {
  /**
   * The front door (default: dynamic): "services" is the test program through
   * it; with "plugin", stack config is in the plugin's namespace (`sinch-fax:`).
   */
  frontDoor?: FrontDoor;
  emulator?: EmulatorOptions;
  /** Plain stack config, e.g. {"test:services": "…"}. */
  config?: Record<string, string>;
  /** Secret stack config. */
  secrets?: Record<string, string>;
  /** Called with a real copy of the package (instead of a link), for a test to change it. */
  ownPackage?: (dir: string) => void;
}

/**
 * A program ("services" and "unknowns" are test programs; "." is the root
 * project; else a repository folder) on a local stack against its own emulator.
 */
export async function engineStack(program: string, options: EngineOptions = {}): Promise<EngineFixture> {
  const emulator = await startEmulator(options.emulator);
  const conform = checkRequestsConform(emulator);
  const plugin = options.frontDoor === "plugin";
  const tests = plugin ? { services: "plugin" } : { services: "services", unknowns: "unknowns" };
  const testProgram = (tests as Record<string, string | undefined>)[program];
  const folder = testProgram ? `testkit/programs/${testProgram}` : program;
  const namespace = plugin ? "sinch-fax" : "sinch";
  let local: LocalStack | undefined;
  try {
    local = await localStack(folder, { stackName: "e2e", ownPackage: options.ownPackage });
    const config = emulatorConfig(emulator, { [`${namespace}:defaultHandoffTimeout`]: "20", ...options.config }, namespace);
    for (const [k, v] of Object.entries(options.secrets ?? {})) config[k] = { value: v, secret: true };
    await local.stack.setAllConfig(config);
  } catch (e) {
    local?.remove();
    await emulator.close();
    throw e;
  }
  const { stack, workDir, env, rawState, remove } = local;
  return {
    emulator,
    stack,
    workDir,
    env,
    rawState,
    async close() {
      await emulator.close();
      remove();
      // Every request the provider sent in this fixture's life, against Sinch's OpenAPI file.
      conform();
    },
  };
}

/** Runs a command in the program's folder with the stack's environment; resolves with its exit code and output. */
export function runIn(fx: EngineFixture, command: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: fx.workDir, env: { ...process.env, ...fx.env } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** Collects engine events of one operation. */
export function eventLog(): { events: EngineEvent[]; onEvent: (e: EngineEvent) => void } {
  const events: EngineEvent[] = [];
  return { events, onEvent: (e) => events.push(e) };
}
