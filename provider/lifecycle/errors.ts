import { currentSettings } from "../runtime";
import type { ServiceState } from "../model/fields";

/**
 * A create or update that applied some of its calls before failing. The
 * dynamic provider turns `id` and `properties` into the engine's partial
 * failure: state records what was applied and the next `up` finishes it.
 * Those properties become the resource's whole state, so they carry the
 * serialized provider too, without which refresh and destroy cannot run.
 */
export class PartialFailureError extends Error {
  readonly reasons: string[];
  readonly properties: Record<string, unknown>;

  constructor(
    message: string,
    readonly id: string,
    state: ServiceState,
    provider: unknown,
  ) {
    super(message);
    this.name = "PartialFailureError";
    this.reasons = [message];
    this.properties = { ...state, __provider: provider };
  }
}

/** How a service is named in messages: its name and, once known, its id. */
export function describeService(service: { id?: string; name?: unknown }): string {
  const name = typeof service.name === "string" ? `"${service.name}"` : "(unnamed)";
  return service.id ? `Fax service ${name} (${service.id})` : `Fax service ${name}`;
}

/**
 * Prefixes an error with the service it concerns, and removes every secret
 * the provider knows (the key secret, webhook passwords) from its text.
 */
export function serviceError(
  service: { id?: string; name?: unknown },
  error: unknown,
  secrets: Array<string | undefined> = [],
): Error {
  const message = `${describeService(service)}: ${(error as Error)?.message ?? String(error)}`;
  const wrapped = new Error(redact(message, secrets));
  wrapped.name = (error as Error)?.name ?? "Error";
  return wrapped;
}

/** Replaces known secrets in a text with `[secret]`. */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
  let out = text;
  for (const secret of [currentSettings().keySecret, ...secrets]) {
    if (secret && secret.length >= 3) out = out.split(secret).join("[secret]");
  }
  return out;
}
