import { routeStateOf, routingStep, settledRoute, UNROUTED } from "../../provider/resources/number-route/plan";

const number = (voiceConfiguration: Record<string, unknown>) => ({ phoneNumber: "+15550000001", voiceConfiguration });
const known = { phoneNumber: "+15550000001", serviceId: "S1", suspended: false, projectId: "p", originalRoute: UNROUTED };

describe("reading a number's route", () => {
  test("the settled route of each type, and unrouted without one", () => {
    expect(settledRoute({ type: "FAX", serviceId: "S1" })).toEqual({ type: "FAX", serviceId: "S1" });
    expect(settledRoute({ type: "EST", trunkId: "T" })).toEqual({ type: "EST", trunkId: "T" });
    expect(settledRoute(undefined)).toEqual(UNROUTED);
  });

  test("a change to a target: done, waiting, failed, or overtaken", () => {
    const target = { type: "FAX" as const, serviceId: "S1" };
    expect(routingStep(number({ type: "FAX", serviceId: "S1" }), target)).toBe("done");
    expect(
      routingStep(
        number({ type: "RTC", appId: "a", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S1", status: "WAITING" } }),
        target,
      ),
    ).toBe("waiting");
    expect(
      routingStep(
        number({ type: "RTC", appId: "a", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S1", status: "FAILED" } }),
        target,
      ),
    ).toBe("failed");
    expect(
      routingStep(
        number({ type: "FAX", serviceId: "S1", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S2", status: "WAITING" } }),
        target,
      ),
    ).toBe("elsewhere");
    expect(routingStep(number({ type: "FAX", serviceId: "S2" }), target)).toBe("elsewhere");
  });

  test("refresh reports where the number is going: a change someone else started is drift already; a failed one is not", () => {
    const going = number({ type: "FAX", serviceId: "S1", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S2", status: "WAITING" } });
    expect(routeStateOf(going, known, undefined).serviceId).toBe("S2");
    const failed = number({ type: "FAX", serviceId: "S1", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S2", status: "FAILED" } });
    expect(routeStateOf(failed, known, undefined).serviceId).toBe("S1");
    expect(routeStateOf(number({ type: "RTC", appId: "x" }), known, undefined).serviceId).toBe("");
    const ours = number({ type: "RTC", appId: "x", scheduledVoiceProvisioning: { type: "FAX", serviceId: "S1", status: "WAITING" } });
    expect(routeStateOf(ours, known, undefined)).toMatchObject({ serviceId: "S1", provisioning: "pending" });
  });
});
