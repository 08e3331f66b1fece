import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { SinchFaxClient } from "../../client/client";
import { isSinchHttpError } from "../../client/errors";
import type { VoiceRoute } from "../../client/numbers";
import type { ActiveNumber } from "../../client/schemas";
import { missingProjectMessage } from "../../core/config";
import type { ResourceDiff } from "../../core/diff-result";
import { operationError, PartialFailureError } from "../../core/operation-errors";
import { clientFor, currentSettings } from "../../core/runtime";
import { NUMBER_ROUTE_FIELDS } from "../../fields/number-route";
import { checkFields, isUnknown, withTableDefaults } from "../../fields/table";
import { decideRouteDiff, type RouteInputs, type RouteState, routeInputsOf, routeStateOf, sameRoute, settledRoute } from "./plan";
import { routeBack } from "./release";
import { waitForRoute } from "./wait";

const RESOURCE = "FaxNumberRoute";
const IGNORED = new Set(["__provider", "originalRoute", "provisioning", "sharedWith"]);

const label = (phoneNumber: string, serviceId?: string) => `Number ${phoneNumber}${serviceId ? ` (to fax service ${serviceId})` : ""}`;

/**
 * Validates the inputs and fills in the defaults and the configured project;
 * then, for a route not in state yet, records the number's current route as
 * `originalRoute` (one GET). The engine writes the checked inputs into its
 * record of a create before the create starts, so the route the number had
 * survives a crash between the create's PATCH and its answer: recovery puts
 * it into state, and destroy puts it back.
 */
export async function check(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: RouteInputs; failures: CheckFailure[] }> {
  const checked = checkFields(NUMBER_ROUTE_FIELDS, RESOURCE, news, IGNORED);
  const { failures } = checked;
  const inputs = withTableDefaults(NUMBER_ROUTE_FIELDS, checked.inputs);
  if (inputs.projectId === undefined) {
    const configured = currentSettings().projectId;
    if (configured) inputs.projectId = configured;
    else failures.push({ property: "projectId", reason: missingProjectMessage(RESOURCE) });
  }
  // Set by the program (dynamic resources) or the plugin when another route of the stack has the number.
  if (typeof news.sharedWith === "string") failures.push({ property: "phoneNumber", reason: news.sharedWith });
  const route = inputs as unknown as RouteInputs;
  if (failures.length === 0) failures.push(...(await recordOriginalRoute(olds, route)));
  return { inputs: route, failures };
}

/**
 * Sets `originalRoute` on the inputs of a route to create: the one recorded
 * by an earlier check of the same number, else the number's settled route
 * now. A number not known yet (a preview) is looked at when `up` checks it.
 */
async function recordOriginalRoute(olds: Record<string, unknown>, inputs: RouteInputs): Promise<CheckFailure[]> {
  // The same number as in state: no create (another number replaces the route, and is looked at).
  if (olds.phoneNumber === inputs.phoneNumber && olds.projectId === inputs.projectId) {
    if (olds.originalRoute !== undefined) inputs.originalRoute = olds.originalRoute as VoiceRoute;
    return [];
  }
  if (isUnknown(inputs.phoneNumber) || isUnknown(inputs.projectId)) return [];
  try {
    const number = await clientFor(inputs.projectId).numbers.getActiveNumber(inputs.phoneNumber);
    inputs.originalRoute = settledRoute(number.voiceConfiguration);
    return [];
  } catch (e) {
    if (isSinchHttpError(e, 404)) {
      return [{ property: "phoneNumber", reason: `${inputs.phoneNumber} is not an active number of project ${inputs.projectId}` }];
    }
    throw operationError(label(inputs.phoneNumber, inputs.serviceId), e);
  }
}

/** Field-by-field comparison with state; no API call. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<ResourceDiff> {
  return { ...decideRouteDiff(olds, news), deleteBeforeReplace: true };
}

/**
 * Records the number's route, routes it to the service (a PATCH of its voice
 * configuration, unless it already is), waits for Sinch to provision it, then
 * suspends it for the service when asked.
 */
export async function create(inputs: RouteInputs): Promise<{ id: string; outs: RouteState }> {
  const client = clientFor(inputs.projectId);
  let number: ActiveNumber;
  try {
    number = await client.numbers.getActiveNumber(inputs.phoneNumber);
  } catch (e) {
    const why = isSinchHttpError(e, 404) ? `it is not an active number of project ${inputs.projectId}` : e;
    throw operationError(label(inputs.phoneNumber, inputs.serviceId), why);
  }
  const base: RouteState = {
    phoneNumber: inputs.phoneNumber,
    serviceId: inputs.serviceId,
    suspended: false,
    projectId: inputs.projectId,
    // Recorded by check, before anything changed; the number's route now only when check did not look.
    originalRoute: inputs.originalRoute ?? settledRoute(number.voiceConfiguration),
  };
  return { id: inputs.phoneNumber, outs: await apply(client, base, inputs, number) };
}

