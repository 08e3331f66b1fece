import type { SinchFaxClient } from "../client/client";
import { clientOptions, type ProviderSettings, readSettings } from "./config";

/**
 * Process-wide state of the provider: its settings and one shared client
 * (one connection pool, one token, one rate governor) for every resource.
 * Lives only in the provider process; nothing here is serialized.
 */
let settings: ProviderSettings | undefined;
let root: SinchFaxClient | undefined;

/** Ids this process created or adopted: reconciliation never takes one of them for another resource. */
export const claimedIds = new Set<string>();

/**
 * Takes a service for one resource of this process, in one step with the
 * check: false when another resource already holds it. Callers claim before
 * their next await, so two concurrent resources can never both take it.
 */
export function claim(id: string): boolean {
  if (claimedIds.has(id)) return false;
  claimedIds.add(id);
  return true;
}

/**
 * Reads the settings from the stack config (and the environment). The engine
 * configures each kind of resource's provider on its first use, while calls
 * of the others may be in flight: the same settings keep the same client (its
 * connections, token and pace); only different settings replace it.
 */
export function configureRuntime(config: (key: string) => string | undefined): void {
  const next = readSettings(config, process.env);
  if (settings && JSON.stringify(settings) === JSON.stringify(next)) return;
  settings = next;
  root?.close();
  root = undefined;
}

/** The settings; from the environment alone when the engine never called configure. */
export function currentSettings(): ProviderSettings {
  settings ??= readSettings(() => undefined, process.env);
  return settings;
}

/** The client of a project, sharing the process-wide transport. */
export function clientFor(projectId: string): SinchFaxClient {
  root ??= new (loadClient())(clientOptions(currentSettings(), projectId));
  return root.forProject(projectId);
}

/**
 * The client's module (node-fetch, node:http, the response schemas: a third of
 * the provider's load time) is loaded on the first call: `check` and `diff`,
 * all that a preview runs, never need it.
 */
function loadClient(): typeof SinchFaxClient {
  return (require("../client/client") as typeof import("../client/client")).SinchFaxClient;
}

/** Forgets settings and clients (tests call the provider in-process with different emulators). */
export function resetRuntime(): void {
  root?.close();
  root = undefined;
  settings = undefined;
  claimedIds.clear();
}
