import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { emulatorConfig, type LocalStack, localStack } from "../../scripts/lib/local-stack";
import { checkRequestsConform } from "../helpers/conformance";

export { ROOT, runNode } from "../../scripts/lib/local-stack";

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
  const folder = ["services", "unknowns"].includes(program) ? `test/e2e/programs/${program}` : program;
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
