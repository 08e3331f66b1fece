import type { Emulator } from "../../emulator";
import * as route from "../../provider/resources/number-route/lifecycle";
import type { RouteInputs } from "../../provider/resources/number-route/plan";
import { withEmulator } from "./provider";

/**
 * The FaxNumberRoute tests' starting point, before each test: a fresh
 * emulator provisioning routes in 100 ms, two services (A and B), and the
 * given numbers routed elsewhere (RTC, app-1), all handed to `use`. The
 * provider waits at most 5 s for a route (`extra` adds or overrides settings).
 */
export function withRoutableNumbers(
  use: (emulator: Emulator, services: { a: string; b: string }) => void,
  numbers: readonly string[],
  extra: Record<string, string> = {},
): void {
  let emulator: Emulator | undefined;
  withEmulator(
    (e) => {
      emulator = e;
    },
    { provisioningDelayMs: 100 },
    { "sinch:numberRoutingTimeout": "5", ...extra },
  );
  beforeEach(() => {
    const e = emulator as Emulator;
    const a = e.store.createService(e.projectId, { name: "A" }, "seed").id;
    const b = e.store.createService(e.projectId, { name: "B" }, "seed").id;
    for (const phoneNumber of numbers) e.numbers.seed({ phoneNumber, voiceConfiguration: { type: "RTC", appId: "app-1" } });
    use(e, { a, b });
  });
}

/**
 * A FaxNumberRoute's checked inputs; any check failure fails the test. `olds`
 * are the inputs in state, as the engine passes them for a route that exists
 * (none for a route to create: check then records the number's route).
 */
export async function routeInputs(news: Record<string, unknown>, olds: Record<string, unknown> = {}): Promise<RouteInputs> {
  const { inputs, failures } = await route.check(olds, news);
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
}
