import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { SinchFaxClient } from "../../client/client";
import { isSinchFaxError, isSinchHttpError } from "../../client/errors";
import type { FaxEmail } from "../../client/schemas";
import { missingProjectMessage } from "../../core/config";
import type { ResourceDiff } from "../../core/diff-result";
import { operationError } from "../../core/operation-errors";
import { clientFor, currentSettings } from "../../core/runtime";
import { FAX_EMAIL_FIELDS } from "../../fields/fax-email";
import { checkFields, withTableDefaults } from "../../fields/table";
import { decideEmailDiff, type EmailInputs, type EmailState, emailId, emailInputsOf, emailStateOf, sameAddress } from "./plan";

const RESOURCE = "FaxEmail";
const IGNORED = new Set(["__provider", "createdAt", "updatedAt"]);

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

/** Field-by-field comparison with state; no API call. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<ResourceDiff> {
  return { ...decideEmailDiff(olds, news), deleteBeforeReplace: true };
}

/**
 * One POST of the address and its numbers. When its outcome is unknown, the
 * service's addresses are looked at before trying again: the address names
 * itself, so a lost answer never makes two.
 */
export async function create(inputs: EmailInputs): Promise<{ id: string; outs: EmailState }> {
  const client = clientFor(inputs.projectId);
  const body = { email: inputs.email, phoneNumbers: inputs.phoneNumbers };
  for (let attempt = 0; ; attempt++) {
    try {
      const made = await client.createEmail(inputs.serviceId, body);
      return { id: emailId(inputs.serviceId, made.email), outs: emailStateOf(made, inputs.serviceId, inputs.projectId) };
    } catch (e) {
      if (isSinchHttpError(e, 409)) {
        throw operationError(
          label(inputs.email, inputs.serviceId),
          `it already exists, and this stack does not manage it (${e.message}); delete it in Sinch or remove it from the program`,
        );
      }
      if (!isSinchFaxError(e) || !e.outcomeUnknown || attempt >= client.maxRetries)
        throw operationError(label(inputs.email, inputs.serviceId), e);
      const found = await find(client, inputs.serviceId, inputs.email).catch(() => undefined);
      if (found) return { id: emailId(inputs.serviceId, found.email), outs: emailStateOf(found, inputs.serviceId, inputs.projectId) };
    }
  }
}

/** Refresh: the service's addresses (all pages); an address or service gone is dropped, a changed number list is drift. */
export async function read(id: string, props: EmailState): Promise<{ id?: string; props?: EmailState; inputs?: Record<string, unknown> }> {
  try {
    const found = await find(clientFor(props.projectId), props.serviceId, props.email);
    if (!found) return {};
    const state = emailStateOf(found, props.serviceId, props.projectId);
    return { id, props: state, inputs: emailInputsOf(state) };
  } catch (e) {
    if (isSinchHttpError(e, 404)) return {};
    throw operationError(label(props.email, props.serviceId), e);
  }
}

/** One PUT of the whole number list (the only change made in place). */
export async function update(_id: string, olds: EmailState, news: EmailInputs): Promise<{ outs: EmailState }> {
  try {
    const updated = await clientFor(olds.projectId).setEmailNumbers(olds.serviceId, olds.email, news.phoneNumbers);
    return { outs: emailStateOf(updated, olds.serviceId, olds.projectId) };
  } catch (e) {
    throw operationError(label(olds.email, olds.serviceId), e);
  }
}

/** One DELETE; already gone (or its service gone) is success. */
export async function remove(_id: string, props: EmailState): Promise<void> {
  try {
    await clientFor(props.projectId).deleteEmail(props.serviceId, props.email);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return;
    throw operationError(label(props.email, props.serviceId), e);
  }
}

async function find(client: SinchFaxClient, serviceId: string, email: string): Promise<FaxEmail | undefined> {
  return (await client.listEmails(serviceId)).find((e) => sameAddress(e.email, email));
}
