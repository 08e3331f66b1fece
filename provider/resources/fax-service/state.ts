import type { Service, ServicePhoneNumber } from "../../client/schemas";
import { webhookForState } from "../../fields/webhook";
import { type CoverPageState, DEFAULTS, type DesiredFields, type NumberState, type ServiceState, WRITABLE_FIELDS } from "./fields";

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
  originalPageIds?: string[] | undefined;
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
  if (extras.originalPageIds !== undefined) state.originalPageIds = extras.originalPageIds;
  return state as ServiceState;
}

/**
 * A state with the stack's cover pages as they now exist, and the declared
 * page the service stamps (none: both keys absent).
 */
export function withPages(state: ServiceState, pages: readonly CoverPageState[], stamp: string | undefined): ServiceState {
  const out: ServiceState = { ...state };
  delete out.coverPages;
  delete out.coverPage;
  if (pages.length > 0) out.coverPages = [...pages];
  if (stamp !== undefined && pages.length > 0) out.coverPage = stamp;
  return out;
}

/** True when the pages differ from those state recorded (by id). */
export function pagesMoved(before: readonly CoverPageState[] = [], after: readonly CoverPageState[]): boolean {
  const ids = (pages: readonly CoverPageState[]) => pages.map((p) => p.id).sort();
  const [was, now] = [ids(before), ids(after)];
  return was.length !== now.length || was.some((id, i) => id !== now[i]);
}

/**
 * The inputs a refresh (or an import) reports: the service's live fields, so
 * that the next `preview --diff` compares the program with what is really
 * there. A field at its default is left out, as `check` leaves it out.
 */
export function inputsOf(state: ServiceState): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = DEFAULTS;
  for (const field of WRITABLE_FIELDS) if (state[field] !== undefined && state[field] !== defaults[field]) inputs[field] = state[field];
  if (state.coverPages && state.coverPages.length > 0) inputs.coverPages = state.coverPages.map(({ name, file }) => ({ name, file }));
  if (state.coverPage !== undefined) {
    inputs.coverPage = state.coverPage;
    delete inputs.coverPageId; // set through coverPage
  }
  inputs.projectId = state.projectId;
  if (state.adopt !== undefined) inputs.adopt = state.adopt;
  return inputs;
}
