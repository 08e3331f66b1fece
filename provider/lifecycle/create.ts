import type { SinchFaxClient } from "../client/client";
import { SinchFaxError } from "../client/errors";
import type { Service } from "../client/schemas";
import { writableFields, type CheckedInputs, type DesiredFields, type ServiceState } from "../model/fields";
import { createBody, pickCreated, planUpdate } from "../model/plan";
import { fieldsOf, numbersOf, stateOf } from "../model/state";
import { claimedIds, clientFor, currentSettings } from "../runtime";
import { applyPlan, StepFailure } from "./apply";
import { PartialFailureError, serviceError } from "./errors";
import { webhookPassword } from "../model/webhook";
import { getIfExists } from "./handoff";


/**
 * Creates the service with one POST of every field, then promotes it to
 * default when asked (a second call, so it becomes the default only once fully
 * configured). With `adopt`, takes an existing service over instead.
 */
export async function create(inputs: CheckedInputs): Promise<{ id: string; outs: ServiceState }> {
  const secrets = [webhookPassword(inputs.incomingWebhookUrl)];
  const client = clientFor(inputs.projectId);
  if (inputs.adopt !== undefined) return adopt(client, inputs, secrets);

  let service: Service;
  try {
    service = await postReconciled(client, inputs);
  } catch (e) {
    throw serviceError({ name: inputs.name }, e, secrets);
  }
  claimedIds.add(service.id);
  const extras = { projectId: inputs.projectId, numbers: [], knownWebhook: inputs.incomingWebhookUrl, adopted: false };
  if (inputs.defaultForProject) {
    try {
      service = await client.updateService(service.id, { defaultForProject: true });
    } catch (e) {
      const error = serviceError(service, e, secrets);
      throw new PartialFailureError(`${error.message} (the service was created, but not made the default)`, service.id, stateOf(service, extras));
    }
  }
  return { id: service.id, outs: stateOf(service, extras) };
}

/**
 * POSTs once; when the outcome is unknown (timeout, lost response), looks for
 * the service that attempt created before trying again, so no duplicate is
 * ever left behind.
 */
async function postReconciled(client: SinchFaxClient, inputs: CheckedInputs): Promise<Service> {
  const body = createBody(inputs);
  // Any attempt's service counts, even one applied after an earlier look found nothing.
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.createService(body);
    } catch (e) {
      if (!(e instanceof SinchFaxError) || !e.outcomeUnknown) throw e;
      const services: Service[] = [];
      for await (const s of client.listServices()) services.push(s);
      const found = pickCreated(services, body, startedAt, claimedIds);
      if (found) return services.find((s) => s.id === found)!;
      // As many POSTs as the client makes attempts of any other call.
      if (attempt > (currentSettings().maxRetries ?? 6)) throw e;
    }
  }
}

/**
 * Takes an existing service under management: reads it (or the project's
 * current default), then PATCHes only what differs. Its settings from before
 * are kept in state, so destroy can release it as it was.
 */
async function adopt(
  client: SinchFaxClient,
  inputs: CheckedInputs,
  secrets: Array<string | undefined>,
): Promise<{ id: string; outs: ServiceState }> {
  const label = { id: inputs.adopt === "default" ? undefined : inputs.adopt, name: inputs.name };
  let target: Service | undefined;
  let numbers;
  try {
    target = inputs.adopt === "default" ? await findDefault(client) : await getIfExists(client, inputs.adopt!);
    if (!target) {
      const what = inputs.adopt === "default" ? "the project has no default service" : `no service ${inputs.adopt} exists`;
      throw new Error(`cannot adopt: ${what} in project ${inputs.projectId}`);
    }
    if (claimedIds.has(target.id)) throw new Error(`cannot adopt service ${target.id}: another FaxService already manages it`);
    numbers = numbersOf(await client.listNumbers(target.id));
  } catch (e) {
    throw serviceError(label, e, secrets);
  }
  claimedIds.add(target.id);
  const originalSettings = writableFields(target) as Partial<DesiredFields>;
  const extras = {
    projectId: inputs.projectId,
    numbers,
    knownWebhook: inputs.incomingWebhookUrl,
    adopt: inputs.adopt,
    adopted: true,
    originalSettings,
  };
  try {
    const plan = planUpdate(fieldsOf(target), inputs);
    const latest = await applyPlan(client, target.id, plan, { latest: target, demoteRefused: "fail" });
    return { id: target.id, outs: stateOf(latest ?? target, extras) };
  } catch (e) {
    const failure = e instanceof StepFailure ? e : new StepFailure(e, undefined);
    const error = serviceError(target, failure.cause, secrets);
    if (failure.applied) throw new PartialFailureError(error.message, target.id, stateOf(failure.applied, extras));
    throw error;
  }
}

async function findDefault(client: SinchFaxClient): Promise<Service | undefined> {
  for await (const service of client.listServices()) if (service.defaultForProject) return service;
  return undefined;
}
