import type { SinchFaxClient } from "../../client/client";
import { isRefusal, isSinchHttpError } from "../../client/errors";
import { FaxProviderError } from "../../core/errors";
import { log } from "../../core/log";
import { claimedIds, clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { applyPlan, StepFailure } from "./apply";
import { describeService, serviceError } from "./errors";
import { type ServiceState, writableFields } from "./fields";
import { handoffFailureMessage } from "./handoff";
import { waitForHandoff } from "./handoff-wait";
import { createBody, createdCandidates, planRelease } from "./plan";
import { isUnconfirmed } from "./unconfirmed";

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
    if (isUnconfirmed(id)) await forgetUnconfirmed(client, props);
    else if (props.adopted) await release(client, id, props);
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
    if (isSinchHttpError(e, 404)) return;
    if (outcome.timedOut && isRefusal(e)) {
      throw new FaxProviderError(handoffFailureMessage("delete", outcome.waitedMs, e.sinchMessage ?? e.message), { cause: e });
    }
    throw e;
  }
}

async function release(client: SinchFaxClient, id: string, props: ServiceState): Promise<void> {
  const current = await client.findService(id);
  if (!current || !props.originalSettings) return;
  const plan = planRelease(writableFields(current), props.originalSettings);
  // A default that nobody takes over stays the default: the project keeps one.
  await applyPlan(client, id, plan, { latest: current, demoteRefused: "keep" });
  const leftAsIs = plan.leftAsIs.map((l) => `${l.field} (${l.why})`);
  log.info(`${describeService(current)} released${leftAsIs.length > 0 ? `; left as it is: ${leftAsIs.join(", ")}` : ""}`);
}

/**
 * A create that was never confirmed leaves state without touching Sinch: it
 * cannot be told apart for sure from a service someone else made. Services
 * that look like what it would have created are listed, never deleted.
 */
async function forgetUnconfirmed(client: SinchFaxClient, props: ServiceState): Promise<void> {
  const startedAt = Date.parse(props.unconfirmedCreate?.startedAt ?? "") || 0;
  const services = [];
  for await (const s of client.listServices()) services.push(s);
  const candidates = createdCandidates(services, createBody(props), startedAt, claimedIds).map((s) => s.id);
  const what =
    candidates.length > 0 ? `services that may be it, not deleted: ${candidates.join(", ")}` : "no service that may be it was found";
  log.warn(
    `${describeService({ name: props.name })}: its creation was never confirmed; removed from the stack without deleting anything (${what})`,
  );
}
