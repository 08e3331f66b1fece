import type { SinchFaxClient } from "../../client/client";
import { isSinchHttpError } from "../../client/errors";
import type { FaxEmail } from "../../client/schemas";
import { createdSince, type Match } from "../../core/reconcile";
import { sameNumbers } from "../../fields/fax-email";
import { emailId, sameAddress } from "./plan";

/** What a create of an address sends: the address and its numbers. */
export interface SentEmail {
  serviceId: string;
  email: string;
  phoneNumbers: unknown;
}

/**
 * Which of a service's addresses a create that started at `since` made. An
 * address names itself, so there is at most one: it is the attempt's when it
 * has the numbers sent and was created after the attempt began; one that
 * differs, or is older, is in the way (someone else's), never taken.
 */
export function matchCreatedEmail(addresses: readonly FaxEmail[], sent: SentEmail, since: number): Match<FaxEmail> {
  const address = addresses.find((a) => sameAddress(a.email, sent.email));
  if (!address) return { kind: "none", why: `the service has no address ${sent.email}` };
  const id = emailId(sent.serviceId, address.email);
  if (!createdSince(address.createdAt, since)) {
    return { kind: "conflict", why: `${address.email} existed before the run (created ${address.createdAt}); it is not this stack's` };
  }
  if (!sameNumbers(address.phoneNumbers, sent.phoneNumbers)) {
    return { kind: "conflict", why: `${address.email} exists with other numbers than the create sent; it may be someone else's` };
  }
  return { kind: "found", id, object: address };
}

/** Looks at the service's addresses (all pages) for what a create made; a service that is gone made none. */
export async function findCreatedEmail(client: SinchFaxClient, sent: SentEmail, since: number): Promise<Match<FaxEmail>> {
  try {
    return matchCreatedEmail(await client.listEmails(sent.serviceId), sent, since);
  } catch (e) {
    if (isSinchHttpError(e, 404)) return { kind: "none", why: `service ${sent.serviceId} no longer exists` };
    throw e;
  }
}
