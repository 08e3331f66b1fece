import { isUnconfirmed } from "../resources/fax-service/unconfirmed";
import type { ExportedDeployment, ExportedResource } from "./state-edit";

/** The resources recovery knows how to reconcile (the last part of their type token). */
export const KINDS = ["FaxService", "FaxEmail", "FaxNumberRoute"] as const;
export type ResourceKind = (typeof KINDS)[number];

/** Which of our resources a type token is, through either front door; undefined for anything else. */
export function kindOf(type: string): ResourceKind | undefined {
  const match = /^(?:pulumi-nodejs:dynamic\/sinch-fax|sinch-fax:index):(\w+)$/.exec(type);
  return KINDS.find((k) => k === match?.[1]);
}

/**
 * An operation a killed or failed run left unresolved: one the engine
 * recorded as pending (`creating`, `updating`, `deleting`; the engine's own
 * words), or a create of ours whose outcome was never confirmed (`unconfirmed`).
 */
export interface Interrupted {
  urn: string;
  type: string;
  /** Ours, or undefined: another package's resource, not ours to reconcile. */
  kind: ResourceKind | undefined;
  op: string;
  /** The provider reference (`urn::id`) the resource is served by. */
  provider: string | undefined;
  /** The operation's inputs as the engine recorded them (secrets revealed, in memory only). */
  inputs: Record<string, unknown>;
  /** The resource as state has it, when it is in state (an update, a delete, an unconfirmed create). */
  state: ExportedResource | undefined;
  /** The earliest the operation can have started (ms); 0 when nothing bounds it. */
  since: number;
}

/** The unconfirmed creates of a state: a FaxService under a placeholder id, or any resource marked `unconfirmedCreate`. */
export function unconfirmedIn(resources: readonly ExportedResource[]): ExportedResource[] {
  return resources.filter((r) => kindOf(r.type) && !r.delete && (isUnconfirmed(r.id) || r.outputs?.unconfirmedCreate !== undefined));
}

/** Every interrupted operation of a state (revealed), pending ones starting no earlier than `runStart`. */
export function interruptedIn(deployment: ExportedDeployment, runStart: number): Interrupted[] {
  const resources = deployment.resources ?? [];
  const pending: Interrupted[] = (deployment.pending_operations ?? []).map((op) => ({
    urn: op.resource.urn,
    type: op.resource.type,
    kind: kindOf(op.resource.type),
    op: op.type,
    provider: op.resource.provider as string | undefined,
    inputs: op.resource.inputs ?? {},
    state: resources.find((r) => r.urn === op.resource.urn && !r.delete),
    since: runStart,
  }));
  const unconfirmed: Interrupted[] = unconfirmedIn(resources).map((r) => ({
    urn: r.urn,
    type: r.type,
    kind: kindOf(r.type),
    op: "unconfirmed",
    provider: r.provider as string | undefined,
    inputs: r.inputs ?? {},
    state: r,
    since: Date.parse(String((r.outputs?.unconfirmedCreate as { startedAt?: unknown } | undefined)?.startedAt)) || 0,
  }));
  return [...pending, ...unconfirmed];
}

/** The ids of the stack's resources of a kind that are in state (an interrupted create never takes one of them). */
export function managedIds(resources: readonly ExportedResource[], kind: ResourceKind): Set<string> {
  return new Set(resources.flatMap((r) => (kindOf(r.type) === kind && r.id && !isUnconfirmed(r.id) ? [r.id] : [])));
}
