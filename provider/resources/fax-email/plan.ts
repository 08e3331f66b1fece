import type { FaxEmail } from "../../client/schemas";
import { type EmailNumberInput, FAX_EMAIL_FIELDS } from "../../fields/fax-email";
import { changedFields, replacingFields } from "../../fields/table";

/** The checked inputs of a FaxEmail. */
export type EmailInputs = {
  serviceId: string;
  email: string;
  phoneNumbers: EmailNumberInput[];
  projectId: string;
  __provider?: unknown;
};

/** What state holds for a FaxEmail. */
export type EmailState = {
  serviceId: string;
  email: string;
  phoneNumbers: EmailNumberInput[];
  projectId: string;
  createdAt?: string;
  updatedAt?: string;
  /** Set while a create's outcome is unknown (its answer lost, and the look for it failed): the next refresh or `up` resolves it. */
  unconfirmedCreate?: { startedAt: string };
};

/** The resource id: the service and the address, which together name it. */
export function emailId(serviceId: string, email: string): string {
  return `${serviceId}/${email}`;
}

/** Whether two addresses are the same (email addresses compare without regard to case). */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The state of a FaxEmail from the API's view of it. */
export function emailStateOf(email: FaxEmail, serviceId: string, projectId: string): EmailState {
  const state: EmailState = {
    serviceId,
    email: email.email,
    phoneNumbers: email.phoneNumbers.map(({ number, permissions }) => ({ number, permissions })),
    projectId,
  };
  if (email.createdAt !== undefined) state.createdAt = email.createdAt;
  if (email.updatedAt !== undefined) state.updatedAt = email.updatedAt;
  return state;
}

/** The inputs a refresh reports: what is really there. */
export function emailInputsOf(state: EmailState): Record<string, unknown> {
  return { serviceId: state.serviceId, email: state.email, phoneNumbers: state.phoneNumbers, projectId: state.projectId };
}

/** What `diff` reports: a changed number list is one PUT; another address, service or project replaces the resource. */
export function decideEmailDiff(
  state: Record<string, unknown>,
  desired: Record<string, unknown>,
): { changes: boolean; replaces: string[]; diffs: string[] } {
  const replaces = replacingFields(FAX_EMAIL_FIELDS, state, desired).filter(
    (field) =>
      !(
        field === "email" &&
        typeof state.email === "string" &&
        typeof desired.email === "string" &&
        sameAddress(state.email, desired.email)
      ),
  );
  const changes = changedFields(FAX_EMAIL_FIELDS, state, desired).filter((field) => field !== "email");
  const diffs = [...new Set([...changes, ...replaces])];
  return { changes: diffs.length > 0, replaces, diffs };
}
