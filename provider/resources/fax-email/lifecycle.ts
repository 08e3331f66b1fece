import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { SinchFaxClient } from "../../client/client";
import { isSinchFaxError, isSinchHttpError } from "../../client/errors";
import type { FaxEmail } from "../../client/schemas";
import { missingProjectMessage } from "../../core/config";
import type { ResourceDiff } from "../../core/diff-result";
import { log } from "../../core/log";
import { operationError, PartialFailureError, ServiceError } from "../../core/operation-errors";
import { clientFor, currentSettings } from "../../core/runtime";
import { FAX_EMAIL_FIELDS } from "../../fields/fax-email";
import { checkFields, withTableDefaults } from "../../fields/table";
import { decideEmailDiff, type EmailInputs, type EmailState, emailId, emailInputsOf, emailStateOf, sameAddress } from "./plan";
import { findCreatedEmail } from "./reconcile";

const RESOURCE = "FaxEmail";
const IGNORED = new Set(["__provider", "createdAt", "updatedAt", "unconfirmedCreate"]);

const ALREADY_EXISTS = "it already exists, and this stack does not manage it";
const ALREADY_EXISTS_ADVICE =
  "if a run of this stack was killed while creating it, run `npx sinch-fax-recover`; otherwise delete it in Sinch or remove it from the program";

const label = (email: unknown, serviceId: unknown) => `Fax-to-email address ${JSON.stringify(email)} of service ${String(serviceId)}`;

/** Validates the inputs (no API call) and fills in the defaults and the configured project. */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: EmailInputs; failures: CheckFailure[] }> {
  const checked = checkFields(FAX_EMAIL_FIELDS, RESOURCE, news, IGNORED);
  const { failures } = checked;
  const inputs = withTableDefaults(FAX_EMAIL_FIELDS, checked.inputs);
  if (inputs.projectId === undefined) {
    const configured = currentSettings().projectId;
    if (configured) inputs.projectId = configured;
    else failures.push({ property: "projectId", reason: missingProjectMessage(RESOURCE) });
  }
  return { inputs: inputs as unknown as EmailInputs, failures };
}

/** Field-by-field comparison with state; no API call. An unconfirmed create always differs, so `up` resolves it. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<ResourceDiff> {
  const decision = decideEmailDiff(olds, news);
  if (olds.unconfirmedCreate && !decision.changes)
    return { changes: true, replaces: [], diffs: ["phoneNumbers"], deleteBeforeReplace: true };
  return { ...decision, deleteBeforeReplace: true };
}

/**
 * One POST of the address and its numbers. When its outcome is unknown, the
 * service's addresses are looked at before trying again: the address names
 * itself, so a lost answer never makes two, and a 409 after such an attempt is
 * the attempt's own address, taken when it is what was sent. When even the
 * looks fail, state records the address as an unconfirmed create under its
 * id, which the next refresh or `up` resolves.
 */
export async function create(inputs: EmailInputs): Promise<{ id: string; outs: EmailState }> {
  const client = clientFor(inputs.projectId);
  const body = { email: inputs.email, phoneNumbers: inputs.phoneNumbers };
  const startedAt = Date.now();
  // What the attempts made, if the look succeeds: `{ found }` (undefined when none); undefined when the look fails.
  const look = async (): Promise<{ found: EmailState | undefined } | undefined> => {
    try {
      const match = await findCreatedEmail(client, inputs, startedAt);
      return { found: match.kind === "found" ? emailStateOf(match.object, inputs.serviceId, inputs.projectId) : undefined };
    } catch {
      return undefined;
    }
  };
  let unknownOutcome = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const made = await client.createEmail(inputs.serviceId, body);
      return { id: emailId(inputs.serviceId, made.email), outs: emailStateOf(made, inputs.serviceId, inputs.projectId) };
    } catch (e) {
      if (isSinchHttpError(e, 409)) {
        const found = unknownOutcome ? (await look())?.found : undefined;
        if (found) return { id: emailId(inputs.serviceId, found.email), outs: found };
        throw operationError(label(inputs.email, inputs.serviceId), `${ALREADY_EXISTS} (${e.message}); ${ALREADY_EXISTS_ADVICE}`);
      }
      if (!isSinchFaxError(e) || !e.outcomeUnknown) throw operationError(label(inputs.email, inputs.serviceId), e);
      unknownOutcome = true;
      const looked = await look();
      if (looked?.found) return { id: emailId(inputs.serviceId, looked.found.email), outs: looked.found };
      if (attempt >= client.maxRetries) {
        const error = operationError(label(inputs.email, inputs.serviceId), e);
        if (looked) throw error;
        const state = {
          ...emailStateOf({ ...body }, inputs.serviceId, inputs.projectId),
          unconfirmedCreate: { startedAt: new Date(startedAt).toISOString() },
        };
        const note = "; looking for the address it may have created failed too: the next refresh or `up` looks again";
        throw new PartialFailureError(error, emailId(inputs.serviceId, inputs.email), state, inputs.__provider, note);
      }
    }
  }
}

