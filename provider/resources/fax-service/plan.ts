import type { ServiceFields } from "../../client/schemas";
import { FAX_SERVICE_FIELDS } from "../../fields/fax-service";
import * as generic from "../../fields/table";
import { CLEARED } from "../../fields/table";
import { isMasked } from "../../fields/webhook";
import { type CoverPagePlan, isEmptyPagePlan, planCoverPages, stampedCoverPageId } from "./cover-pages";
import {
  CLEARABLE_FIELDS,
  type CoverPageState,
  type DesiredCoverPage,
  type DesiredFields,
  WRITABLE_FIELDS,
  type WritableField,
} from "./fields";

type Fields = Partial<Record<WritableField, unknown>>;

/** A service's fields with the cover pages its stack manages: what plans compare. */
type WithPages = Fields & { coverPages?: unknown; coverPage?: unknown; projectId?: unknown };

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
  /** The inputs that differ (changed fields, replacing ones, the cover pages), for the engine's display. */
  diffs: string[];
}

/**
 * Compares desired inputs with the state field by field, with no API call.
 * Only the service's fields, its cover pages and its project matter: whatever
 * else differs (the serialized provider, `adopt`) is no change. A new or
 * unknown project replaces the service, since services cannot move between
 * projects.
 */
export function decideDiff(state: WithPages, desired: WithPages): DiffDecision {
  if (generic.hasUnknown(desired.coverPages)) return { changes: true, replaces: [], fields: [], diffs: ["coverPages"] };
  const pages = planCoverPages(pagesOf(state), pagesOf(desired) as DesiredCoverPage[]);
  const wanted = { ...desired, coverPageId: stampedCoverPageId(stampOf(desired), desired.coverPageId as string | undefined, pages.keep) };
  const fields = changedFields(state, wanted);
  const replaces = generic.replacingFields(FAX_SERVICE_FIELDS, state, desired);
  const pagesChange = isEmptyPagePlan(pages) ? [] : ["coverPages"];
  const diffs = [...new Set<string>([...fields, ...replaces, ...pagesChange])];
  return { changes: diffs.length > 0, replaces, fields, diffs };
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
  /** The cover pages to upload (before the PATCH) and to delete (after it). */
  pages: CoverPagePlan;
  /** The uploaded page whose new id the PATCH sets as `coverPageId`, if any. */
  stampUploaded?: string;
}

/**
 * Plans the calls that take a service from its current fields (and cover
 * pages) to the desired ones: pages are uploaded first, the PATCH points the
 * service at the page it stamps, and replaced pages are deleted after it, so
 * the service never points at a deleted page.
 */
export function planUpdate(current: WithPages, desired: WithPages): UpdatePlan {
  const pages = planCoverPages(pagesOf(current), pagesOf(desired) as DesiredCoverPage[]);
  const stamp = stampOf(desired);
  const coverPageId = stampedCoverPageId(stamp, desired.coverPageId as string | undefined, pages.keep);
  // Stryker disable next-line ConditionalExpression: at `up` only a stamped page still to upload leaves the id unknown
  const uploadedStamp = stamp !== undefined && generic.isUnknown(coverPageId);
  const wanted = { ...desired, coverPageId: uploadedStamp ? current.coverPageId : coverPageId };
  const plan: UpdatePlan = {
    patch: generic.patchBody(FAX_SERVICE_FIELDS, current, wanted, DEFAULT_FLAG) as ServiceFields,
    promote: desired.defaultForProject === true && current.defaultForProject !== true,
    demote: desired.defaultForProject === false && current.defaultForProject === true,
    pages,
  };
  if (uploadedStamp) plan.stampUploaded = stamp;
  return plan;
}

function pagesOf(source: WithPages): CoverPageState[] {
  return Array.isArray(source.coverPages) ? (source.coverPages as CoverPageState[]) : [];
}

function stampOf(source: WithPages): string | undefined {
  return source.coverPage as string | undefined;
}

/** True when a plan makes no call. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return Object.keys(plan.patch).length === 0 && !plan.promote && !plan.demote && isEmptyPagePlan(plan.pages);
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
 * they are left as they are (and listed). The cover pages the stack made are
 * deleted once the service points at its own again.
 */
export function planRelease(current: Fields, original: Fields, pages: readonly CoverPageState[] = []): ReleasePlan {
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
    pages: planCoverPages(pages, []),
    leftAsIs,
  };
}

function isClearable(field: WritableField): boolean {
  return CLEARABLE_FIELDS.includes(field);
}
