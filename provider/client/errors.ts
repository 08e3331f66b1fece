/** A field Sinch rejected, and why. */
export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * Base of every error the client throws. Carries the call (method and path)
 * and never a credential: paths hold only the project and service ids.
 */
export class SinchFaxError extends Error {
  /**
   * True when a request may have been applied although no answer arrived
   * (a lost response to a POST, for instance): the caller must reconcile
   * before trying again.
   */
  outcomeUnknown = false;

  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Sinch answered with an error status. */
export class SinchHttpError extends SinchFaxError {
  constructor(
    method: string,
    path: string,
    readonly status: number,
    /** Sinch's `code` (a number, or a string in older bodies). */
    readonly code: number | string | undefined,
    /** Sinch's `status` or `error` name, e.g. `INVALID_ARGUMENT`. */
    readonly statusName: string | undefined,
    /** Sinch's own message, when it sent one. */
    readonly sinchMessage: string | undefined,
    readonly fieldViolations: FieldViolation[],
  ) {
    super(describeHttp(method, path, status, statusName, sinchMessage, fieldViolations), method, path);
  }
}

/** The request failed on the network (refused, reset, closed without a response). */
export class SinchNetworkError extends SinchFaxError {
  constructor(
    method: string,
    path: string,
    /** The system error code, e.g. `ECONNRESET`. */
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`${method} ${path} failed on the network: ${detail}`, method, path);
  }
}

/** No response arrived within the per-request timeout. */
export class SinchTimeoutError extends SinchFaxError {
  constructor(
    method: string,
    path: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${path} timed out after ${timeoutMs} ms`, method, path);
  }
}

/** A successful response whose body is not what the API documents. */
export class SinchResponseError extends SinchFaxError {
  constructor(
    method: string,
    path: string,
    readonly status: number,
    readonly problems: string[],
  ) {
    super(`${method} ${path} returned ${status} with an unexpected body: ${problems.join("; ")}`, method, path);
  }
}

function describeHttp(
  method: string,
  path: string,
  status: number,
  statusName: string | undefined,
  sinchMessage: string | undefined,
  violations: FieldViolation[],
): string {
  let text = `${method} ${path} failed with HTTP ${status}`;
  if (statusName) text += ` ${statusName}`;
  if (sinchMessage) text += `: ${sinchMessage}`;
  if (violations.length > 0) {
    text += ` (${violations.map((v) => `${v.field}: ${v.description}`).join("; ")})`;
  }
  return text;
}
