import type { SinchFaxClient } from "../../client/client";
import { isRefusal, isSinchHttpError } from "../../client/errors";
import { FaxProviderError } from "../../core/errors";
import { log } from "../../core/log";
import { claimedIds, clientFor } from "../../core/runtime";
import { CLEARED } from "../../fields/table";
import { webhookPassword } from "../../fields/webhook";
import { applyPlan, StepFailure } from "./apply";
import { planCoverPages } from "./cover-pages";
import { describeService, serviceError } from "./errors";
import { type ServiceState, writableFields } from "./fields";
import { handoffFailureMessage } from "./handoff";
import { waitForHandoff } from "./handoff-wait";
import { createBody, planRelease, type UpdatePlan } from "./plan";
import { createdCandidates } from "./reconcile";
import { isUnconfirmed } from "./unconfirmed";

/**
 * Deletes the service; one already gone is success. The project's current
 * default first waits for another service to take over; then the cover pages
 * the stack made are deleted, once the service no longer points at them. An
 * adopted service is released instead: its settings from before adoption are
 * put back and the stack's pages deleted, but the service stays, since the
 * stack did not create it.
 */
export async function remove(id: string, props: ServiceState): Promise<void> {
  const client = clientFor(props.projectId);
  const secrets = [webhookPassword(props.incomingWebhookUrl)];
  try {
    if (isUnconfirmed(id)) await forgetUnconfirmed(client, props);
    else if (props.adopted) await release(client, id, props);
    else await deleteService(client, id, props);
  } catch (e) {
    throw serviceError({ id, name: props.name }, e instanceof StepFailure ? e.cause : e, secrets);
  }
}

async function deleteService(client: SinchFaxClient, id: string, props: ServiceState): Promise<void> {
  // Only a service that state says is the default needs a look before the DELETE.
  const handoff = props.defaultForProject ? await waitForHandoff(client, id) : undefined;
  if (handoff && !handoff.service) return;
  // Unpointed from the stack's page (it may be stamping none of them), then the pages go; no pages, no call.
  const pages = props.coverPages ?? [];
  const stamped = pages.some((page) => page.id === props.coverPageId);
  const plan: UpdatePlan = {
    patch: stamped ? { coverPageId: CLEARED } : {},
    promote: false,
    demote: false,
    pages: planCoverPages(pages, []),
  };
  try {
    await applyPlan(client, id, plan, { pages, demoteRefused: "fail" });
  } catch (e) {
    // The service is gone (deleted by hand, or by a run killed after its DELETE): nothing left to do.
    if (e instanceof StepFailure && isSinchHttpError(e.cause, 404) && !(await client.findService(id))) return;
    throw e;
  }
  try {
    await client.deleteService(id);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return;
    if (handoff?.timedOut && isRefusal(e)) {
      throw new FaxProviderError(handoffFailureMessage("delete", handoff.waitedMs, e.sinchMessage ?? e.message), { cause: e });
    }
    throw e;
  }
}

async function release(client: SinchFaxClient, id: string, props: ServiceState): Promise<void> {
  const current = await client.findService(id);
  if (!current) return;
  const fields = writableFields(current);
  const pages = props.coverPages ?? [];
  const plan = planRelease(fields, props.originalSettings ?? fields, pages);
  // A default that nobody takes over stays the default: the project keeps one.
  await applyPlan(client, id, plan, { latest: current, pages, demoteRefused: "keep" });
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
