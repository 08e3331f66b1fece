import type { SinchFaxClient } from "../../client/client";
import { isSinchFaxError } from "../../client/errors";
import type { Service } from "../../client/schemas";
import { claim, claimedIds, clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { adoptionRecordOf, adoptionTarget, noTargetReason } from "./adoption";
import { applyPlan, StepFailure } from "./apply";
import { describeService, PartialFailureError, serviceError } from "./errors";
import {
  type CheckedInputs,
  type DesiredFields,
  type GivenInputs,
  type NumberState,
  type ServiceState,
  withDefaults,
  writableFields,
} from "./fields";
import { createBody, isEmptyPlan, planUpdate } from "./plan";
import { createdCandidates } from "./reconcile";
import { fieldsOf, numbersOf, stateOf, withPages } from "./state";
import { RECOVER_ADVICE, unconfirmedId, unconfirmedState } from "./unconfirmed";

/**
 * Creates the service with one POST of every field, then promotes it to
 * default when asked (a second call, so it becomes the default only once fully
 * configured). With `adopt`, takes an existing service over instead.
 */
export async function create(given: GivenInputs): Promise<{ id: string; outs: ServiceState }> {
  const inputs = withDefaults(given);
  const secrets = [webhookPassword(inputs.incomingWebhookUrl)];
  const client = clientFor(inputs.projectId);
  if (inputs.adopt !== undefined) return adopt(client, inputs, inputs.adopt, secrets);

  const service = await postReconciled(client, inputs, secrets);
  const extras = { projectId: inputs.projectId, numbers: [], knownWebhook: inputs.incomingWebhookUrl, adopted: false };
  // What the POST could not do: the cover pages, the page it stamps, the promotion (last).
  const plan = planUpdate(fieldsOf(service), inputs);
  // Stryker disable next-line ConditionalExpression: an empty plan makes no call and gives the same state; this skips the work
  if (isEmptyPlan(plan)) return { id: service.id, outs: stateOf(service, extras) };
  try {
    // Stryker disable next-line StringLiteral: only "keep" changes what applyPlan does
    const { service: latest, pages } = await applyPlan(client, service.id, plan, { latest: service, demoteRefused: "fail", fresh: true });
    return { id: service.id, outs: withPages(stateOf(latest ?? service, extras), pages, inputs.coverPage) };
  } catch (e) {
    const { cause, applied } = e instanceof StepFailure ? e : new StepFailure(e, { service: undefined, pages: [] });
    const state = withPages(stateOf(applied.service ?? service, extras), applied.pages, inputs.coverPage);
    const note =
      plan.promote && !state.defaultForProject ? " (the service was created, but not made the default)" : " (the service was created)";
    throw new PartialFailureError(serviceError(service, cause, secrets), service.id, state, inputs.__provider, note);
  }
}

/**
 * POSTs once; when the outcome is unknown (timeout, lost response), looks for
 * the service that attempt created before trying again, so no duplicate is
 * left behind. When even the lookup fails, the resource enters state under a
 * placeholder id that records the attempt, so no later run creates a second
 * service before `sinch-fax-recover` has looked again.
 */
async function postReconciled(client: SinchFaxClient, inputs: CheckedInputs, secrets: Array<string | undefined>): Promise<Service> {
  const body = createBody(inputs);
  // Any attempt's service counts, even one applied after an earlier look found nothing.
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const service = await client.createService(body);
      claim(service.id);
      return service;
    } catch (e) {
      if (!isSinchFaxError(e) || !e.outcomeUnknown) throw serviceError({ name: inputs.name }, e, secrets);
      let services: Service[];
      try {
        services = await listAll(client);
      } catch (lookupError) {
        throw unconfirmed(inputs, startedAt, e, lookupError, secrets);
      }
      // Picked and claimed in one step: a concurrent reconciliation cannot take the same service.
      const found = createdCandidates(services, body, startedAt, claimedIds)[0];
      if (found && claim(found.id)) return found;
      // As many POSTs as the client makes attempts of any other call.
      if (attempt > client.maxRetries) throw serviceError({ name: inputs.name }, e, secrets);
    }
  }
}

