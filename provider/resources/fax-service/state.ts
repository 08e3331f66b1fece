import type { Service, ServicePhoneNumber } from "../../client/schemas";
import { webhookForState } from "../../fields/webhook";
import { DEFAULTS, type DesiredFields, type NumberState, type ServiceState, WRITABLE_FIELDS } from "./fields";

/** A service's writable fields as the API reports them, with absent defaulted fields filled in. */
export function fieldsOf(service: Service): DesiredFields {
  const fields: Record<string, unknown> = { ...DEFAULTS };
  for (const field of WRITABLE_FIELDS) if (service[field] !== undefined) fields[field] = service[field];
  return fields as DesiredFields;
}

/** Numbers as state keeps them: without the ids that repeat the service's own. */
export function numbersOf(numbers: ServicePhoneNumber[]): NumberState[] {
  return numbers.map(({ phoneNumber, permissions, country, suspended, note }) => {
    const n: NumberState = { phoneNumber, permissions };
    if (country !== undefined) n.country = country;
    if (suspended !== undefined) n.suspended = suspended;
    if (note !== undefined) n.note = note;
    return n;
  });
}

/** Bookkeeping that comes from us, not from the API. */
export interface StateExtras {
  projectId: string;
  numbers: NumberState[];
  /** The full webhook URL we last sent, kept (as a secret) while the API's masked form matches it. */
  knownWebhook?: string | undefined;
  adopt?: string | undefined;
  adopted: boolean;
  originalSettings?: Partial<DesiredFields> | undefined;
}

/** The state of a FaxService after talking to the API. */
export function stateOf(service: Service, extras: StateExtras): ServiceState {
  const state: Record<string, unknown> = { ...fieldsOf(service) };
  const webhook = webhookForState(service.incomingWebhookUrl, extras.knownWebhook);
  if (webhook === undefined) delete state.incomingWebhookUrl;
  else state.incomingWebhookUrl = webhook;
  state.projectId = extras.projectId;
  if (service.createdAt !== undefined) state.createdAt = service.createdAt;
  if (service.updatedAt !== undefined) state.updatedAt = service.updatedAt;
  state.numbers = extras.numbers;
  if (extras.adopt !== undefined) state.adopt = extras.adopt;
  state.adopted = extras.adopted;
  if (extras.originalSettings !== undefined) state.originalSettings = extras.originalSettings;
  return state as ServiceState;
}

/**
 * The inputs a refresh reports: the service's live fields, so that the next
 * `preview --diff` compares the program with what is really there.
 */
export function inputsOf(state: ServiceState): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of WRITABLE_FIELDS) if (state[field] !== undefined) inputs[field] = state[field];
  inputs.projectId = state.projectId;
  if (state.adopt !== undefined) inputs.adopt = state.adopt;
  return inputs;
}
