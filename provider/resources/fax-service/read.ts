import { clientFor } from "../../core/runtime";
import { webhookPassword } from "../../fields/webhook";
import { serviceError } from "./errors";
import type { ServiceState } from "./fields";
import { inputsOf, numbersOf, stateOf } from "./state";
import { isUnconfirmed } from "./unconfirmed";

/**
 * Refresh: one GET of the service and the pages of its numbers. A service that
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
    const service = await client.findService(serviceId);
    if (!service) return {};
    const numbers = numbersOf(await client.listNumbers(serviceId));
    const state = stateOf(service, {
      projectId: props.projectId,
      numbers,
      knownWebhook: props.incomingWebhookUrl,
      adopt: props.adopt,
      adopted: props.adopted ?? false,
      originalSettings: props.originalSettings,
    });
    return { id: serviceId, props: state, inputs: inputsOf(state) };
  } catch (e) {
    throw serviceError({ id: serviceId, name: props.name }, e, [webhookPassword(props.incomingWebhookUrl)]);
  }
}
