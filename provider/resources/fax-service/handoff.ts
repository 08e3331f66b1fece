/** Where a handoff of the project's default stands after one look at the service. */
export type HandoffStep = "handed-over" | "wait" | "timed-out";

/**
 * A service that must stop being the project's default waits for another to
 * be promoted (the API demotes it then): done once it is no longer the
 * default, waiting until the deadline, then out of time.
 */
export function handoffStep(stillDefault: boolean, elapsedMs: number, timeoutMs: number): HandoffStep {
  if (!stillDefault) return "handed-over";
  return elapsedMs < timeoutMs ? "wait" : "timed-out";
}

/** What was being done when the handoff ran out of time. */
export type HandoffPurpose = "demote" | "delete";

/**
 * The error when Sinch refuses to leave the project without a default; it
 * names the ways out. The caller prefixes the service it concerns.
 */
export function handoffFailureMessage(purpose: HandoffPurpose, waitedMs: number, sinchMessage: string): string {
  const waited = `${Math.round(waitedMs / 1000)}s`;
  const action = purpose === "demote" ? "stop being" : "be deleted while it is";
  return (
    `it cannot ${action} the project's default service: no other service was promoted within ${waited}, ` +
    `and Sinch requires a default (${sinchMessage}). Ways out: set defaultForProject: true on another FaxService ` +
    "in this stack and run `pulumi up`; or promote another service in the Sinch dashboard and retry; " +
    (purpose === "demote"
      ? "or keep defaultForProject: true on this service."
      : "or remove it from the stack without deleting it: `pulumi state delete <urn>`.") +
    " The wait is set by sinch:defaultHandoffTimeout (or SINCH_DEFAULT_HANDOFF_TIMEOUT), in seconds."
  );
}
