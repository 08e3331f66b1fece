import type { SinchFaxClient } from "../../client/client";
import { isSinchHttpError } from "../../client/errors";
import type { ServicePhoneNumber } from "../../client/schemas";
import { clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { serviceError } from "./errors";
import type { ServiceState } from "./fields";
import { inputsOf, numbersOf, stateOf, withPages } from "./state";
import { isUnconfirmed } from "./unconfirmed";

/**
 * Refresh: the service from the listing the refresh's reads share (a GET of
 * its own when the listing lacks it), and the pages of its numbers (and, for a
 * service with cover pages of the stack's, one list of its pages: a page
 * deleted by hand is dropped, so the next `up` uploads it again). A service that
 * is gone returns no id, so refresh drops it. Both the state and the inputs
 * report the live values, so a change made by hand shows as drift and the next
 * `up` restores what the program declares.
 *
 * A create that was never confirmed (a placeholder id) stays as it is until
 * `sinch-fax-recover` records what it made: then this read moves the resource
 * to the real service's id, or drops it when nothing was made.
 */
export async function read(
  id: string,
  props: ServiceState,
): Promise<{ id?: string; props?: ServiceState; inputs?: Record<string, unknown> }> {
  let serviceId = id;
  if (isUnconfirmed(id)) {
    const resolved = props.unconfirmedCreate?.resolved;
    if (!resolved) return { id, props, inputs: inputsOf(props) };
    if (!resolved.serviceId) return {};
    serviceId = resolved.serviceId;
  }
  const client = clientFor(props.projectId);
  try {
    // From the listing shared by this refresh's reads; one missing from it is looked at on its own.
    const service = (await client.listedService(serviceId)) ?? (await client.findService(serviceId));
    if (!service) return {};
    const listed = await numbersIfThere(client, serviceId);
    if (!listed) return {};
    const numbers = numbersOf(listed);
    const state = stateOf(service, {
      projectId: props.projectId,
      numbers,
      knownWebhook: props.incomingWebhookUrl,
      adopt: props.adopt,
      adopted: props.adopted ?? false,
      originalSettings: props.originalSettings,
      originalPageIds: props.originalPageIds,
    });
    // The stack's cover pages that still exist (one more call, only for a service that has some).
    const known = props.coverPages ?? [];
    const existing = known.length > 0 ? new Set((await client.listCoverPages(serviceId)).map((page) => page.id)) : new Set<string>();
    const withCovers = withPages(
      state,
      known.filter((page) => existing.has(page.id)),
      props.coverPage,
    );
    return { id: serviceId, props: withCovers, inputs: inputsOf(withCovers) };
  } catch (e) {
    throw serviceError({ id: serviceId, name: props.name }, e, [webhookPassword(props.incomingWebhookUrl)]);
  }
}

/**
 * The service's numbers, or undefined when the service is gone: a listing
 * shared by a refresh can be a moment older than a deletion, so a 404 here is
 * confirmed by a GET of the service before the resource is dropped.
 */
async function numbersIfThere(client: SinchFaxClient, serviceId: string): Promise<ServicePhoneNumber[] | undefined> {
  try {
    return await client.listNumbers(serviceId);
  } catch (e) {
    if (isSinchHttpError(e, 404) && !(await client.findService(serviceId))) return undefined;
    throw e;
  }
}
