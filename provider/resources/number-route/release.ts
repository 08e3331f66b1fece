import type { SinchFaxClient } from "../../client/client";
import type { VoiceRoute } from "../../client/numbers";
import type { ActiveNumber } from "../../client/schemas";
import { FaxProviderError } from "../../core/errors";
import { log } from "../../core/log";
import { type RouteState, sameRoute, settledRoute, UNROUTED } from "./plan";
import { waitForRoute } from "./wait";

/**
 * What destroy does with a number, from where it is and where it is going:
 * - `done`: it is on its earlier route already (a failed provisioning left it there, say);
 * - `wait`: a provisioning back to its earlier route is under way (a destroy killed, or timed out): wait for it;
 * - `send`: it is on the stack's route (or being provisioned to it): PATCH the earlier route back,
 *   after the stack's own provisioning still under way (`settleFirst`), which the PATCH would race;
 * - `leave`: it was routed elsewhere since the stack routed it (by hand, or by another stack): that
 *   route is someone's newer choice, so destroy leaves it and says so rather than overwrite it.
 */
export type RouteBack =
  | { kind: "done" }
  | { kind: "wait" }
  | { kind: "send"; settleFirst: VoiceRoute | undefined }
  | { kind: "leave"; current: VoiceRoute };

export function planRouteBack(number: ActiveNumber, props: RouteState): RouteBack {
  const original = props.originalRoute ?? UNROUTED;
  const scheduled = number.voiceConfiguration?.scheduledVoiceProvisioning;
  const pending = scheduled && scheduled.status !== "FAILED" ? settledRoute({ ...scheduled }) : undefined;
  const heading = pending ?? settledRoute(number.voiceConfiguration);
  if (sameRoute(heading, original)) return pending ? { kind: "wait" } : { kind: "done" };
  const ours: VoiceRoute | undefined = props.serviceId ? { type: "FAX", serviceId: props.serviceId } : undefined;
  if (ours && sameRoute(heading, ours)) return { kind: "send", settleFirst: pending };
  return { kind: "leave", current: heading };
}

/** A route as messages show it. */
export function describeRoute(route: VoiceRoute): string {
  if (route.type === "FAX") return `FAX ${route.serviceId}`;
  if (route.type === "EST") return `EST ${route.trunkId}`;
  return route.appId ? `RTC ${route.appId}` : "(none)";
}

/**
 * Puts the number's earlier route back, by the plan above. An earlier route
 * to a fax service that no longer exists (deleted by hand, or another stack's)
 * cannot be put back, and Sinch would refuse it on every try: the number is
 * unrouted instead, and the log names the lost service.
 */
export async function routeBack(client: SinchFaxClient, props: RouteState, number: ActiveNumber, what: string): Promise<void> {
  const plan = planRouteBack(number, props);
  // Stryker disable next-line ConditionalExpression,StringLiteral: a number done already ends the wait below at its first look, with no call
  if (plan.kind === "done") return;
  let target = props.originalRoute ?? UNROUTED;
  if (plan.kind === "leave") {
    log.warn(
      `${what}: routed to ${describeRoute(plan.current)} since this stack routed it; left there (its route before the stack, ${describeRoute(target)}, is not put back)`,
    );
    return;
  }
  let latest = number;
  if (plan.kind === "send") {
    if (plan.settleFirst) latest = (await waitForRoute(client.numbers, latest, plan.settleFirst, `${what}, before it goes back`)).number;
    if (target.type === "FAX" && !(await client.findService(target.serviceId))) {
      log.warn(`${what}: its route before this stack, fax service ${target.serviceId}, no longer exists; the number is left unrouted`);
      target = UNROUTED;
    }
    latest = await client.numbers.routeVoice(props.phoneNumber, target);
  }
  const outcome = await waitForRoute(client.numbers, latest, target, `${what}, back to its earlier route`);
  if (outcome.step !== "done") {
    throw new FaxProviderError(
      `putting back its earlier route ${describeRoute(target)} ended ${outcome.step} after ${Math.round(outcome.waitedMs / 1000)}s; run destroy again`,
    );
  }
}
