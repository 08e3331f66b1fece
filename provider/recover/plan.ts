import type { ActiveNumber, CoverPage, FaxEmail, Service } from "../client/schemas";
import type { Match } from "../core/reconcile";
import type { AdoptionRecord } from "../resources/fax-service/adoption";
import type { DesiredCoverPage, GivenInputs } from "../resources/fax-service/fields";
import { recoveredServiceState, serviceCandidates, uploadedPages } from "../resources/fax-service/reconcile";
import { type RouteInputs, routingStep, UNROUTED } from "../resources/number-route/plan";
import type { Interrupted } from "./interrupted";

/**
 * What recovery does with one interrupted operation:
 * - `manage`: a create made `id`: the resource enters state with it
 *   (`outputs` over the inputs the engine recorded), then a refresh reads it;
 * - `refresh`: the resource is in state; a refresh reads what is there now
 *   (`outputs`, when given, are added to its state first: pages an update uploaded);
 * - `resolve`: an unconfirmed FaxService gets its resolution recorded
 *   (`serviceId`, or none), which the refresh turns into the real id or a drop;
 * - `drop`: a create that made nothing leaves the record; the next `up` makes it;
 * - `unresolved`: several objects could each be what a create made: kept as an
 *   unconfirmed create (listed, never taken or deleted) until a human chooses;
 * - `forget`: the record is dropped, as `pulumi up` would drop it, and a human
 *   must look (an address in the way, another package's resource).
 * `human`, when set, is what a person must decide or check: recovery exits 2.
 */
export type Decision = { urn: string; op: string; human?: string } & (
  | { action: "manage"; id: string; what: "service" | "address" | "route"; outputs: Record<string, unknown> }
  | { action: "refresh"; outputs?: Record<string, unknown> }
  | { action: "resolve"; serviceId?: string }
  | { action: "drop"; why: string }
  | { action: "unresolved"; candidates: string[]; since: number }
  | { action: "forget"; why: string }
);

/** A FaxService create's service, chosen among every attempt's candidates, before its pages are looked at. */
export type ServiceChoice =
  | { kind: "found"; serviceId: string }
  | { kind: "none"; why: string }
  | { kind: "ambiguous"; candidates: string[] };

/**
 * Which service each interrupted FaxService create made: exactly one service
 * could be its own (the fields it sent, made after it could have started,
 * managed by no resource of the stack), and no other attempt could claim it
 * too. Anything less certain is `ambiguous`. An adoption names its service.
 */
export function chooseServices(
  attempts: readonly Interrupted[],
  servicesByProject: ReadonlyMap<string, readonly Service[]>,
  managed: ReadonlySet<string>,
): Map<string, ServiceChoice> {
  const candidates = new Map<string, string[]>();
  for (const a of attempts) {
    const inputs = a.inputs as GivenInputs;
    const services = servicesByProject.get(String(inputs.projectId)) ?? [];
    candidates.set(
      a.urn,
      serviceCandidates(services, inputs, a.since, managed).map((s) => s.id),
    );
  }
  const claims = new Map<string, number>();
  for (const ids of candidates.values()) for (const id of ids) claims.set(id, (claims.get(id) ?? 0) + 1);
  const choices = new Map<string, ServiceChoice>();
  for (const a of attempts) {
    const inputs = a.inputs as GivenInputs;
    const ids = candidates.get(a.urn) ?? [];
    const adoption = inputs.adoption as AdoptionRecord | undefined;
    const adopted = adoption?.serviceId ?? (inputs.adopt !== undefined && inputs.adopt !== "default" ? inputs.adopt : undefined);
    if (inputs.adopt !== undefined) {
      const exists = (servicesByProject.get(String(inputs.projectId)) ?? []).some((s) => s.id === adopted);
      choices.set(a.urn, adopted && exists ? { kind: "found", serviceId: adopted } : { kind: "none", why: "nothing was adopted" });
      continue;
    }
    const [only, ...others] = ids;
    if (only === undefined) choices.set(a.urn, { kind: "none", why: "no service was created" });
    else if (others.length === 0 && claims.get(only) === 1) choices.set(a.urn, { kind: "found", serviceId: only });
    else choices.set(a.urn, { kind: "ambiguous", candidates: ids });
  }
  return choices;
}

/**
 * The decision for an interrupted FaxService create whose service is known:
 * the stack's pages on it (all of them for a service it created; those it
 * uploaded, for one it adopted), and what an adoption recorded of it before.
 */
