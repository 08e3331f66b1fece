import type { Emulator } from "../../emulator";
import { isPartialFailure } from "../../provider";
import * as route from "../../provider/resources/number-route/lifecycle";
import type { RouteState } from "../../provider/resources/number-route/plan";
import { calls, configureFor } from "../helpers/provider";
import { routeInputs as inputs, withRoutableNumbers } from "../helpers/routes";

let emulator: Emulator;
let serviceA: string;
let serviceB: string;
const NUMBER = "+15557770001";

withRoutableNumbers(
  (e, services) => {
    emulator = e;
    serviceA = services.a;
    serviceB = services.b;
  },
  [NUMBER],
);

const faxNumbersOf = (serviceId: string) => emulator.store.listNumbers(emulator.projectId, serviceId).map((n) => n.phoneNumber);
const voiceOf = () => (emulator.numbers.get(NUMBER) as { voiceConfiguration: Record<string, unknown> }).voiceConfiguration;

describe("FaxNumberRoute against the emulator", () => {
  test("create records the earlier route, routes the number, waits for provisioning; the service lists it", async () => {
    const checked = await inputs({ phoneNumber: NUMBER, serviceId: serviceA });
    emulator.requests = [];
    const { id, outs } = await route.create(checked);
    expect(id).toBe(NUMBER);
    expect(outs).toEqual({
      phoneNumber: NUMBER,
      serviceId: serviceA,
      suspended: false,
      projectId: emulator.projectId,
      originalRoute: { type: "RTC", appId: "app-1" },
    });
    expect(calls(emulator).slice(0, 2)).toEqual(["GET numbers-get", "PATCH numbers-update"]);
    expect(emulator.requests[1]!.body).toEqual({ voiceConfiguration: { type: "FAX", serviceId: serviceA } });
    expect(voiceOf()).toMatchObject({ type: "FAX", serviceId: serviceA });
    expect(faxNumbersOf(serviceA)).toEqual([NUMBER]);
    emulator.requests = [];
    expect(await route.read(id, outs)).toMatchObject({ id, props: outs });
    expect((await route.diff(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceA }))).changes).toBe(false);
  });

  test("a move to another service is one update; destroy puts the earlier route back", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    const moved = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB }));
    expect(moved.outs.serviceId).toBe(serviceB);
    expect([faxNumbersOf(serviceA), faxNumbersOf(serviceB)]).toEqual([[], [NUMBER]]);
    await route.remove(id, moved.outs);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
    expect(voiceOf()).not.toHaveProperty("scheduledVoiceProvisioning");
    expect(faxNumbersOf(serviceB)).toEqual([]);
  });

  test("a number routed elsewhere by hand shows as drift; the next update routes it back", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: serviceB } });
    const read = await route.read(id, outs);
    expect(read.props!.serviceId).toBe(serviceB);
    const desired = await inputs({ phoneNumber: NUMBER, serviceId: serviceA });
    expect((await route.diff(id, read.props!, desired)).changes).toBe(true);
    await route.update(id, read.props!, desired);
    expect(faxNumbersOf(serviceA)).toEqual([NUMBER]);
  });

  test("suspension is declared, read back and lifted before the route is put back", async () => {
    const { id, outs } = await route.create(
      await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true, suspendNote: "paused" }),
    );
    expect(outs).toMatchObject({ suspended: true, suspendNote: "paused" });
    expect(emulator.store.listNumbers(emulator.projectId, serviceA)[0]).toMatchObject({ suspended: true, note: "paused" });
    expect((await route.read(id, outs)).props).toMatchObject({ suspended: true, suspendNote: "paused" });
    const lifted = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceA }));
    expect(lifted.outs.suspended).toBe(false);
    expect(emulator.store.listNumbers(emulator.projectId, serviceA)[0]).toMatchObject({ suspended: false });
  });

  test("moving a suspended number lifts its suspension on the old service first; a suspension alone is one call of the suspend endpoint", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true }));
    emulator.requests = [];
    const moved = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB }));
    const writes = () => emulator.requests.filter((r) => r.method !== "GET");
    expect(writes().map((r) => `${r.operation} ${r.path.includes(serviceA) ? "A" : ""}`)).toEqual(["suspend A", "numbers-update "]);
    expect(writes()[0]!.body).toEqual({ suspended: false });
    expect(moved.outs).toMatchObject({ serviceId: serviceB, suspended: false });

    emulator.requests = [];
    const paused = await route.update(
      id,
      moved.outs,
      await inputs({ phoneNumber: NUMBER, serviceId: serviceB, suspended: true, suspendNote: "audit" }),
    );
    expect(writes().map((r) => r.operation)).toEqual(["suspend"]);
    expect(writes()[0]!.body).toEqual({ suspended: true, note: "audit" });
    expect(emulator.store.listNumbers(emulator.projectId, serviceB)[0]).toMatchObject({ suspended: true, note: "audit" });

    // Put back on its earlier route by hand: destroy lifts the suspension and has nothing else to do.
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "RTC", appId: "app-1" } });
    emulator.requests = [];
    await route.remove(id, paused.outs);
    expect(writes().map((r) => r.operation)).toEqual(["suspend"]);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
  });

  test("a FAILED provisioning is an error naming the number and the service; the number keeps its route", async () => {
    emulator.numbers.setProvisioning({ failNumbers: [NUMBER] });
    const error = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA })).catch((e) => e);
    expect(error.message).toContain(`Number ${NUMBER} (to fax service ${serviceA})`);
    expect(error.message).toContain("FAILED");
    expect(isPartialFailure(error)).toBe(false);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
  });

  test("a provisioning slower than the timeout leaves state that the next update finishes", async () => {
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "0.2" });
    emulator.numbers.setProvisioning({ delayMs: 60_000 });
    const error = await route.create({ ...(await inputs({ phoneNumber: NUMBER, serviceId: serviceA })), __provider: "p" }).catch((e) => e);
    expect(isPartialFailure(error)).toBe(true);
    expect(error.message).toContain("still provisioning");
    const state = error.properties as RouteState;
    expect(state).toMatchObject({ provisioning: "pending", serviceId: serviceA, __provider: "p" });
    const desired = await inputs({ phoneNumber: NUMBER, serviceId: serviceA });
    expect((await route.diff(NUMBER, state, desired)).changes).toBe(true);
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "5" });
    emulator.requests = [];
    const finished = route.update(NUMBER, state, desired);
    setTimeout(() => emulator.numbers.completePending(), 100);
    expect((await finished).outs).not.toHaveProperty("provisioning");
    expect(calls(emulator).filter((c) => c === "PATCH numbers-update")).toEqual([]);
    expect(faxNumbersOf(serviceA)).toEqual([NUMBER]);
  });

  test("a number that is not an active number of the project fails at check (preview), naming it", async () => {
    const { failures } = await route.check({}, { phoneNumber: "+15559990000", serviceId: serviceA });
    expect(failures).toEqual([
      { property: "phoneNumber", reason: `+15559990000 is not an active number of project ${emulator.projectId}` },
    ]);
  });

  test("a number that left the project between check and create fails at create, naming it", async () => {
    const checked = await inputs({ phoneNumber: NUMBER, serviceId: serviceA });
    const project = emulator.store.projectState(emulator.projectId);
    project.activeNumbers = project.activeNumbers.filter((n) => n.phoneNumber !== NUMBER);
    const error = await route.create(checked).catch((e) => e);
    expect(error.message).toContain(`it is not an active number of project ${emulator.projectId}`);
  });

  test("check records the number's route before anything changes it, so the engine's record of the create holds it", async () => {
    const checked = await inputs({ phoneNumber: NUMBER, serviceId: serviceA });
    expect(checked.originalRoute).toEqual({ type: "RTC", appId: "app-1" });
    expect(calls(emulator)).toEqual(["GET numbers-get"]);
    // Routed elsewhere between check and create (or by an interrupted earlier attempt): the recorded route is what destroy puts back.
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: serviceB } });
    const { outs } = await route.create(checked);
    expect(outs.originalRoute).toEqual({ type: "RTC", appId: "app-1" });
    await route.remove(NUMBER, outs);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
    // A route in state keeps what its first check recorded; no second look.
    emulator.requests = [];
    const again = await inputs({ phoneNumber: NUMBER, serviceId: serviceB }, checked);
    expect(again.originalRoute).toEqual({ type: "RTC", appId: "app-1" });
    expect(emulator.requests).toEqual([]);
  });

  test("check: required inputs and their limits, before any call", async () => {
    const { failures } = await route.check({}, { phoneNumber: "555", suspendNote: "" });
    expect(failures.map((f) => f.reason)).toEqual([
      'phoneNumber must be a phone number in E.164 format, like +15551234567 (got "555")',
      'suspendNote must not be empty (got "")',
      "serviceId is required",
    ]);
    expect(emulator.requests).toEqual([]);
  });
});
