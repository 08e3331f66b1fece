/** What Sinch shows instead of a webhook's basic-auth password. */
export const MASK = "***";

// Any scheme, so even a URL the API would refuse never shows its password in a message.
const CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):([^/@]*)@/i;

/** True when a webhook URL carries a basic-auth password (`https://user:pass@…`). */
export function hasCredentials(url: string): boolean {
  const match = CREDENTIALS.exec(url);
  return match !== null && match[2] !== "";
}

/** The URL as Sinch shows it on every read: the password replaced by `***`. */
export function maskWebhook(url: string): string {
  return url.replace(CREDENTIALS, (_all, userPart: string, password: string) =>
    password === "" ? `${userPart}:@` : `${userPart}:${MASK}@`,
  );
}

/** The password of a webhook URL, if it has one (so messages can redact it). */
export function webhookPassword(url: unknown): string | undefined {
  return typeof url === "string" ? CREDENTIALS.exec(url)?.[2] || undefined : undefined;
}

/** True when the URL's password is Sinch's mask, i.e. it was read back from the API. */
export function isMasked(url: string): boolean {
  return CREDENTIALS.exec(url)?.[2] === MASK;
}

/**
 * Whether a webhook URL in state matches the one desired. A masked URL read
 * back from the API matches the unmasked one the user gave, since Sinch never
 * reveals the password; two unmasked URLs must be equal. A masked URL the
 * program does not declare (an imported or adopted service's) is no change
 * either: the provider cannot read it back in full, so it never clears it on
 * its own; the program declares it (as a secret) to manage it.
 */
export function sameWebhook(current: string | undefined, desired: string | undefined): boolean {
  if (current === desired) return true;
  if (desired === undefined) return current !== undefined && isMasked(current);
  // Stryker disable next-line ConditionalExpression: isMasked(undefined) is false as well; the test narrows the type
  if (current === undefined) return false;
  return isMasked(current) && current === maskWebhook(desired);
}

/**
 * The webhook URL to keep in state after talking to the API: the user's full
 * URL (a secret in state) while the API's masked form still matches it, else
 * what the API reports.
 */
export function webhookForState(fromApi: string | undefined, known: string | undefined): string | undefined {
  if (known === undefined) return fromApi;
  // Equal to the masked form of the known URL, or to the known URL itself when it has no password.
  return fromApi === maskWebhook(known) ? known : fromApi;
}
