/**
 * What every resource provides to find what an interrupted operation made:
 * a create whose answer was lost, or one a killed run left pending. The
 * matching is the resource's own (what its create sent); the shape of the
 * answer, and the rules about time, are the same for every resource.
 */

/** Allowed difference between our clock and Sinch's when matching an object to an attempt that made it. */
export const CLOCK_SKEW_MS = 30_000;

/**
 * What an attempt made, as far as Sinch can tell:
 * - `found`: exactly one object is the attempt's (its id, and what Sinch shows of it);
 * - `none`: nothing was made (`why` says how that is known);
 * - `ambiguous`: several objects could each be it (their ids): a human decides;
 * - `conflict`: an object is in the way that the attempt did not make (`why`): a human decides.
 */
export type Match<T> =
  | { kind: "found"; id: string; object: T }
  | { kind: "none"; why: string }
  | { kind: "ambiguous"; candidates: string[]; why: string }
  | { kind: "conflict"; why: string };

/**
 * Whether an object created at `createdAt` (ISO 8601, as Sinch reports it)
 * can have been made by an attempt that started at `since` (ms): not before
 * it, give or take the clock skew. An object with no creation time could be.
 */
export function createdSince(createdAt: string | undefined, since: number): boolean {
  const created = Date.parse(createdAt ?? "");
  return Number.isNaN(created) || created >= since - CLOCK_SKEW_MS;
}
