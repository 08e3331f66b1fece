import type { CheckedInputs, ServiceState } from "./fields";

/**
 * A create whose outcome could not be confirmed: the POST's answer was lost
 * and the lookup that should have found its service failed too. State keeps
 * the resource under a placeholder id with the attempt's start, so no later
 * run creates a second service; `sinch-fax-recover` resolves it.
 */
const PREFIX = "unconfirmed-";

/** A placeholder id for a create attempt that started at `startedAt`. */
export function unconfirmedId(startedAt: number): string {
  return `${PREFIX}${startedAt}-${Math.random().toString(36).slice(2, 8)}`;
}

/** True for a placeholder id of an unconfirmed create. */
export function isUnconfirmed(id: string | undefined): boolean {
  return typeof id === "string" && id.startsWith(PREFIX);
}

/** What state records for an unconfirmed create: the declared fields (no cover page exists yet) and when the attempt started. */
export function unconfirmedState(inputs: CheckedInputs, startedAt: number): ServiceState {
  const { adopt: _adopt, coverPages: _pages, coverPage: _page, ...fields } = inputs;
  return { ...fields, numbers: [], adopted: false, unconfirmedCreate: { startedAt: new Date(startedAt).toISOString() } };
}

/** The message that tells a user how to resolve an unconfirmed create. */
export const RECOVER_ADVICE =
  "Run `npx sinch-fax-recover` in the program's folder (with the same stack selected): it finds the service " +
  "the attempt created and brings it under management, or drops the record when none was created. " +
  "Until then, `pulumi up` refuses to touch this resource rather than create a duplicate.";
