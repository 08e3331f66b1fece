/** A field Sinch rejected, and why. */
export interface FieldViolation {
  field: string;
  description: string;
}

/** What every client error knows about its call. */
export interface CallFailure {
  method: string;
  /** The path called: it holds only project and service ids, never a credential. */
  path: string;
  /**
   * True when the request may have been applied although no answer arrived
   * (a lost response to a POST, for instance): the caller must reconcile
   * before trying again.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/** Base of every error the client throws. `name` is the class's name. */
export class SinchFaxError extends Error {
  readonly method: string;
  readonly path: string;
  /** See {@link CallFailure.outcomeUnknown}. */
  readonly outcomeUnknown: boolean;

  constructor(message: string, failure: CallFailure) {
    super(message, failure.cause === undefined ? undefined : { cause: failure.cause });
    this.name = new.target.name;
    this.method = failure.method;
    this.path = failure.path;
    this.outcomeUnknown = failure.outcomeUnknown ?? false;
  }
}

/** What Sinch answered with an error status. */
export interface HttpFailure extends CallFailure {
  status: number;
  /** Sinch's `code` (a number, or a string in older bodies). */
  code?: number | string | undefined;
  /** Sinch's `status` or `error` name, e.g. `INVALID_ARGUMENT`. */
  statusName?: string | undefined;
  /** Sinch's own message, when it sent one. */
  sinchMessage?: string | undefined;
  fieldViolations?: FieldViolation[] | undefined;
}

/** Sinch answered with an error status. */
export class SinchHttpError extends SinchFaxError {
  readonly status: number;
  readonly code: number | string | undefined;
  readonly statusName: string | undefined;
  readonly sinchMessage: string | undefined;
  readonly fieldViolations: FieldViolation[];

  constructor(failure: HttpFailure) {
    super(describeHttp(failure), failure);
    this.status = failure.status;
    this.code = failure.code;
    this.statusName = failure.statusName;
    this.sinchMessage = failure.sinchMessage;
    this.fieldViolations = failure.fieldViolations ?? [];
  }
}

/** The request failed on the network (refused, reset, closed without a response). */
export class SinchNetworkError extends SinchFaxError {
  /** The system error code, e.g. `ECONNRESET`. */
  readonly code: string | undefined;

  constructor(failure: CallFailure & { code?: string | undefined; detail: string }) {
    super(`${failure.method} ${failure.path} failed on the network: ${failure.detail}`, failure);
    this.code = failure.code;
  }
}

/** No response arrived within the per-request timeout. */
export class SinchTimeoutError extends SinchFaxError {
  readonly timeoutMs: number;

  constructor(failure: CallFailure & { timeoutMs: number }) {
    super(`${failure.method} ${failure.path} timed out after ${failure.timeoutMs} ms`, failure);
    this.timeoutMs = failure.timeoutMs;
  }
}

/** A successful response whose body is not what the API documents. */
export class SinchResponseError extends SinchFaxError {
  readonly status: number;
  readonly problems: string[];

  constructor(failure: CallFailure & { status: number; problems: string[] }) {
    super(`${failure.method} ${failure.path} returned ${failure.status} with an unexpected body: ${failure.problems.join("; ")}`, failure);
    this.status = failure.status;
    this.problems = failure.problems;
  }
}

/** True for any error of this client. */
export function isSinchFaxError(error: unknown): error is SinchFaxError {
  return error instanceof SinchFaxError;
}

/** True for an error status from Sinch (of `status`, when given). */
export function isSinchHttpError(error: unknown, status?: number): error is SinchHttpError {
  return error instanceof SinchHttpError && (status === undefined || error.status === status);
}

/** True for Sinch refusing a request on its merits: a 4xx other than 401, 404 and 429. */
export function isRefusal(error: unknown): error is SinchHttpError {
  return isSinchHttpError(error) && error.status >= 400 && error.status < 500 && ![401, 404, 429].includes(error.status);
}

// A URL's basic-auth password, in any scheme.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*):[^/@\s]+@/gi;

/**
 * Removes credentials from a text the API sent (Sinch may quote a request
 * back): every URL password becomes `***`, and the key secret `[secret]`.
 */
export function withoutCredentials(text: string, keySecret: string): string {
  const masked = text.replace(URL_PASSWORD, "$1:***@");
  return keySecret.length >= 3 ? masked.split(keySecret).join("[secret]") : masked;
}

function describeHttp(failure: HttpFailure): string {
  let text = `${failure.method} ${failure.path} failed with HTTP ${failure.status}`;
  if (failure.statusName) text += ` ${failure.statusName}`;
  if (failure.sinchMessage) text += `: ${failure.sinchMessage}`;
  const violations = failure.fieldViolations ?? [];
  if (violations.length > 0) text += ` (${violations.map((v) => `${v.field}: ${v.description}`).join("; ")})`;
  return text;
}
