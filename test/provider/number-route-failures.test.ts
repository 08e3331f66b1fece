import type { Emulator } from "../../emulator";
import type { SeedVoice } from "../../emulator/numbers";
import { isPartialFailure } from "../../provider";
import * as route from "../../provider/resources/number-route/lifecycle";
import type { RouteState } from "../../provider/resources/number-route/plan";
import { configureFor, printed } from "../helpers/provider";
import { recordingServer } from "../helpers/recording-server";
import { routeInputs as inputs, withRoutableNumbers } from "../helpers/routes";

// FaxNumberRoute when Sinch does not cooperate: what each error says, and what state keeps.
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
  // No retries of a transient failure: a fault injected once is the call's answer.
  { "sinch:maxRetries": "0" },
);

const toA = () => inputs({ phoneNumber: NUMBER, serviceId: serviceA });
/** A PATCH of the number's voice route, as another client (a killed run's provider) sends it. */
const fetchPatch = async (phoneNumber: string, voiceConfiguration: Record<string, string>) => {
  const auth = Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString("base64");
  const url = `${emulator.url}/v1/projects/${emulator.projectId}/activeNumbers/${encodeURIComponent(phoneNumber)}`;
  const res = await fetch(url, {
    method: "PATCH",
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    body: JSON.stringify({ voiceConfiguration }),
  });
  if (!res.ok) throw new Error(`PATCH ${res.status}: ${await res.text()}`);
};
const voiceOf = () => (emulator.numbers.get(NUMBER) as { voiceConfiguration: Record<string, unknown> }).voiceConfiguration;

describe("FaxNumberRoute errors name the number and its service", () => {
  test("create: a failed look at the number is Sinch's error, not 'not an active number'", async () => {
    const checked = await toA();
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1, times: 1 }]);
    const error = await route.create(checked).catch((e) => e);
    expect(error.message).toContain(`Number ${NUMBER} (to fax service ${serviceA}): `);
    expect(error.message).not.toContain("not an active number");
  });

  test("refresh: a failed look is an error; a number routed elsewhere names no service", async () => {
    const { id, outs } = await route.create(await toA());
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1, times: 1 }]);
    expect((await route.read(id, outs).catch((e) => e)).message).toContain(`Number ${NUMBER} (to fax service ${serviceA}): `);
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1, times: 1 }]);
    expect((await route.read(id, { ...outs, serviceId: "" }).catch((e) => e)).message).toMatch(new RegExp(`^Number \\${NUMBER}: `));
  });

  test("refresh and destroy of a number no longer in the project: dropped, and done", async () => {
    const { id, outs } = await route.create(await toA());
    const project = emulator.store.projectState(emulator.projectId);
    project.activeNumbers = project.activeNumbers.filter((n) => n.phoneNumber !== NUMBER);
    expect(await route.read(id, outs)).toEqual({});
    await route.remove(id, outs);
  });

  test("update and destroy: a failed call is an error naming the number; the route is left as it was", async () => {
    const { id, outs } = await route.create(await toA());
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1, times: 1 }]);
    const moving = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB }, outs)).catch((e) => e);
    expect(moving.message).toContain(`Number ${NUMBER} (to fax service ${serviceB}): `);
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1, times: 1 }]);
    const destroying = await route.remove(id, outs).catch((e) => e);
    expect(destroying.message).toContain(`Number ${NUMBER} (to fax service ${serviceA}): `);
    expect(voiceOf()).toMatchObject({ type: "FAX", serviceId: serviceA });
  });

  test("a failed lift of the suspension stops destroy with an error, before the route is touched", async () => {
    const { id, outs } = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true }));
    emulator.faults.set([{ operations: ["suspend"], status500: 1, times: 1 }]);
    const error = await route.remove(id, outs).catch((e) => e);
    expect(error.message).toContain(`Number ${NUMBER} (to fax service ${serviceA}): `);
    expect(voiceOf()).toMatchObject({ type: "FAX", serviceId: serviceA });
  });
});

