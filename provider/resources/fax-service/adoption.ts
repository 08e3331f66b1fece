import type { SinchFaxClient } from "../../client/client";
import type { Service } from "../../client/schemas";
import type { InputFailure } from "../../fields/table";
import { isUnknown } from "../../fields/table";
import { type DesiredFields, type GivenInputs, writableFields } from "./fields";

/**
 * What a service was before a stack adopted it: its id, its settings as Sinch
 * reported them, and the cover pages it already had (the user's: a release
 * never deletes them, and an adoption never takes one for a declared page).
 * `check` reads it for a FaxService to adopt, and the engine writes the
 * checked inputs into its record of the create before the create starts, so
 * a crash after the adoption's PATCH cannot lose what the release must put back.
 */
export interface AdoptionRecord {
  serviceId: string;
  settings: Partial<DesiredFields>;
  pageIds: string[];
}

/** The service `adopt` names: the project's default, or a service id; undefined when there is none. */
export async function adoptionTarget(client: SinchFaxClient, adopt: string): Promise<Service | undefined> {
  if (adopt !== "default") return client.findService(adopt);
  for await (const service of client.listServices()) if (service.defaultForProject) return service;
  return undefined;
}

/** Why `adopt` names no service, for a check failure or an error. */
export function noTargetReason(adopt: string, projectId: string): string {
  const missing = adopt === "default" ? "the project has no default service" : `no service ${adopt} exists`;
  return `cannot adopt: ${missing} in project ${projectId}`;
}

/** The record of a service about to be adopted: what it is now. */
export async function adoptionRecordOf(client: SinchFaxClient, service: Service): Promise<AdoptionRecord> {
  const pages = await client.listCoverPages(service.id);
  return { serviceId: service.id, settings: writableFields(service) as Partial<DesiredFields>, pageIds: pages.map((p) => p.id) };
}

/**
 * Sets `adoption` on the checked inputs of a FaxService that adopts and is
 * not in state yet (`olds` empty): the record of what it adopts. An earlier
 * check's record is kept. `adopt` not known yet (a preview) is looked at when
 * `up` checks it. Returns the failures: `adopt` naming no service.
 */
export async function recordAdoption(
  olds: Record<string, unknown>,
  inputs: GivenInputs,
  client: () => SinchFaxClient,
): Promise<InputFailure[]> {
  if (inputs.adopt === undefined) return [];
  if (Object.keys(olds).length > 0) {
    if (olds.adoption !== undefined) inputs.adoption = olds.adoption as AdoptionRecord;
    return [];
  }
  if (isUnknown(inputs.adopt) || isUnknown(inputs.projectId)) return [];
  const api = client();
  const target = await adoptionTarget(api, inputs.adopt);
  if (!target) return [{ property: "adopt", reason: noTargetReason(inputs.adopt, inputs.projectId) }];
  inputs.adoption = await adoptionRecordOf(api, target);
  return [];
}
