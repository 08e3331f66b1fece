import type { Service } from "../../client/schemas";
import { clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { applyPlan, StepFailure } from "./apply";
import { PartialFailureError, serviceError } from "./errors";
import { type CoverPageState, type GivenInputs, type ServiceState, withDefaults } from "./fields";
import { planUpdate } from "./plan";
import { pagesMoved, stateOf, withPages } from "./state";
import { isUnconfirmed, RECOVER_ADVICE } from "./unconfirmed";

/**
 * Updates the service with one PATCH carrying exactly the changed fields;
 * promotion is a separate, last PATCH; a demotion of the current default
 * waits for another service to take over. If a later step fails, the error
 * records what was applied. A create that was never confirmed is not touched.
 */
export async function update(id: string, olds: ServiceState, given: GivenInputs): Promise<{ outs: ServiceState }> {
  const news = withDefaults(given);
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
    originalPageIds: olds.originalPageIds,
  };
  const after = (service: Service | undefined, pages: CoverPageState[]) =>
    withPages(service ? stateOf(service, extras) : olds, pages, news.coverPage);
  try {
    const plan = planUpdate(olds, news);
    const { service, pages } = await applyPlan(clientFor(olds.projectId), id, plan, {
      pages: olds.coverPages ?? [],
      // Stryker disable next-line StringLiteral: only "keep" changes what applyPlan does
      demoteRefused: "fail",
      notOurs: olds.originalPageIds,
    });
    return { outs: after(service, pages) };
  } catch (e) {
    const failure = e instanceof StepFailure ? e : new StepFailure(e, { service: undefined, pages: olds.coverPages ?? [] });
    const error = serviceError({ id, name: news.name }, failure.cause, secrets);
    const { service, pages } = failure.applied;
    if (service || pagesMoved(olds.coverPages, pages)) throw new PartialFailureError(error, id, after(service, pages), news.__provider);
    throw error;
  }
}
