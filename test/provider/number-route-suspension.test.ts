import type { Emulator } from "../../emulator";
import { configureRuntime, resetRuntime } from "../../provider/core/runtime";
import * as route from "../../provider/resources/number-route/lifecycle";
import { routeInputs as inputs, withRoutableNumbers } from "../helpers/routes";

// FaxNumberRoute: which calls of the suspend endpoint an operation makes (none when nothing changes), and the project.
let emulator: Emulator;
let serviceA: string;
let serviceB: string;
const NUMBER = "+15557770001";
const OTHER = "+15557770002";

withRoutableNumbers(
  (e, services) => {
    emulator = e;
    serviceA = services.a;
    serviceB = services.b;
  },
  [NUMBER, OTHER],
);

/** The writes since the log was last cleared: `operation` and, for a suspension, its service (A or B) and body. */
const writes = () =>
  emulator.requests
    .filter((r) => r.method !== "GET")
    .map((r) => (r.operation === "suspend" ? `suspend ${r.path.includes(serviceA) ? "A" : "B"} ${JSON.stringify(r.body)}` : r.operation));
const fresh = () => {
  emulator.requests = [];
};

describe("FaxNumberRoute's calls of the suspend endpoint", () => {
  test("create, move and destroy of a number never suspended make no suspend call", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    expect(writes()).toEqual(["numbers-update"]);
    fresh();
    const moved = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB }));
    expect(writes()).toEqual(["numbers-update"]);
    fresh();
    await route.remove(id, moved.outs);
    expect(writes()).toEqual(["numbers-update"]);
  });

  test("a new note on a suspended number is one suspend call with it; the same inputs again make no call", async () => {
    const declared = { phoneNumber: NUMBER, serviceId: serviceA, suspended: true, suspendNote: "paused" };
    const { id, outs } = await route.create(await inputs(declared));
    fresh();
    const renoted = await route.update(id, outs, await inputs({ ...declared, suspendNote: "audit" }));
    expect(writes()).toEqual(['suspend A {"suspended":true,"note":"audit"}']);
    expect(renoted.outs).toMatchObject({ suspended: true, suspendNote: "audit" });
    fresh();
    await route.update(id, renoted.outs, await inputs({ ...declared, suspendNote: "audit" }));
    expect(writes()).toEqual([]);
  });

  test("destroy of a suspended number lifts the suspension, then puts the route back", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true }));
    fresh();
    await route.remove(id, outs);
    expect(writes()).toEqual(['suspend A {"suspended":false}', "numbers-update"]);
  });

  test("a suspended number moved to another service by hand: lifting its suspension there is nothing to do", async () => {
    const declared = { phoneNumber: NUMBER, serviceId: serviceA, suspended: true };
    const { id, outs } = await route.create(await inputs(declared));
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: serviceB } });
    const moved = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB }));
    expect(moved.outs).toMatchObject({ serviceId: serviceB, suspended: false });
    const again = await route.create(await inputs(declared));
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: serviceB } });
    fresh();
    await route.remove(id, again.outs);
    // Its earlier route (before the second create) was service B, where it is again: nothing else to do.
    expect(writes()).toEqual(['suspend A {"suspended":false}']);
    expect(emulator.numbers.get(NUMBER)).toMatchObject({ voiceConfiguration: { type: "FAX", serviceId: serviceB } });
  });

  test("refresh reads the suspension of this number, not of another on the same service", async () => {
    const other = await route.create(await inputs({ phoneNumber: OTHER, serviceId: serviceA, suspended: true, suspendNote: "other" }));
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    expect((await route.read(other.id, other.outs)).props).toMatchObject({ suspended: true, suspendNote: "other" });
    const read = await route.read(id, outs);
    expect(read.props).toMatchObject({ suspended: false });
    expect(read.props).not.toHaveProperty("suspendNote");
    expect(read.inputs).toEqual({ phoneNumber: NUMBER, serviceId: serviceA, suspended: false, projectId: emulator.projectId });
  });

  test("a refresh of a suspended number reports its note among the inputs", async () => {
    const { id, outs } = await route.create(
      await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true, suspendNote: "paused" }),
    );
    expect((await route.read(id, outs)).inputs).toMatchObject({ suspended: true, suspendNote: "paused" });
  });
});

describe("FaxNumberRoute's project and diff", () => {
  test("a projectId given wins over the configured one; with none at all, check fails naming how to set it", async () => {
    // A route in state (olds): check makes no call.
    const olds = { phoneNumber: NUMBER, serviceId: serviceA, projectId: "mine" };
    expect((await route.check(olds, { phoneNumber: NUMBER, serviceId: serviceA, projectId: "mine" })).inputs.projectId).toBe("mine");
    resetRuntime();
    configureRuntime(() => undefined);
    const { inputs, failures } = await route.check({}, { phoneNumber: NUMBER, serviceId: serviceA });
    expect(failures).toEqual([{ property: "projectId", reason: expect.stringContaining("projectId is not set on the FaxNumberRoute") }]);
    expect(inputs).not.toHaveProperty("projectId");
  });

  test("a replacement deletes the old route before making the new one (a number has one route)", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    expect(await route.diff(id, outs, await inputs({ phoneNumber: OTHER, serviceId: serviceA }))).toEqual({
      changes: true,
      replaces: ["phoneNumber"],
      diffs: ["phoneNumber"],
      deleteBeforeReplace: true,
    });
  });
});
