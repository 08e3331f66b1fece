import type { CoverPage, Service, ServiceFields } from "../../client/schemas";
import { createdSince } from "../../core/reconcile";
import type { AdoptionRecord } from "./adoption";
import type { CoverPageState, DesiredCoverPage, GivenInputs } from "./fields";
import { withDefaults } from "./fields";
import { changedFields, createBody } from "./plan";
import { fieldsOf } from "./state";

type Fields = Parameters<typeof changedFields>[0];

/**
 * The services an attempt to create `body` may have made: exactly the fields
 * sent, created after the attempt started (give or take clock skew), and not
 * already taken by another resource. What the create itself changes after
 * its POST is not compared: the default flag (`anyDefault`: it promotes
 * last) and the cover page it stamps (`anyCoverPage`: set once the page is
 * uploaded).
 */
export function createdCandidates(
  services: Iterable<Service>,
  body: ServiceFields,
  startedAt: number,
  claimed: ReadonlySet<string>,
  options: { anyDefault?: boolean; anyCoverPage?: boolean } = {},
): Service[] {
  const ignored = [...(options.anyDefault ? ["defaultForProject"] : []), ...(options.anyCoverPage ? ["coverPageId"] : [])];
  const compared: Fields = { ...body };
  for (const field of ignored) delete compared[field as keyof Fields];
  const candidates: Service[] = [];
  for (const service of services) {
    if (claimed.has(service.id)) continue;
    // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which no comparison excludes; the check says so
    if (service.createdAt !== undefined && !createdSince(service.createdAt, startedAt)) continue;
    const fields: Fields = { ...fieldsOf(service) };
    for (const field of ignored) delete fields[field as keyof Fields];
    if (changedFields(fields, compared).length === 0) candidates.push(service);
  }
  return candidates;
}

/**
 * The services a create with these checked inputs (as the engine recorded
 * them) may have made, for recovery: the fields its POST sent, the default flag
 * and the stamped page aside. An adoption made none (its service is named).
 */
export function serviceCandidates(
  services: Iterable<Service>,
  inputs: GivenInputs,
  since: number,
  claimed: ReadonlySet<string>,
): Service[] {
  if (inputs.adopt !== undefined) return [];
  return createdCandidates(services, createBody(withDefaults(inputs)), since, claimed, {
    anyDefault: true,
    anyCoverPage: inputs.coverPage !== undefined,
  });
}

/**
 * The cover pages of a service that an interrupted create, adoption or update
 * of the stack uploaded, as state keeps them: a declared page of the same name
 * and PDF, made after the operation began, that is neither known to state
 * already nor one of the service's own (`notOurs`: an adopted service's
 * pages). Of a service the stack just created (`created`), every page is the
 * stack's: one not declared is recorded too, so the next `up` deletes it.
 */
export function uploadedPages(
  pages: readonly CoverPage[],
  declared: readonly DesiredCoverPage[],
  options: { since: number; known?: readonly CoverPageState[]; notOurs?: readonly string[]; created?: boolean },
): CoverPageState[] {
  const skip = new Set([...(options.known ?? []).map((p) => p.id), ...(options.notOurs ?? [])]);
  const found: CoverPageState[] = [];
  for (const page of pages) {
    if (skip.has(page.id)) continue;
    const want = declared.find((d) => d.name === page.name && (page.fileSha256 ?? d.sha256) === d.sha256);
    if (want && (options.created || createdSince(page.createdTime, options.since))) found.push({ ...want, id: page.id });
    else if (options.created) found.push({ name: page.name, file: "", sha256: page.fileSha256 ?? "", size: 0, id: page.id });
  }
  return found;
}

/** The state recovery writes for a service an interrupted create or adoption made (before the refresh that reads the rest). */
export function recoveredServiceState(
  inputs: GivenInputs,
  pages: CoverPageState[],
  adoption: AdoptionRecord | undefined,
): Record<string, unknown> {
  const state: Record<string, unknown> = { numbers: [], adopted: adoption !== undefined, coverPages: pages };
  if (inputs.coverPage !== undefined && pages.some((p) => p.name === inputs.coverPage)) state.coverPage = inputs.coverPage;
  if (adoption) {
    state.originalSettings = adoption.settings;
    state.originalPageIds = adoption.pageIds;
  }
  return state;
}
