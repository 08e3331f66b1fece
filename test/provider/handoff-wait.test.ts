import type { Emulator } from "../../emulator";
import { clientFor } from "../../provider/core/runtime";
import * as lifecycle from "../../provider/resources/fax-service";
import { waitForHandoff } from "../../provider/resources/fax-service/handoff-wait";
import { created, withEmulator } from "../helpers/provider";

// The wait for another service to take over the project's default, when the service itself is gone.
let emulator: Emulator;
// Lenient: the emulator lets a default be deleted by hand.
withEmulator(
  (e) => {
    emulator = e;
  },
  { defaultPolicy: "lenient" },
);

describe("waiting for a handoff of the default", () => {
  test("a service that is gone has nothing to hand over: the wait ends at once, not timed out", async () => {
    const outcome = await waitForHandoff(clientFor(emulator.projectId), "01ARZ3NDEKTSV4RRFFQ69G5FAV");
    expect(outcome).toEqual({ timedOut: false, waitedMs: expect.any(Number) });
    expect(outcome.waitedMs).toBeGreaterThanOrEqual(0);
    // Well under the handoff timeout (1.5 s in these tests): it did not wait.
    expect(outcome.waitedMs).toBeLessThan(1500);
  });

  test("destroy of a default service deleted by hand is done after one look", async () => {
    const { id, outs } = await created({ name: "A", defaultForProject: true });
    emulator.store.deleteService(emulator.projectId, emulator.store.getService(emulator.projectId, id)!, "by hand");
    emulator.requests = [];
    await lifecycle.remove(id, outs);
    expect(emulator.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});
