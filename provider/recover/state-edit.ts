import { unconfirmedId } from "../resources/fax-service/unconfirmed";
import type { Decision } from "./plan";

/** A resource as `pulumi stack export` writes it (only what recovery reads or writes). */
export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  provider?: string;
  delete?: boolean;
  [key: string]: unknown;
}

/** A pending operation as `pulumi stack export` writes it. */
export interface ExportedOperation {
  resource: ExportedResource;
  type: string;
  [key: string]: unknown;
}

/** The `deployment` part of `pulumi stack export`. */
export interface ExportedDeployment {
  resources?: ExportedResource[];
  pending_operations?: ExportedOperation[];
  [key: string]: unknown;
}

/**
 * Applies recovery's decisions to an exported deployment (secrets still
 * encrypted, as `pulumi stack export` writes them: what recovery adds is never
 * secret, and a resource's secret inputs stay as they were) and returns the
 * resources a targeted refresh must then read. Every pending operation leaves
 * the record (`pulumi stack import` keeps none):
 * - `manage`: the created object enters state under its id, its outputs for
 *   now its recorded inputs and what recovery found (the refresh reads the
 *   rest); a resource it replaces is marked for deletion, as the engine does;
 * - `refresh`: what recovery found is added to the resource's outputs;
 * - `resolve`: an unconfirmed FaxService gets its resolution, which its `read`
 *   turns into the real id or a drop during the refresh;
 * - `unresolved`: a pending create becomes an unconfirmed create (a
 *   placeholder id), so no `up` creates it again before a human chooses;
 * - `drop` and `forget`: the record goes.
 */
export function applyDecisions(
  deployment: ExportedDeployment,
  decisions: readonly Decision[],
): { deployment: ExportedDeployment; refresh: string[] } {
  let resources = [...(deployment.resources ?? [])];
  const pending = deployment.pending_operations ?? [];
  const refresh: string[] = [];
  const live = (urn: string) => resources.findIndex((r) => r.urn === urn && !r.delete);
  for (const d of decisions) {
    const op = pending.find((o) => o.resource.urn === d.urn && o.type === d.op);
    if (d.action === "manage" && op) {
      const replaced = live(d.urn);
      if (replaced >= 0) resources[replaced] = { ...(resources[replaced] as ExportedResource), delete: true };
      resources.push({ ...op.resource, id: d.id, outputs: { ...op.resource.inputs, ...d.outputs } });
      refresh.push(d.urn);
    } else if (d.action === "unresolved" && op) {
      const since = d.since;
      const outputs = {
        ...op.resource.inputs,
        numbers: [],
        adopted: false,
        unconfirmedCreate: { startedAt: new Date(since).toISOString() },
      };
      resources.push({ ...op.resource, id: unconfirmedId(since), outputs });
    } else if (d.action === "refresh" || d.action === "resolve") {
      const index = live(d.urn);
      const resource = resources[index];
      if (!resource) continue;
      let outputs = resource.outputs ?? {};
      if (d.action === "refresh" && d.outputs) outputs = { ...outputs, ...d.outputs };
      if (d.action === "resolve") {
        const marker = (outputs.unconfirmedCreate ?? {}) as Record<string, unknown>;
        outputs = { ...outputs, unconfirmedCreate: { ...marker, resolved: d.serviceId ? { serviceId: d.serviceId } : {} } };
      }
      resources = resources.map((r, i) => (i === index ? { ...r, outputs } : r));
      refresh.push(d.urn);
    }
  }
  return { deployment: { ...deployment, resources, pending_operations: [] }, refresh: [...new Set(refresh)] };
}