export function serviceCreateDecision(a: Interrupted, serviceId: string, pages: readonly CoverPage[]): Decision {
  const inputs = a.inputs as GivenInputs;
  const adoption = inputs.adoption as AdoptionRecord | undefined;
  const adopting = inputs.adopt !== undefined;
  const declared = (inputs.coverPages ?? []) as DesiredCoverPage[];
  const ours = uploadedPages(pages, declared, { since: a.since, notOurs: adoption?.pageIds ?? [], created: !adopting });
  const outputs = recoveredServiceState(inputs, ours, adoption);
  const decision: Decision = { urn: a.urn, op: a.op, action: "manage", id: serviceId, what: "service", outputs };
  if (adopting && !adoption) {
    // An earlier release did not record what the service was: release will leave it as it is now.
    outputs.adopted = true;
    outputs.originalPageIds = pages.map((p) => p.id);
    decision.human = `its settings before the adoption were not recorded (an earlier release ran it): check service ${serviceId} after destroy`;
  }
  return decision;
}

/** The decision for a FaxService the interrupted update left in state: pages it uploaded enter state, then a refresh. */
export function serviceUpdateDecision(a: Interrupted, pages: readonly CoverPage[]): Decision {
  const outputs = (a.state?.outputs ?? {}) as { coverPages?: never[]; originalPageIds?: string[] };
  const declared = ((a.inputs as GivenInputs).coverPages ?? []) as DesiredCoverPage[];
  const known = outputs.coverPages ?? [];
  const uploaded = uploadedPages(pages, declared, { since: a.since, known, notOurs: outputs.originalPageIds ?? [] });
  if (uploaded.length === 0) return { urn: a.urn, op: a.op, action: "refresh" };
  return { urn: a.urn, op: a.op, action: "refresh", outputs: { coverPages: [...known, ...uploaded] } };
}

/** The decision for an interrupted address create, from what the service's addresses show. */
export function emailCreateDecision(a: Interrupted, match: Match<FaxEmail>): Decision {
  const base = { urn: a.urn, op: a.op };
  if (match.kind === "found") return { ...base, action: "manage", id: match.id, what: "address", outputs: {} };
  if (match.kind === "none") return { ...base, action: "drop", why: `${match.why}; the next \`pulumi up\` creates it` };
  return {
    ...base,
    action: "forget",
    why: match.why,
    human: `${match.why}: delete it in Sinch, or remove it from the program, before the next \`pulumi up\``,
  };
}

/**
 * The decision for an interrupted route create, from the number as it is now:
 * routed (or being routed) to the service means the create's PATCH landed, and
 * the route the engine recorded with it (check's look) is what destroy puts back.
 */
export function routeCreateDecision(a: Interrupted, number: ActiveNumber | undefined): Decision {
  const inputs = a.inputs as RouteInputs;
  const base = { urn: a.urn, op: a.op };
  if (!number) return { ...base, action: "drop", why: `${inputs.phoneNumber} is not an active number of the project` };
  const step = routingStep(number, { type: "FAX", serviceId: inputs.serviceId });
  if (step !== "done" && step !== "waiting") {
    return { ...base, action: "drop", why: "the number was not routed to the service; the next `pulumi up` routes it" };
  }
  const decision: Decision = {
    ...base,
    action: "manage",
    id: inputs.phoneNumber,
    what: "route",
    outputs: { originalRoute: inputs.originalRoute ?? UNROUTED, suspended: false },
  };
  if (!inputs.originalRoute) {
    decision.human = `the route ${inputs.phoneNumber} had before was not recorded (an earlier release ran it): destroy will unroute it; route it back by hand if it had one`;
  }
  return decision;
}

/** One line for a decision. */
export function describe(d: Decision): string {
  const name = d.urn.split("::").pop();
  const names: Record<string, string> = {
    creating: "interrupted create",
    updating: "interrupted update",
    deleting: "interrupted delete",
    unconfirmed: "unconfirmed create",
  };
  const what = names[d.op] ?? `interrupted ${d.op}`;
  const line = (() => {
    switch (d.action) {
      case "manage":
        return `found ${d.what} ${d.id}; brought under management`;
      case "refresh":
        return d.outputs ? "its cover pages uploaded before the interruption are recorded; refreshed" : "refreshed from Sinch";
      case "resolve":
        return d.serviceId ? `found service ${d.serviceId}; brought under management` : "no service was created; dropped";
      case "drop":
        return d.why;
      case "unresolved":
        return `AMBIGUOUS, each of these services could be it: ${d.candidates.join(", ")}; kept as an unconfirmed create, which \`pulumi up\` will not create again until it is resolved`;
      case "forget":
        return `${d.why}; its record is dropped`;
    }
  })();
  return `${name} (${what}): ${line}${d.human && d.action !== "forget" ? `; NOTE: ${d.human}` : ""}`;
}
