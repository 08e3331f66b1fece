import type { Service } from "../client/schemas";
import { type GivenInputs, withDefaults } from "../resources/fax-service/fields";
import { createBody, createdCandidates } from "../resources/fax-service/plan";

/**
 * A create that an interrupted or failed run left unresolved: a pending
 * create recorded in the stack's state (the CLI was killed mid-`up`), or a
 * resource under a placeholder id (its POST's outcome could not be confirmed).
 */
export interface InterruptedCreate {
  urn: string;
  kind: "pending" | "unconfirmed";
  projectId: string;
  /** The create's checked inputs, as state records them (secrets decrypted). */
  inputs: Record<string, unknown>;
  /** The earliest the attempt can have started (ms); 0 when nothing bounds it. */
  since: number;
}

/** What recovery does with one interrupted create (`urn`, `kind` and `since` as in {@link InterruptedCreate}). */
export type Recovery = Pick<InterruptedCreate, "urn" | "kind" | "since"> &
  ({ action: "manage"; serviceId: string } | { action: "drop"; why: string } | { action: "ambiguous"; candidates: string[] });

/**
 * Decides, for each interrupted create, which service it made. An attempt is
 * matched only when exactly one service could be its own (the fields it sent,
 * created after it could have started, managed by no resource of the stack)
 * and no other attempt could claim that service too. Anything less certain is
 * `ambiguous`: listed with its candidates, never taken or deleted. An attempt
 * with no candidate made nothing: its record is dropped and the next `up`
 * creates it. An interrupted adoption created nothing either: the next `up`
 * adopts again.
 */
export function planRecovery(
  attempts: readonly InterruptedCreate[],
  servicesByProject: ReadonlyMap<string, readonly Service[]>,
  managedIds: ReadonlySet<string>,
): Recovery[] {
  const withCandidates = attempts.map((attempt) => ({
    attempt,
    ids:
      attempt.inputs.adopt !== undefined
        ? []
        : createdCandidates(
            servicesByProject.get(attempt.projectId) ?? [],
            // Earlier releases kept the defaults among the inputs in state; later ones leave them out.
            createBody(withDefaults(attempt.inputs as GivenInputs)),
            attempt.since,
            managedIds,
            {
              anyDefault: true,
            },
          ).map((s) => s.id),
  }));
  const claims = new Map<string, number>();
  for (const { ids } of withCandidates) for (const id of ids) claims.set(id, (claims.get(id) ?? 0) + 1);
  return withCandidates.map(({ attempt: a, ids }): Recovery => {
    const base = { urn: a.urn, kind: a.kind, since: a.since };
    const [only, ...others] = ids;
    if (a.inputs.adopt !== undefined) return { ...base, action: "drop", why: "an interrupted adoption; the next `pulumi up` adopts again" };
    if (only === undefined) return { ...base, action: "drop", why: "no service was created; the next `pulumi up` creates it" };
    if (others.length === 0 && claims.get(only) === 1) return { ...base, action: "manage", serviceId: only };
    return { ...base, action: "ambiguous", candidates: ids };
  });
}
