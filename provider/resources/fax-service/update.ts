import { clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { applyPlan, StepFailure } from "./apply";
import { PartialFailureError, serviceError } from "./errors";
import type { CheckedInputs, ServiceState } from "./fields";
import { planUpdate } from "./plan";
import { stateOf } from "./state";
import { isUnconfirmed, RECOVER_ADVICE } from "./unconfirmed";

/**
 * Updates the service with one PATCH carrying exactly the changed fields;
 * promotion is a separate, last PATCH; a demotion of the current default
 * waits for another service to take over. If a later step fails, the error
 * records what was applied. A create that was never confirmed is not touched.
 */
export async function update(id: string, olds: ServiceState, news: CheckedInputs): Promise<{ outs: ServiceState }> {
  const secrets = [webhookPassword(news.incomingWebhookUrl), webhookPassword(olds.incomingWebhookUrl)];
  if (isUnconfirmed(id)) {
    throw serviceError({ name: news.name }, `its creation was never confirmed (placeholder id ${id}). ${RECOVER_ADVICE}`, secrets);
  }
  const extras = {
    projectId: olds.projectId,
    numbers: olds.numbers ?? [],
    knownWebhook: news.incomingWebhookUrl,
    adopt: olds.adopt,
    adopted: olds.adopted ?? false,
    originalSettings: olds.originalSettings,
  };
  try {
    const service = await applyPlan(clientFor(olds.projectId), id, planUpdate(olds, news), { demoteRefused: "fail" });
    return { outs: service ? stateOf(service, extras) : olds };
  } catch (e) {
    const failure = e instanceof StepFailure ? e : new StepFailure(e, undefined);
    const error = serviceError({ id, name: news.name }, failure.cause, secrets);
    if (failure.applied) throw new PartialFailureError(error, id, stateOf(failure.applied, extras), news.__provider);
    throw error;
  }
}
