import type { SinchFaxClient } from "../../provider/client/client";
import type { NumbersClient } from "../../provider/client/numbers";
import type { ActiveNumber } from "../../provider/client/schemas";
import { configureRuntime, resetRuntime } from "../../provider/core/runtime";
import { waitForHandoff } from "../../provider/resources/fax-service/handoff-wait";
import { waitForRoute } from "../../provider/resources/number-route/wait";

// The wait for Sinch to provision a number's route, on a virtual clock (jest's fake timers), against a
// scripted Numbers API: when it looks, when it gives up, and what it tells the engine's log meanwhile.
const TARGET = { type: "FAX" as const, serviceId: "S1" };
const PHONE = "+15550000001";
const waiting = (status?: string): ActiveNumber =>
  ({
    phoneNumber: PHONE,
    voiceConfiguration: { type: "RTC", appId: "a", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S1", status } },
  }) as ActiveNumber;
const done = { phoneNumber: PHONE, voiceConfiguration: { type: "FAX", serviceId: "S1" } } as ActiveNumber;

/** A Numbers API that answers each look with the next scripted number (the last one again once the script is out), and records when it was asked. */
function scripted(answers: ActiveNumber[]): { numbers: NumbersClient; looks: number[] } {
  const start = Date.now();
  const looks: number[] = [];
  const numbers = {
    getActiveNumber: async () => {
      looks.push(Date.now() - start);
      return answers.length > 1 ? answers.shift()! : answers[0]!;
    },
  } as unknown as NumbersClient;
  return { numbers, looks };
}

const withTimeout = (seconds: string) => configureRuntime((key) => (key === "sinch:numberRoutingTimeout" ? seconds : undefined));

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  resetRuntime();
});

describe("waiting for a number's route", () => {
  test("the first look comes after 100 ms, then one every 500 ms, until the route is done", async () => {
    withTimeout("5");
    const { numbers, looks } = scripted([waiting("WAITING"), waiting("WAITING"), done]);
    const outcome = waitForRoute(numbers, waiting("WAITING"), TARGET, "Number x");
    await jest.runAllTimersAsync();
    expect(await outcome).toEqual({ step: "done", number: done, waitedMs: 1100 });
    expect(looks).toEqual([100, 600, 1100]);
  });

  test("it gives up at the deadline exactly: the last wait is cut short", async () => {
    withTimeout("1.2");
    const { numbers, looks } = scripted([waiting("WAITING")]);
    const outcome = waitForRoute(numbers, waiting("WAITING"), TARGET, "Number x");
    await jest.runAllTimersAsync();
    expect(await outcome).toMatchObject({ step: "timed-out", waitedMs: 1200 });
    expect(looks).toEqual([100, 600, 1100, 1200]);
  });

  test("every 5 s the engine's log says where the provisioning stands", async () => {
    withTimeout("12");
    const lines: string[] = [];
    jest.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    const { numbers } = scripted([waiting("IN_PROGRESS"), waiting("IN_PROGRESS"), waiting()]);
    const outcome = waitForRoute(numbers, waiting("IN_PROGRESS"), TARGET, "Number x");
    await jest.runAllTimersAsync();
    expect((await outcome).step).toBe("timed-out");
    expect(lines).toEqual([
      "sinch-fax: Number x: Sinch is provisioning it (WAITING, 5s)",
      "sinch-fax: Number x: Sinch is provisioning it (WAITING, 10s)",
    ]);
  });

  test("the log names Sinch's status when it gives one", async () => {
    withTimeout("6");
    const lines: string[] = [];
    jest.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    const outcome = waitForRoute(scripted([waiting("IN_PROGRESS")]).numbers, waiting("IN_PROGRESS"), TARGET, "Number x");
    await jest.runAllTimersAsync();
    await outcome;
    expect(lines).toEqual(["sinch-fax: Number x: Sinch is provisioning it (IN_PROGRESS, 5s)"]);
  });
});

describe("waiting for another service to take over the default", () => {
  test("a look every 500 ms, the last one at the deadline exactly", async () => {
    configureRuntime((key) => (key === "sinch:defaultHandoffTimeout" ? "1.2" : undefined));
    const start = Date.now();
    const looks: number[] = [];
    const client = {
      findService: async () => {
        looks.push(Date.now() - start);
        return { id: "S", defaultForProject: true };
      },
    } as unknown as SinchFaxClient;
    const outcome = waitForHandoff(client, "S");
    await jest.runAllTimersAsync();
    expect(await outcome).toMatchObject({ timedOut: true, waitedMs: 1200 });
    expect(looks).toEqual([0, 500, 1000, 1200]);
  });
});
