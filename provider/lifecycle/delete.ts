import type { SinchFaxClient } from "../client/client";
import { SinchHttpError } from "../client/errors";
import { writableFields, type ServiceState } from "../model/fields";
import { handoffFailureMessage } from "../model/handoff";
import { planRelease } from "../model/plan";
import { clientFor } from "../runtime";
import { applyPlan, StepFailure } from "./apply";
import { serviceError } from "./errors";
import { webhookPassword } from "../model/webhook";
import { getIfExists, isRefusal, waitForHandoff } from "./handoff";

/**
 * Deletes the service; one already gone is success. The project's current
 * default first waits for another service to take over. An adopted service is
 * released instead: its settings from before adoption are put back, and it is
 * not deleted, since the stack did not create it.
 */
export async function remove(id: string, props: ServiceState): Promise<void> {
  const client = clientFor(props.projectId);
  const secrets = [webhookPassword(props.incomingWebhookUrl)];
  try {
    if (props.adopted) await release(client, id, props);
    else await deleteService(client, id, props.defaultForProject);
  } catch (e) {
    throw serviceError({ id, name: props.name }, e instanceof StepFailure ? e.cause : e, secrets);
  }
}

async function deleteService(client: SinchFaxClient, id: string, wasDefault: boolean): Promise<void> {
  // Only a service that state says is the default needs a look before the DELETE.
  const outcome = wasDefault ? await waitForHandoff(client, id) : { service: { id }, timedOut: false, waitedMs: 0 };
  if (!outcome.service) return;
  try {
    await client.deleteService(id);
  } catch (e) {
    if (e instanceof SinchHttpError && e.status === 404) return;
    if (outcome.timedOut && isRefusal(e)) {
      throw new Error(handoffFailureMessage("delete", outcome.service, outcome.waitedMs, e.sinchMessage ?? e.message));
    }
    throw e;
  }
}

async function release(client: SinchFaxClient, id: string, props: ServiceState): Promise<void> {
  const current = await getIfExists(client, id);
  if (!current || !props.originalSettings) return;
  const plan = planRelease(writableFields(current), props.originalSettings);
  // A default that nobody takes over stays the default: the project keeps one.
  await applyPlan(client, id, plan, { latest: current, demoteRefused: "keep" });
}
