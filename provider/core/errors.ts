/**
 * Base of the provider's own errors (the client's are `SinchFaxError`s):
 * `name` is the class's name, and the error it wraps, if any, is its `cause`.
 */
export class FaxProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** A provider setting is missing or unusable; the message says how to set it. */
export class SettingsError extends FaxProviderError {}

/** True for any error of the provider's own. */
export function isFaxProviderError(error: unknown): error is FaxProviderError {
  return error instanceof FaxProviderError;
}
