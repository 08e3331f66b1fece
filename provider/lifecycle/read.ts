import type { ServiceState } from "../model/fields";
import { inputsOf, numbersOf, stateOf } from "../model/state";
import { clientFor } from "../runtime";
import { serviceError } from "./errors";
import { webhookPassword } from "../model/webhook";
import { getIfExists } from "./handoff";

/**
 * Refresh: one GET of the service and the pages of its numbers. A service that
 * is gone returns no id, so refresh drops it. Both the state and the inputs
 * report the live values, so a change made by hand shows as drift and the next
 * `up` restores what the program declares.
 */
export async function read(
  id: string,
  props: ServiceState,
): Promise<{ id?: string; props?: ServiceState; inputs?: Record<string, unknown> }> {
  const client = clientFor(props.projectId);
  try {
    const service = await getIfExists(client, id);
    if (!service) return {};
    const numbers = numbersOf(await client.listNumbers(id));
    const state = stateOf(service, {
      projectId: props.projectId,
      numbers,
      knownWebhook: props.incomingWebhookUrl,
      adopt: props.adopt,
      adopted: props.adopted ?? false,
      originalSettings: props.originalSettings,
    });
    return { id, props: state, inputs: inputsOf(state) };
  } catch (e) {
    throw serviceError({ id, name: props.name }, e, [webhookPassword(props.incomingWebhookUrl)]);
  }
}
