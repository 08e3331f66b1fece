import { isSinchFaxError, isSinchHttpError } from "../client/errors";
import { FaxProviderError } from "./errors";
import { currentSettings } from "./runtime";

/**
 * An operation on a Sinch object (a service, a fax-to-email address, a
 * number's route) failed. The message names the object, the call and Sinch's
 * message; `status` and `call` say what Sinch answered to what; `cause` is the
 * client's error. Every secret the provider knows (the key secret, webhook
 * passwords) is removed from the message; the client's errors never hold one.
 */
export class ServiceError extends FaxProviderError {
  /** Sinch's HTTP status, when Sinch answered with an error. */
  readonly status: number | undefined;
  /** The call that failed (`PATCH /v3/projects/…/services/…`), when a call failed. */
  readonly call: string | undefined;

  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.status = isSinchHttpError(cause) ? cause.status : undefined;
    this.call = isSinchFaxError(cause) ? `${cause.method} ${cause.path}` : undefined;
  }
}

/**
 * A create or update that applied some of its calls before failing. The
 * dynamic provider turns `id` and `properties` into the engine's partial
 * failure: state records what was applied and the next `up` finishes it.
 * Those properties become the resource's whole state, so they carry the
 * serialized provider too, without which refresh and destroy cannot run.
 */
export class PartialFailureError extends ServiceError {
  readonly reasons: string[];
  readonly properties: Record<string, unknown>;

  constructor(
    error: ServiceError,
    readonly id: string,
    state: object,
    provider: unknown,
    /** What was applied, added to the message. */
    note = "",
  ) {
    super(`${error.message}${note}`, error.cause);
    this.reasons = [this.message];
    this.properties = { ...state, __provider: provider };
  }
}

/** True for an error that records a partial failure. */
export function isPartialFailure(error: unknown): error is PartialFailureError {
  return error instanceof PartialFailureError;
}

/** The error of an operation: its message prefixed with what it concerns (`label`), with every secret the provider knows removed. */
// Stryker disable next-line ArrayDeclaration: a made-up default secret changes only a message that contains it
export function operationError(label: string, error: unknown, secrets: Array<string | undefined> = []): ServiceError {
  const text = error instanceof Error ? error.message : String(error);
  return new ServiceError(redact(`${label}: ${text}`, [currentSettings().keySecret, ...secrets]), error);
}

/** Replaces known secrets in a text with `[secret]`. */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join("[secret]");
  }
  return out;
}
