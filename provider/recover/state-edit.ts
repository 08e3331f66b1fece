import { unconfirmedId } from "../resources/fax-service/unconfirmed";
import type { Recovery } from "./plan";

/** A resource as `pulumi stack export` writes it (only what recovery reads or writes). */
export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
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
 * Applies recoveries to an exported deployment (secrets still encrypted, as
 * `pulumi stack export` writes them) and returns the resources a targeted
 * refresh must then read:
 * - a pending create matched to a service becomes a resource with that id,
 *   its outputs for now its inputs (the refresh reads the real ones);
 * - a pending create that made nothing is dropped;
 * - an ambiguous pending create becomes a placeholder resource (`pulumi stack
 *   import` keeps no pending operation), so no `up` creates it again before
 *   it is resolved;
 * - a placeholder resource gets its resolution recorded (`unconfirmedCreate.resolved`),
 *   which the provider's `read` turns into the real id, or drops the
 *   resource, during the refresh (the engine then mends dependencies);
 * - an ambiguous placeholder is left exactly as it was.
 */
export function applyRecoveries(
  deployment: ExportedDeployment,
  recoveries: readonly Recovery[],
): { deployment: ExportedDeployment; refresh: string[] } {
  const resources = [...(deployment.resources ?? [])];
  let pending = [...(deployment.pending_operations ?? [])];
  const refresh: string[] = [];
  for (const r of recoveries) {
    if (r.kind === "pending") {
      const op = pending.find((o) => o.type === "creating" && o.resource.urn === r.urn);
      if (!op) continue;
      pending = pending.filter((o) => o !== op);
      if (r.action === "manage") {
        resources.push({ ...op.resource, id: r.serviceId, outputs: { ...op.resource.inputs } });
        refresh.push(r.urn);
      } else if (r.action === "ambiguous") {
        // `pulumi stack import` drops every pending operation, so an unresolved one is kept as a placeholder.
        const outputs = {
          ...op.resource.inputs,
          numbers: [],
          adopted: false,
          unconfirmedCreate: { startedAt: new Date(r.since).toISOString() },
        };
        resources.push({ ...op.resource, id: unconfirmedId(r.since), outputs });
      }
      continue;
    }
    if (r.action === "ambiguous") continue;
    const index = resources.findIndex((res) => res.urn === r.urn);
    const resource = resources[index];
    if (!resource) continue;
    const marker = (resource.outputs?.unconfirmedCreate ?? {}) as Record<string, unknown>;
    const resolved = r.action === "manage" ? { serviceId: r.serviceId } : {};
    resources[index] = { ...resource, outputs: { ...resource.outputs, unconfirmedCreate: { ...marker, resolved } } };
    refresh.push(r.urn);
  }
  return { deployment: { ...deployment, resources, pending_operations: pending }, refresh };
}
