import type { SinchFaxClient } from "../../client/client";
import type { Service } from "../../client/schemas";
import { currentSettings } from "../../core/runtime";
import { handoffStep } from "./handoff";

/** How a wait for another service to take over the default ended. */
export interface HandoffOutcome {
  /** The service as last seen; undefined when it no longer exists. */
  service?: Service;
  timedOut: boolean;
  waitedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, bounded, for the service to stop being the project's default because
 * another service was promoted (in this deployment, typically). Looks with GET
 * every poll interval; makes no call when `latest` already shows it handed over.
 */
export async function waitForHandoff(client: SinchFaxClient, id: string, latest?: Service): Promise<HandoffOutcome> {
  const { handoffTimeoutMs, handoffPollMs } = currentSettings();
  const started = Date.now();
  let service: Service | undefined = latest ?? (await client.findService(id));
  for (;;) {
    if (!service) return { timedOut: false, waitedMs: Date.now() - started };
    const waited = Date.now() - started;
    const step = handoffStep(service.defaultForProject, waited, handoffTimeoutMs);
    if (step !== "wait") return { service, timedOut: step === "timed-out", waitedMs: waited };
    await sleep(Math.min(handoffPollMs, handoffTimeoutMs - waited));
    service = await client.findService(id);
  }
}
