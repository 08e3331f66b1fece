import type { SinchFaxClient } from "../../client/client";
import { isRefusal } from "../../client/errors";
import type { Service } from "../../client/schemas";
import { FaxProviderError } from "../../core/errors";
import { handoffFailureMessage } from "./handoff";
import { type HandoffOutcome, waitForHandoff } from "./handoff-wait";
import type { UpdatePlan } from "./plan";

/** A step of a plan failed (its error is `cause`); `applied` is the service after the last step that succeeded, if any did. */
export class StepFailure extends FaxProviderError {
  constructor(
    cause: unknown,
    readonly applied: Service | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** What to do when Sinch refuses to demote a default nobody took over. */
export type DemoteRefused = "fail" | "keep";

/**
 * Runs an update plan in its safe order: the PATCH of changed fields, then
 * the promotion, then the demotion, which waits for another service to take
 * over and only then (or at the end of the wait) asks the API itself.
 * Returns the service as last seen.
 */
export async function applyPlan(
  client: SinchFaxClient,
  id: string,
  plan: UpdatePlan,
  options: { latest?: Service; demoteRefused: DemoteRefused },
): Promise<Service | undefined> {
  let latest = options.latest;
  let applied: Service | undefined;
  const step = async (call: () => Promise<Service>) => {
    try {
      latest = applied = await call();
    } catch (e) {
      throw new StepFailure(e, applied);
    }
  };
  if (Object.keys(plan.patch).length > 0) await step(() => client.updateService(id, plan.patch));
  if (plan.promote) await step(() => client.updateService(id, { defaultForProject: true }));
  if (!plan.demote) return latest;

  let outcome: HandoffOutcome;
  try {
    outcome = await waitForHandoff(client, id, latest);
  } catch (e) {
    throw new StepFailure(e, applied);
  }
  if (!outcome.service) throw new StepFailure("the service was deleted while waiting for another to become the default", applied);
  latest = outcome.service;
  if (!outcome.timedOut) return latest;
  try {
    // Nobody took over: a lenient API lets the project go without a default.
    return await client.updateService(id, { defaultForProject: false });
  } catch (e) {
    if (isRefusal(e) && options.demoteRefused === "keep") return latest;
    const cause = isRefusal(e)
      ? new FaxProviderError(handoffFailureMessage("demote", outcome.waitedMs, e.sinchMessage ?? e.message), { cause: e })
      : e;
    throw new StepFailure(cause, applied);
  }
}
