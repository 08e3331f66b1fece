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

export interface EngineOptions {
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
  const folder = ["services", "unknowns"].includes(program) ? `testkit/programs/${program}` : program;
  let local: LocalStack | undefined;
  try {
    local = await localStack(folder, { stackName: "e2e", ownPackage: options.ownPackage });
    const config = emulatorConfig(emulator, { "sinch:defaultHandoffTimeout": "20", ...options.config });
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

/** Collects engine events of one operation. */
export function eventLog(): { events: EngineEvent[]; onEvent: (e: EngineEvent) => void } {
  const events: EngineEvent[] = [];
  return { events, onEvent: (e) => events.push(e) };
}