/** The partial failure of a create whose outcome neither the POST nor the lookup could tell. */
function unconfirmed(
  inputs: CheckedInputs,
  startedAt: number,
  postError: unknown,
  lookupError: unknown,
  secrets: Array<string | undefined>,
): PartialFailureError {
  const label = { name: inputs.name };
  const lookup = serviceError(label, lookupError, secrets).message.slice(describeService(label).length + 2);
  const note =
    `; looking for the service it may have created failed too: ${lookup}. ` +
    `A service named "${inputs.name}" may have been created in project ${inputs.projectId}. ${RECOVER_ADVICE}`;
  const post = serviceError(label, postError, secrets);
  return new PartialFailureError(post, unconfirmedId(startedAt), unconfirmedState(inputs, startedAt), inputs.__provider, note);
}

async function listAll(client: SinchFaxClient): Promise<Service[]> {
  // Stryker disable next-line ArrayDeclaration: a made-up item matches no body sent, so it is never a candidate
  const services: Service[] = [];
  for await (const s of client.listServices()) services.push(s);
  return services;
}

/**
 * Takes an existing service under management: reads it (the one `check`
 * recorded, else what `adopt` names), then PATCHes only what differs. Its
 * settings and cover pages from before are kept in state, so destroy can
 * release it as it was; its own pages are never taken for declared ones. The
 * service is claimed before any further call, so two resources can never
 * both adopt it.
 */
async function adopt(
  client: SinchFaxClient,
  inputs: CheckedInputs,
  what: string,
  secrets: Array<string | undefined>,
): Promise<{ id: string; outs: ServiceState }> {
  const label = { id: what === "default" ? undefined : what, name: inputs.name };
  let target: Service | undefined;
  let claimedId: string | undefined;
  let numbers: NumberState[];
  let originalPageIds: string[];
  try {
    const recorded = inputs.adoption?.serviceId;
    target = recorded ? await client.findService(recorded) : await adoptionTarget(client, what);
    if (!target)
      throw new Error(
        recorded
          ? `cannot adopt: service ${recorded} no longer exists in project ${inputs.projectId}`
          : noTargetReason(what, inputs.projectId),
      );
    if (!claim(target.id)) throw new Error(`cannot adopt ${describeService(target)}: another FaxService of this stack already manages it`);
    claimedId = target.id;
    numbers = numbersOf(await client.listNumbers(target.id));
    // The pages it had when check looked (the engine's record of this create holds them too).
    originalPageIds = inputs.adoption?.pageIds ?? (await adoptionRecordOf(client, target)).pageIds;
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: deleting no id from the set is harmless; the check says what is meant
    if (claimedId) claimedIds.delete(claimedId);
    throw serviceError(label, e, secrets);
  }
  const originalSettings = writableFields(target) as Partial<DesiredFields>;
  const extras = {
    projectId: inputs.projectId,
    numbers,
    knownWebhook: inputs.incomingWebhookUrl,
    adopt: inputs.adopt,
    adopted: true,
    originalSettings,
    originalPageIds,
  };
  try {
    const plan = planUpdate(fieldsOf(target), inputs);
    const { service, pages } = await applyPlan(client, target.id, plan, {
      latest: target,
      // Stryker disable next-line StringLiteral: only "keep" changes what applyPlan does
      demoteRefused: "fail",
      notOurs: originalPageIds,
    });
    return { id: target.id, outs: withPages(stateOf(service ?? target, extras), pages, inputs.coverPage) };
  } catch (e) {
    const { cause, applied } = e instanceof StepFailure ? e : new StepFailure(e, { service: undefined, pages: [] });
    const error = serviceError(target, cause, secrets);
    if (applied.service || applied.pages.length > 0) {
      const state = withPages(stateOf(applied.service ?? target, extras), applied.pages, inputs.coverPage);
      throw new PartialFailureError(error, target.id, state, inputs.__provider);
    }
    claimedIds.delete(target.id);
    throw error;
  }
}