describe("FaxNumberRoute when routing does not finish", () => {
  test("a failed suspension after routing is a partial failure: state records the route, not suspended", async () => {
    emulator.faults.set([{ operations: ["suspend"], status500: 1, times: 1 }]);
    const error = await route.create(await inputs({ phoneNumber: NUMBER, serviceId: serviceA, suspended: true })).catch((e) => e);
    expect(isPartialFailure(error)).toBe(true);
    expect(error.message).toContain("(routed, but its suspension was not changed)");
    expect(error.properties).toMatchObject({ serviceId: serviceA, suspended: false });
  });

  test("an update that fails part-way keeps its partial failure (and its state) as it is", async () => {
    const { id, outs } = await route.create(await toA());
    emulator.faults.set([{ operations: ["suspend"], status500: 1, times: 1 }]);
    const error = await route.update(id, outs, await inputs({ phoneNumber: NUMBER, serviceId: serviceB, suspended: true })).catch((e) => e);
    expect(isPartialFailure(error)).toBe(true);
    expect(error.message).toMatch(new RegExp(`^Number \\${NUMBER} \\(to fax service ${serviceB}\\): `));
    expect(error.properties).toMatchObject({ serviceId: serviceB, suspended: false });
  });

  test("a route overtaken by another change while Sinch provisions it is an error that says so", async () => {
    emulator.numbers.setProvisioning({ delayMs: 60_000 });
    const creating = route.create(await toA()).catch((e) => e);
    setTimeout(() => emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: serviceB } }), 20);
    const error = await creating;
    expect(isPartialFailure(error)).toBe(false);
    expect(error.message).toContain(
      "Sinch's provisioning of the route was overtaken by another change; the number keeps its earlier route",
    );
  });

  test("a provisioning slower than the timeout says the number is not routed yet, and how long it waited", async () => {
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "0.2", "sinch:maxRetries": "0" });
    emulator.numbers.setProvisioning({ delayMs: 60_000 });
    const error = await route.create(await toA()).catch((e) => e);
    expect(error.message).toContain(`Number ${NUMBER} (to fax service ${serviceA}): not routed yet`);
    expect(error.message).toMatch(/still provisioning it after \ds \(sinch:numberRoutingTimeout\)/);
  });

  test("a destroy interrupted after its PATCH: the provisioning back is waited for, not sent again", async () => {
    const { id, outs } = await route.create(await toA());
    emulator.numbers.setProvisioning({ delayMs: 400 });
    // What the killed destroy sent: the route back to the original, still provisioning.
    await fetchPatch(NUMBER, { type: "RTC", appId: "app-1" });
    emulator.requests = [];
    await route.remove(id, outs as RouteState);
    expect(emulator.requests.filter((r) => r.method === "PATCH")).toEqual([]);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
    expect(voiceOf()).not.toHaveProperty("scheduledVoiceProvisioning");
  });

  test("a destroy while the stack's own route is still provisioning waits for it, then puts the earlier route back", async () => {
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "0.2", "sinch:maxRetries": "0" });
    emulator.numbers.setProvisioning({ delayMs: 600 });
    const pending = (await route.create(await toA()).catch((e) => e)).properties as RouteState;
    expect(pending.provisioning).toBe("pending");
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "5", "sinch:maxRetries": "0" }, { reset: false });
    emulator.numbers.setProvisioning({ delayMs: 100 });
    await route.remove(NUMBER, pending);
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
    expect(voiceOf()).not.toHaveProperty("scheduledVoiceProvisioning");
  });

  test("a route back slower than the timeout: destroy again waits for that provisioning instead of starting it over", async () => {
    const { id, outs } = await route.create(await toA());
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "0.3", "sinch:maxRetries": "0" }, { reset: false });
    emulator.numbers.setProvisioning({ delayMs: 1_000 });
    const first = await route.remove(id, outs as RouteState).catch((e) => e);
    expect(first.message).toContain("ended timed-out");
    for (let attempt = 0; ; attempt++) {
      const again = await route.remove(id, outs as RouteState).catch((e) => e);
      if (again === undefined) break;
      expect(attempt).toBeLessThan(6);
    }
    expect(emulator.requests.filter((r) => r.method === "PATCH")).toHaveLength(2); // the route, then one route back
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "app-1" });
  });

  test("a number routed elsewhere by hand since the stack routed it is left there on destroy, and the log says what was not put back", async () => {
    const { id, outs } = await route.create(await toA());
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "EST", trunkId: "by-hand" } });
    emulator.requests = [];
    const lines = await printed(() => route.remove(id, outs as RouteState));
    expect(emulator.requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(voiceOf()).toMatchObject({ type: "EST", trunkId: "by-hand" });
    expect(lines).toEqual([
      `sinch-fax: warning: Number ${NUMBER} (to fax service ${serviceA}): routed to EST by-hand since this stack routed it; left there (its route before the stack, RTC app-1, is not put back)`,
    ]);
  });

  test("an earlier route to a fax service that no longer exists: destroy unroutes the number and names the lost service, every time it can finish", async () => {
    const lost = emulator.store.createService(emulator.projectId, { name: "Lost" }, "seed");
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: lost.id } });
    const { id, outs } = await route.create(await toA());
    expect(outs.originalRoute).toEqual({ type: "FAX", serviceId: lost.id });
    emulator.store.deleteService(emulator.projectId, lost, "by hand");
    const lines = await printed(() => route.remove(id, outs as RouteState));
    expect(voiceOf()).toMatchObject({ type: "RTC", appId: "" });
    expect(lines).toContain(
      `sinch-fax: warning: Number ${NUMBER} (to fax service ${serviceA}): its route before this stack, fax service ${lost.id}, no longer exists; the number is left unrouted`,
    );
  });

  test("a slow route back says in the log what it waits for", async () => {
    await configureFor(emulator, { "sinch:numberRoutingTimeout": "10", "sinch:maxRetries": "0" });
    const { id, outs } = await route.create(await toA());
    emulator.numbers.setProvisioning({ delayMs: 5_300 });
    const lines = await printed(() => route.remove(id, outs as RouteState));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^sinch-fax: Number \\${NUMBER} \\(to fax service ${serviceA}\\), back to its earlier route: Sinch is provisioning it`),
      ),
    ]);
  });

  test("refresh: a number the service does not list (the two APIs disagree for a moment) is not suspended", async () => {
    const { id, outs } = await route.create(await toA());
    const faxApi = await recordingServer(() => ({
      status: 200,
      body: { numbers: [], page: 1, totalPages: 1, pageSize: 1000, totalItems: 0 },
    }));
    try {
      await configureFor(emulator, { "sinch:faxUrl": faxApi.url, "sinch:maxRetries": "0" });
      const read = await route.read(id, outs as RouteState);
      expect(read.props).toMatchObject({ serviceId: serviceA, suspended: false });
      expect(read.props).not.toHaveProperty("suspendNote");
      expect(faxApi.requests.map((r) => r.url)).toEqual([expect.stringContaining(`/services/${serviceA}/numbers?`)]);
    } finally {
      await faxApi.close();
    }
  });

  test("destroy of an unrouted number that Sinch shows without a voice configuration has nothing to put back", async () => {
    emulator.numbers.seed({ phoneNumber: NUMBER });
    const { id, outs } = await route.create(await toA());
    // The emulator always shows a voice configuration; the API may leave it out.
    const numbersApi = await recordingServer(() => ({ status: 200, body: { phoneNumber: NUMBER } }));
    try {
      await configureFor(emulator, { "sinch:numbersUrl": numbersApi.url, "sinch:maxRetries": "0" });
      await route.remove(id, outs as RouteState);
      expect(numbersApi.requests.map((r) => r.method)).toEqual(["GET"]);
    } finally {
      await numbersApi.close();
    }
  });

  test.each<[string, SeedVoice | undefined, (ids: { b: string }) => string]>([
    ["an RTC app", { type: "RTC", appId: "app-1" }, () => "RTC app-1"],
    ["a SIP trunk", { type: "EST", trunkId: "trunk-1" }, () => "EST trunk-1"],
    ["another fax service", { type: "FAX", serviceId: "B" }, ({ b }) => `FAX ${b}`],
    ["nothing", undefined, () => "(none)"],
  ])("destroy whose route back to %s fails says which route, and to run destroy again", async (_, voice, expected) => {
    const seeded = voice?.type === "FAX" ? { ...voice, serviceId: serviceB } : voice;
    emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: seeded });
    const { id, outs } = await route.create(await toA());
    emulator.numbers.setProvisioning({ failNumbers: [NUMBER] });
    const error = await route.remove(id, outs as RouteState).catch((e) => e);
    expect(error.message).toMatch(
      new RegExp(
        `putting back its earlier route ${expected({ b: serviceB }).replace(/[()]/g, "\\$&")} ended failed after \\d{1,2}s; run destroy again`,
      ),
    );
  });
});