/** Refresh: the number's route (drift when it goes elsewhere) and, on the service, its suspension. A number gone is dropped. */
export async function read(id: string, props: RouteState): Promise<{ id?: string; props?: RouteState; inputs?: Record<string, unknown> }> {
  const client = clientFor(props.projectId);
  try {
    const number = await client.numbers.getActiveNumber(id);
    const onService = settledRoute(number.voiceConfiguration);
    // Stryker disable next-line ConditionalExpression: only a FAX route has a serviceId, and state's is always a string
    const suspension = onService.type === "FAX" && onService.serviceId === props.serviceId ? await suspensionOf(client, props) : undefined;
    const state = routeStateOf(number, props, suspension);
    return { id, props: state, inputs: routeInputsOf(state) };
  } catch (e) {
    if (isSinchHttpError(e, 404)) return {};
    throw operationError(label(id, props.serviceId), e);
  }
}

/** Moves the number to another service, finishes a pending provisioning, or changes its suspension. */
export async function update(_id: string, olds: RouteState, news: RouteInputs): Promise<{ outs: RouteState }> {
  const client = clientFor(olds.projectId);
  try {
    if (olds.suspended && olds.serviceId && olds.serviceId !== news.serviceId)
      await suspend(client, olds.phoneNumber, olds.serviceId, false);
    const number = await client.numbers.getActiveNumber(olds.phoneNumber);
    const current = { ...olds, suspended: olds.serviceId === news.serviceId && olds.suspended };
    return { outs: await apply(client, current, news, number) };
  } catch (e) {
    if (e instanceof PartialFailureError) throw e;
    throw operationError(label(olds.phoneNumber, news.serviceId), e);
  }
}

/**
 * Lifts the suspension, then puts the number's earlier route back and waits
 * for it (see `release.ts`: a provisioning already heading back is waited for,
 * a route someone else set since is left, an earlier service that is gone
 * leaves the number unrouted).
 */
export async function remove(_id: string, props: RouteState): Promise<void> {
  const client = clientFor(props.projectId);
  const what = label(props.phoneNumber, props.serviceId);
  try {
    if (props.suspended && props.serviceId) await suspend(client, props.phoneNumber, props.serviceId, false);
    await routeBack(client, props, await client.numbers.getActiveNumber(props.phoneNumber), what);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return;
    throw operationError(what, e);
  }
}

/** Routes (unless already routed), waits, then suspends as declared; a timeout or a failed suspension records what was done. */
async function apply(client: SinchFaxClient, current: RouteState, news: RouteInputs, number: ActiveNumber): Promise<RouteState> {
  const what = label(news.phoneNumber, news.serviceId);
  const target: VoiceRoute = { type: "FAX", serviceId: news.serviceId };
  let state: RouteState = { ...current, serviceId: news.serviceId };
  delete state.provisioning;
  // Stryker disable next-line OptionalChaining: the target is a FAX route, so a number on it has a voice configuration
  const settled = sameRoute(settledRoute(number.voiceConfiguration), target) && !number.voiceConfiguration?.scheduledVoiceProvisioning;
  if (!settled) {
    const pending = routeStateOf(number, { ...state }, undefined).provisioning === "pending";
    const started = pending ? number : await client.numbers.routeVoice(news.phoneNumber, target);
    const outcome = await waitForRoute(client.numbers, started, target, what);
    if (outcome.step === "failed" || outcome.step === "elsewhere") {
      throw operationError(
        what,
        `Sinch's provisioning of the route ${outcome.step === "failed" ? "FAILED" : "was overtaken by another change"}; the number keeps its earlier route`,
      );
    }
    if (outcome.step === "timed-out") {
      state = { ...state, provisioning: "pending" };
      const note = `: Sinch is still provisioning it after ${Math.round(outcome.waitedMs / 1000)}s (sinch:numberRoutingTimeout); the next \`pulumi up\` waits for it again`;
      throw new PartialFailureError(operationError(what, "not routed yet"), news.phoneNumber, state, news.__provider, note);
    }
  }
  const note = news.suspended ? news.suspendNote : undefined;
  if (news.suspended !== state.suspended || (news.suspended && note !== state.suspendNote)) {
    try {
      await suspend(client, news.phoneNumber, news.serviceId, news.suspended, note);
    } catch (e) {
      throw new PartialFailureError(
        operationError(what, e),
        news.phoneNumber,
        state,
        news.__provider,
        " (routed, but its suspension was not changed)",
      );
    }
  }
  const done: RouteState = { ...state, suspended: news.suspended };
  delete done.suspendNote;
  if (note !== undefined) done.suspendNote = note;
  return done;
}

async function suspend(client: SinchFaxClient, phoneNumber: string, serviceId: string, suspended: boolean, note?: string): Promise<void> {
  try {
    // Stryker disable next-line ConditionalExpression: a note left undefined is dropped from the JSON body all the same
    await client.suspendNumber(serviceId, phoneNumber, note === undefined ? { suspended } : { suspended, note });
  } catch (e) {
    // Lifting a suspension from a service the number has left is nothing to do.
    if (!suspended && isSinchHttpError(e, 404)) return;
    throw e;
  }
}

async function suspensionOf(client: SinchFaxClient, props: RouteState): Promise<{ suspended: boolean; note?: string | undefined }> {
  const number = (await client.listNumbers(props.serviceId)).find((n) => n.phoneNumber === props.phoneNumber);
  return { suspended: number?.suspended ?? false, note: number?.note };
}
