import { operationError, type ServiceError } from "../../core/operation-errors";

export { isPartialFailure, PartialFailureError, ServiceError } from "../../core/operation-errors";

/** How a service is named in messages: its name and, once known, its id. */
export function describeService(service: { id?: string | undefined; name?: unknown }): string {
  const name = typeof service.name === "string" ? `"${service.name}"` : "(unnamed)";
  return service.id ? `Fax service ${name} (${service.id})` : `Fax service ${name}`;
}

/** The error of an operation on a service: prefixed with the service, every secret the provider knows removed, the error it wraps kept as `cause`. */
export function serviceError(
  service: { id?: string | undefined; name?: unknown },
  error: unknown,
  // Stryker disable next-line ArrayDeclaration: a made-up default secret changes only a message that contains it
  secrets: Array<string | undefined> = [],
): ServiceError {
  return operationError(describeService(service), error, secrets);
}