/**
 * An unconfirmed create resolved: the address as Sinch has it when the
 * attempt made it; undefined when it made none, or the address in the way is
 * someone else's (then state drops it, and an `up` says so).
 */
async function resolveUnconfirmed(client: SinchFaxClient, props: EmailState): Promise<EmailState | undefined> {
  const since = Date.parse(props.unconfirmedCreate?.startedAt ?? "") || 0;
  const match = await findCreatedEmail(client, props, since);
  if (match.kind === "conflict") log.warn(`${label(props.email, props.serviceId)}: the create was never confirmed, and ${match.why}`);
  return match.kind === "found" ? emailStateOf(match.object, props.serviceId, props.projectId) : undefined;
}

/** Refresh: the service's addresses (all pages); an address or service gone is dropped, a changed number list is drift. */
export async function read(id: string, props: EmailState): Promise<{ id?: string; props?: EmailState; inputs?: Record<string, unknown> }> {
  try {
    const client = clientFor(props.projectId);
    if (props.unconfirmedCreate) {
      const state = await resolveUnconfirmed(client, props);
      return state ? { id, props: state, inputs: emailInputsOf(state) } : {};
    }
    const found = await find(client, props.serviceId, props.email);
    if (!found) return {};
    const state = emailStateOf(found, props.serviceId, props.projectId);
    return { id, props: state, inputs: emailInputsOf(state) };
  } catch (e) {
    if (isSinchHttpError(e, 404)) return {};
    throw operationError(label(props.email, props.serviceId), e);
  }
}

/** One PUT of the whole number list (the only change made in place); an unconfirmed create is resolved first. */
export async function update(_id: string, olds: EmailState, news: EmailInputs): Promise<{ outs: EmailState }> {
  try {
    const client = clientFor(olds.projectId);
    if (olds.unconfirmedCreate && !(await resolveUnconfirmed(client, olds))) {
      return { outs: (await create({ ...news, serviceId: olds.serviceId, email: olds.email })).outs };
    }
    const updated = await client.setEmailNumbers(olds.serviceId, olds.email, news.phoneNumbers);
    return { outs: emailStateOf(updated, olds.serviceId, olds.projectId) };
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw operationError(label(olds.email, olds.serviceId), e);
  }
}

/** One DELETE; already gone (or its service gone) is success. An unconfirmed create deletes only what it made. */
export async function remove(_id: string, props: EmailState): Promise<void> {
  try {
    const client = clientFor(props.projectId);
    if (props.unconfirmedCreate && !(await resolveUnconfirmed(client, props))) return;
    await client.deleteEmail(props.serviceId, props.email);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return;
    throw operationError(label(props.email, props.serviceId), e);
  }
}

async function find(client: SinchFaxClient, serviceId: string, email: string): Promise<FaxEmail | undefined> {
  return (await client.listEmails(serviceId)).find((e) => sameAddress(e.email, email));
}
