import type { VoiceRoute } from "../../client/numbers";
import type { ActiveNumber, VoiceConfiguration } from "../../client/schemas";
import { NUMBER_ROUTE_FIELDS } from "../../fields/number-route";
import { changedFields, replacingFields } from "../../fields/table";

/**
 * A number routed to nothing. The Numbers API documents no way to unassign a
 * voice configuration; like its SMS unlink (an empty id), an RTC route with an
 * empty app id is taken to end a fax route (an assumption the emulator plays).
 */
export const UNROUTED: VoiceRoute = { type: "RTC", appId: "" };

/** The checked inputs of a FaxNumberRoute. */
export type RouteInputs = {
  phoneNumber: string;
  serviceId: string;
  suspended: boolean;
  suspendNote?: string;
  projectId: string;
  /**
   * The number's route when `check` first saw it (a route to create only):
   * the engine records it with the create before the create starts.
   */
  originalRoute?: VoiceRoute;
  __provider?: unknown;
};

/** What state holds for a FaxNumberRoute. */
export type RouteState = {
  phoneNumber: string;
  /** The service the number delivers to ("" when it is routed elsewhere, which refresh reports as drift). */
  serviceId: string;
  suspended: boolean;
  suspendNote?: string;
  projectId: string;
  /** The number's route before this stack routed it: destroy puts it back. */
  originalRoute: VoiceRoute;
  /** Set while Sinch is still provisioning the route: the next `up` waits for it again. */
  provisioning?: "pending";
};

/** The route a voice configuration has settled on (ignoring any change still provisioning); unrouted when it has none. */
export function settledRoute(config: VoiceConfiguration | undefined): VoiceRoute {
  if (config?.type === "FAX") return { type: "FAX", serviceId: config.serviceId ?? "" };
  if (config?.type === "EST") return { type: "EST", trunkId: config.trunkId ?? "" };
  return { type: "RTC", appId: config?.appId ?? "" };
}

/** Whether two routes are the same. */
export function sameRoute(a: VoiceRoute, b: VoiceRoute): boolean {
  return JSON.stringify(routeKey(a)) === JSON.stringify(routeKey(b));
}

function routeKey(route: VoiceRoute): [string, string] {
  return [route.type, "serviceId" in route ? route.serviceId : "appId" in route ? route.appId : route.trunkId];
}

/** Where a change of a number's route to `target` stands after one look at the number. */
export type RoutingStep = "done" | "waiting" | "failed" | "elsewhere";

/**
 * Reads a number for a change to `target`: done once the route has settled on
 * it with nothing provisioning; waiting while Sinch provisions it; failed when
 * its provisioning says FAILED; elsewhere when the number is going somewhere
 * else (another change overtook ours).
 */
export function routingStep(number: ActiveNumber, target: VoiceRoute): RoutingStep {
  const scheduled = number.voiceConfiguration?.scheduledVoiceProvisioning;
  if (scheduled) {
    const pending = settledRoute({ ...scheduled, type: scheduled.type });
    if (!sameRoute(pending, target)) return "elsewhere";
    return scheduled.status === "FAILED" ? "failed" : "waiting";
  }
  return sameRoute(settledRoute(number.voiceConfiguration), target) ? "done" : "elsewhere";
}

/** The state of a route after a look at the number (and, when it is on the service, its suspension there). */
export function routeStateOf(
  number: ActiveNumber,
  known: RouteState,
  suspension: { suspended: boolean; note?: string | undefined } | undefined,
): RouteState {
  const target: VoiceRoute = { type: "FAX", serviceId: known.serviceId };
  const step = routingStep(number, target);
  // Where the number is going: a change someone else started counts already (it is drift in the making).
  const scheduled = number.voiceConfiguration?.scheduledVoiceProvisioning;
  const heading = scheduled && scheduled.status !== "FAILED" ? settledRoute({ ...scheduled }) : settledRoute(number.voiceConfiguration);
  const state: RouteState = {
    phoneNumber: known.phoneNumber,
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: done or waiting means heading is { FAX, known.serviceId } already
    serviceId: step === "done" || step === "waiting" ? known.serviceId : heading.type === "FAX" ? heading.serviceId : "",
    suspended: suspension?.suspended ?? false,
    projectId: known.projectId,
    originalRoute: known.originalRoute,
  };
  if (suspension?.suspended && suspension.note) state.suspendNote = suspension.note;
  if (step === "waiting") state.provisioning = "pending";
  return state;
}

/** The inputs a refresh reports: what is really there. */
export function routeInputsOf(state: RouteState): Record<string, unknown> {
  const inputs: Record<string, unknown> = {
    phoneNumber: state.phoneNumber,
    serviceId: state.serviceId,
    suspended: state.suspended,
    projectId: state.projectId,
  };
  if (state.suspendNote !== undefined) inputs.suspendNote = state.suspendNote;
  return inputs;
}

/** What `diff` reports: another service, the suspension or a pending provisioning is an update; another number or project replaces it. */
export function decideRouteDiff(
  state: Record<string, unknown>,
  desired: Record<string, unknown>,
): { changes: boolean; replaces: string[]; diffs: string[] } {
  const replaces = replacingFields(NUMBER_ROUTE_FIELDS, state, desired);
  const changed: string[] = changedFields(NUMBER_ROUTE_FIELDS, state, desired);
  // A provisioning still pending is finished by an update of the route.
  // Stryker disable next-line StringLiteral: a second "serviceId" would collapse in the set of diffs below
  if (state.provisioning === "pending" && !changed.includes("serviceId")) changed.push("serviceId");
  const diffs = [...new Set([...changed, ...replaces])];
  return { changes: diffs.length > 0, replaces, diffs };
}
