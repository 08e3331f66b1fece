import type { NumbersClient, VoiceRoute } from "../../client/numbers";
import type { ActiveNumber } from "../../client/schemas";
import { log } from "../../core/log";
import { currentSettings } from "../../core/runtime";
import { type RoutingStep, routingStep } from "./plan";

/** How a wait for a number's route ended, and the number as last seen. */
export interface RoutingOutcome {
  step: RoutingStep | "timed-out";
  number: ActiveNumber;
  waitedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How often progress reaches the engine's log. */
const PROGRESS_EVERY_MS = 5_000;
/** The first look comes sooner than the poll interval: a provisioning can be done almost at once. */
const FIRST_LOOK_MS = 100;

/**
 * Waits, bounded by `sinch:numberRoutingTimeout`, for Sinch to provision a
 * number's new route: looks with GET after 100 ms, then every poll interval,
 * and says where it stands in the engine's log every few seconds.
 */
export async function waitForRoute(
  numbers: NumbersClient,
  latest: ActiveNumber,
  target: VoiceRoute,
  what: string,
): Promise<RoutingOutcome> {
  const { routingTimeoutMs, routingPollMs } = currentSettings();
  const started = Date.now();
  let reported = started;
  let number = latest;
  for (;;) {
    const step = routingStep(number, target);
    const waitedMs = Date.now() - started;
    if (step !== "waiting") return { step, number, waitedMs };
    if (waitedMs >= routingTimeoutMs) return { step: "timed-out", number, waitedMs };
    if (Date.now() - reported >= PROGRESS_EVERY_MS) {
      // Stryker disable next-line OptionalChaining: a number still waiting has a voice configuration with a provisioning scheduled
      const status = number.voiceConfiguration?.scheduledVoiceProvisioning?.status ?? "WAITING";
      log.info(`${what}: Sinch is provisioning it (${status}, ${Math.round(waitedMs / 1000)}s)`);
      reported = Date.now();
    }
    await sleep(Math.min(number === latest ? FIRST_LOOK_MS : routingPollMs, routingTimeoutMs - waitedMs));
    number = await numbers.getActiveNumber(number.phoneNumber);
  }
}
