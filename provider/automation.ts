/**
 * Reading the engine's events about this package's resources, for pipelines
 * written with Pulumi's Automation API (`pulumi-sinch-fax/automation`): which
 * steps a plan takes, what each changes, what it would destroy, and what a
 * refresh found changed by hand.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";

/** Steps that delete or replace a resource. */
const DESTRUCTIVE = new Set(["delete", "replace", "create-replacement", "delete-replaced", "discard"]);
/** Outputs that change on every write, or are the provider itself: never drift. */
const NOT_DRIFT = new Set(["__provider", "updatedAt"]);
/** The engine's marker of a secret value in events. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** True for a type token of this package, through either front door (`…dynamic/sinch-fax:FaxService`, `sinch-fax:index:…`). */
export function isSinchFaxType(type: string): boolean {
  return /(^|\/)sinch-fax:/.test(type);
}

/** The resource's name: the last part of its URN. */
export function resourceName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** The step metadata of this package's resources: before each step (`pre`), or with its outputs (`outputs`). */
export function resourceSteps(events: readonly EngineEvent[], when: "pre" | "outputs" = "pre"): StepEventMetadata[] {
  const pick = (e: EngineEvent) => (when === "pre" ? e.resourcePreEvent?.metadata : e.resOutputsEvent?.metadata);
  return events.map(pick).filter((m): m is StepEventMetadata => m !== undefined && isSinchFaxType(m.type));
}

/** The steps that do something, as `op name` (e.g. `update inbound`), sorted. */
export function changingSteps(events: readonly EngineEvent[]): string[] {
  return resourceSteps(events)
    .filter((m) => m.op !== "same")
    .map((m) => `${m.op} ${resourceName(m.urn)}`)
    .sort();
}

/**
 * The inputs each step changes, by resource name. Dynamic providers report no
 * field list to the engine, so this compares the step's old and new inputs.
 */
export function changedInputs(events: readonly EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of resourceSteps(events)) {
    if (m.op === "same") continue;
    const before = (m.old?.inputs ?? {}) as Record<string, unknown>;
    const after = (m.new?.inputs ?? {}) as Record<string, unknown>;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    keys.delete("__provider");
    out[resourceName(m.urn)] = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
  }
  return out;
}

/** The resources a plan would delete or replace: `op name`. */
export function destructiveSteps(events: readonly EngineEvent[]): string[] {
  return resourceSteps(events)
    .filter((m) => DESTRUCTIVE.has(m.op))
    .map((m) => `${m.op} ${resourceName(m.urn)}`);
}

/**
 * What a refresh (or its preview) found changed outside Pulumi, one line per
 * drifted field (`alpha: numberOfRetries is 5 (state says 2)`) or deleted
 * resource (`beta: deleted outside Pulumi`). Secret values show as `[secret]`.
 */
export function driftReport(events: readonly EngineEvent[]): string[] {
  const lines: string[] = [];
  for (const m of resourceSteps(events, "outputs")) {
    const name = resourceName(m.urn);
    if (m.op === "delete") lines.push(`${name}: deleted outside Pulumi`);
    if (m.op !== "update") continue;
    const before = (m.old?.outputs ?? {}) as Record<string, unknown>;
    const after = (m.new?.outputs ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (NOT_DRIFT.has(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      lines.push(`${name}: ${key} is ${shown(after[key])} (state says ${shown(before[key])})`);
    }
  }
  return lines;
}

/** A value as reports show it: `unset`, `[secret]`, or its JSON. */
export function shown(value: unknown): string {
  if (value === undefined) return "unset";
  if (typeof value === "object" && value !== null && SECRET_SIG in value) return "[secret]";
  return JSON.stringify(value);
}
