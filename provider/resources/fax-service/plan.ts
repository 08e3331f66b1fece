import type { Service, ServiceFields } from "../../client/schemas";
import { FAX_SERVICE_FIELDS } from "../../fields/fax-service";
import * as generic from "../../fields/table";
import { CLEARED } from "../../fields/table";
import { isMasked } from "../../fields/webhook";
import { CLEARABLE_FIELDS, type DesiredFields, WRITABLE_FIELDS, type WritableField } from "./fields";
import { fieldsOf } from "./state";

type Fields = Partial<Record<WritableField, unknown>>;

/** The default flag is never part of the PATCH of fields: promotion and demotion are steps of their own. */
const DEFAULT_FLAG = new Set(["defaultForProject"]);

/** The writable fields whose desired value differs from the current one. */
export function changedFields(current: Fields, desired: Fields): WritableField[] {
  return generic.changedFields(FAX_SERVICE_FIELDS, current, desired);
}

/** What `diff` reports: whether anything changes, and what forces a replacement. */
export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  fields: WritableField[];
}

/**
 * Compares desired inputs with the state field by field, with no API call.
 * Only the service's fields and its project matter: whatever else differs
 * (the serialized provider, `adopt`) is no change. A new or unknown project
 * replaces the service, since services cannot move between projects.
 */
export function decideDiff(state: Fields & { projectId?: unknown }, desired: Fields & { projectId?: unknown }): DiffDecision {
  const fields = changedFields(state, desired);
  const replaces = generic.replacingFields(FAX_SERVICE_FIELDS, state, desired);
  return { changes: fields.length > 0 || replaces.length > 0, replaces, fields };
}

/**
 * The calls of an update: one PATCH with exactly the changed fields, then the
 * default flag on its own, so a service becomes the default only once it is
 * fully configured, and is demoted only once another has taken over.
 */
export interface UpdatePlan {
  /** Changed fields except `defaultForProject`; a removed field without a default is {@link CLEARED}. */
  patch: ServiceFields;
  promote: boolean;
  demote: boolean;
}

/** Plans the calls that take a service from its current fields to the desired ones. */
export function planUpdate(current: Fields, desired: Fields): UpdatePlan {
  return {
    patch: generic.patchBody(FAX_SERVICE_FIELDS, current, desired, DEFAULT_FLAG) as ServiceFields,
    promote: desired.defaultForProject === true && current.defaultForProject !== true,
    demote: desired.defaultForProject === false && current.defaultForProject === true,
  };
}

/** True when a plan makes no call. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return Object.keys(plan.patch).length === 0 && !plan.promote && !plan.demote;
}

/** The body of the create POST: every field, but never default yet (promotion comes last). */
export function createBody(desired: DesiredFields): ServiceFields {
  return { ...generic.createBodyOf(FAX_SERVICE_FIELDS, desired), defaultForProject: false } as ServiceFields;
}

/** A field a release cannot put back as it was, and why. */
export interface LeftAsIs {
  field: WritableField;
  why: string;
}

/** The calls of a release, and what it leaves as it is. */
export interface ReleasePlan extends UpdatePlan {
  leftAsIs: LeftAsIs[];
}

/**
 * What releasing an adopted service restores: its settings from before the
 * stack, as the API reported them. A field the API did not report is cleared
 * where it can be; a field with a default that the API did not report, and a
 * webhook password Sinch masked when we adopted it, cannot be put back, so
 * they are left as they are (and listed).
 */
export function planRelease(current: Fields, original: Fields): ReleasePlan {
  const patch: Record<string, unknown> = {};
  const leftAsIs: LeftAsIs[] = [];
  for (const field of WRITABLE_FIELDS) {
    if (field === "defaultForProject") continue;
    const before = original[field];
    if (before === current[field]) continue;
    if (field === "incomingWebhookUrl" && typeof before === "string" && isMasked(before)) {
      leftAsIs.push({ field, why: "its password was masked by Sinch when adopted" });
    } else if (before !== undefined) {
      patch[field] = before;
    } else if (isClearable(field)) {
      patch[field] = CLEARED;
    } else {
      leftAsIs.push({ field, why: "Sinch reported no value for it when adopted" });
    }
  }
  return {
    patch: patch as ServiceFields,
    promote: original.defaultForProject === true && current.defaultForProject !== true,
    demote: original.defaultForProject === false && current.defaultForProject === true,
    leftAsIs,
  };
}

function isClearable(field: WritableField): boolean {
  return CLEARABLE_FIELDS.includes(field);
}

/** Allowed difference between our clock and Sinch's when matching a service to a create attempt. */
export const CLOCK_SKEW_MS = 30_000;

/**
 * The services an attempt to create `body` may have made: exactly the fields
 * sent (the default flag aside when `anyDefault`, since a create promotes
 * after its POST), created after the attempt started (give or take clock
 * skew), and not already taken by another resource.
 */
export function createdCandidates(
  services: Iterable<Service>,
  body: ServiceFields,
  startedAt: number,
  claimed: ReadonlySet<string>,
  options: { anyDefault?: boolean } = {},
): Service[] {
  const compared = options.anyDefault ? { ...body, defaultForProject: undefined } : body;
  const candidates: Service[] = [];
  for (const service of services) {
    if (claimed.has(service.id)) continue;
    if (service.createdAt !== undefined && Date.parse(service.createdAt) < startedAt - CLOCK_SKEW_MS) continue;
    const fields = fieldsOf(service) as Fields;
    if (options.anyDefault) fields.defaultForProject = undefined;
    if (changedFields(fields, compared as Fields).length === 0) candidates.push(service);
  }
  return candidates;
}
