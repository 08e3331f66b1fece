import { decideEmailDiff, emailStateOf } from "../../provider/resources/fax-email/plan";
import {
  decideRouteDiff,
  routeInputsOf,
  routeStateOf,
  routingStep,
  sameRoute,
  settledRoute,
  UNROUTED,
} from "../../provider/resources/number-route/plan";
import { describeRoute, planRouteBack } from "../../provider/resources/number-route/release";

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

describe("what a route's and an address's diff reports", () => {
  const route = { phoneNumber: "+15550001111", serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV", suspended: false, projectId: "p" };
  test("a route: another service or suspension is an update; another number or project replaces; a pending provisioning is finished", () => {
    expect(decideRouteDiff(route, { ...route })).toEqual({ changes: false, replaces: [], diffs: [] });
    expect(decideRouteDiff(route, { ...route, serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAW", suspended: true })).toEqual({
      changes: true,
      replaces: [],
      diffs: ["serviceId", "suspended"],
    });
    expect(decideRouteDiff(route, { ...route, phoneNumber: "+15550002222" })).toEqual({
      changes: true,
      replaces: ["phoneNumber"],
      diffs: ["phoneNumber"],
    });
    expect(decideRouteDiff({ ...route, provisioning: "pending" }, route)).toEqual({ changes: true, replaces: [], diffs: ["serviceId"] });
  });

  test("an address: the same numbers in any order, or the address in other letters, is no change; a new address replaces", () => {
    const address = { serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV", email: "desk@example.com", projectId: "p" };
    const numbers = [
      { number: "+15550001111", permissions: "both" },
      { number: "+15550002222", permissions: "receive" },
    ];
    const same = { ...address, email: "Desk@Example.com", phoneNumbers: [...numbers].reverse() };
    expect(decideEmailDiff({ ...address, phoneNumbers: numbers }, same)).toEqual({ changes: false, replaces: [], diffs: [] });
    expect(decideEmailDiff({ ...address, phoneNumbers: numbers }, { ...address, phoneNumbers: numbers.slice(1) })).toEqual({
      changes: true,
      replaces: [],
      diffs: ["phoneNumbers"],
    });
    expect(
      decideEmailDiff({ ...address, phoneNumbers: numbers }, { ...address, email: "other@example.com", phoneNumbers: numbers }),
    ).toEqual({
      changes: true,
      replaces: ["email"],
      diffs: ["email"],
    });
  });
});

describe("an address's state and diff, at the edges", () => {
  const address = { serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV", email: "desk@example.com", projectId: "p", phoneNumbers: [] };
  test("state keeps the API's timestamps when it reports them, and has none when it does not", () => {
    const numbers = [{ number: "+15550001111", permissions: "send" as const }];
    expect(emailStateOf({ email: "desk@example.com", phoneNumbers: numbers, createdAt: "t1", updatedAt: "t2" }, "S", "p")).toEqual({
      serviceId: "S",
      email: "desk@example.com",
      phoneNumbers: numbers,
      projectId: "p",
      createdAt: "t1",
      updatedAt: "t2",
    });
    expect(Object.keys(emailStateOf({ email: "desk@example.com", phoneNumbers: [] }, "S", "p")).sort()).toEqual([
      "email",
      "phoneNumbers",
      "projectId",
      "serviceId",
    ]);
  });

  test("another service or project replaces it even with the same address", () => {
    expect(decideEmailDiff(address, { ...address, serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAW" }).replaces).toEqual(["serviceId"]);
    expect(decideEmailDiff(address, { ...address, email: "DESK@example.com", projectId: "q" }).replaces).toEqual(["projectId"]);
  });

  test("an address missing on either side (an old state, a value not yet known) is a replacement, not a crash", () => {
    const { email: _email, ...noAddress } = address;
    expect(decideEmailDiff(noAddress, address).replaces).toEqual(["email"]);
    expect(decideEmailDiff(address, { ...noAddress, email: 42 }).replaces).toEqual(["email"]);
  });
});

describe("a route's edges: ids missing, no voice configuration, the suspension", () => {
  test("a route without its id settles on an empty one; two apps or trunks are two routes", () => {
    expect(settledRoute({ type: "FAX" })).toEqual({ type: "FAX", serviceId: "" });
    expect(settledRoute({ type: "EST" })).toEqual({ type: "EST", trunkId: "" });
    expect(sameRoute({ type: "RTC", appId: "a" }, { type: "RTC", appId: "b" })).toBe(false);
    expect(sameRoute({ type: "EST", trunkId: "a" }, { type: "EST", trunkId: "b" })).toBe(false);
    expect(sameRoute({ type: "RTC", appId: "a" }, { type: "RTC", appId: "a" })).toBe(true);
  });

  test("a number the API shows without a voice configuration is unrouted, not suspended, not provisioning", () => {
    const bare = { phoneNumber: "+15550000001" };
    expect(routingStep(bare, { type: "FAX", serviceId: "S1" })).toBe("elsewhere");
    expect(routingStep(bare, UNROUTED)).toBe("done");
    expect(routeStateOf(bare, { ...known, suspended: true, suspendNote: "n" }, undefined)).toEqual({
      phoneNumber: "+15550000001",
      serviceId: "",
      suspended: false,
      projectId: "p",
      originalRoute: UNROUTED,
    });
  });

  test("the inputs a refresh reports carry the note only when there is one", () => {
    const state = { ...known, suspended: true, suspendNote: "audit" };
    expect(routeInputsOf(state)).toEqual({
      phoneNumber: known.phoneNumber,
      serviceId: "S1",
      suspended: true,
      projectId: "p",
      suspendNote: "audit",
    });
    expect(Object.keys(routeInputsOf(known)).sort()).toEqual(["phoneNumber", "projectId", "serviceId", "suspended"]);
  });
});

describe("what destroy does with a number (release.ts)", () => {
  const props = {
    phoneNumber: "+15550000001",
    serviceId: "S1",
    suspended: false,
    projectId: "p",
    originalRoute: { type: "RTC" as const, appId: "app" },
  };
  const number = (voiceConfiguration: Record<string, unknown>) => ({ phoneNumber: "+15550000001", voiceConfiguration }) as never;
  const provisioning = (route: Record<string, unknown>, status = "WAITING") => ({ scheduledVoiceProvisioning: { ...route, status } });

  test.each([
    ["on its earlier route", { type: "RTC", appId: "app" }, { kind: "done" }],
    [
      "back on its earlier route after the stack's provisioning FAILED",
      { type: "RTC", appId: "app", ...provisioning({ type: "FAX", serviceId: "S1" }, "FAILED") },
      { kind: "done" },
    ],
    ["on its way back", { type: "FAX", serviceId: "S1", ...provisioning({ type: "RTC", appId: "app" }) }, { kind: "wait" }],
    ["on the stack's route", { type: "FAX", serviceId: "S1" }, { kind: "send", settleFirst: undefined }],
    [
      "still being provisioned to the stack's route",
      { type: "RTC", appId: "app", ...provisioning({ type: "FAX", serviceId: "S1" }) },
      { kind: "send", settleFirst: { type: "FAX", serviceId: "S1" } },
    ],
    ["routed elsewhere by hand", { type: "EST", trunkId: "t" }, { kind: "leave", current: { type: "EST", trunkId: "t" } }],
    [
      "being routed elsewhere",
      { type: "FAX", serviceId: "S1", ...provisioning({ type: "FAX", serviceId: "S2" }) },
      { kind: "leave", current: { type: "FAX", serviceId: "S2" } },
    ],
  ])("a number %s", (_what, voice, plan) => {
    expect(planRouteBack(number(voice), props)).toEqual(plan);
  });

  test("a route whose state shows it elsewhere already (drift) is left where it is", () => {
    expect(planRouteBack(number({ type: "FAX", serviceId: "S2" }), { ...props, serviceId: "" })).toEqual({
      kind: "leave",
      current: { type: "FAX", serviceId: "S2" },
    });
  });

  test("routes as messages name them", () => {
    expect(
      [{ type: "FAX", serviceId: "S" }, { type: "EST", trunkId: "t" }, { type: "RTC", appId: "a" }, UNROUTED].map((r) =>
        describeRoute(r as never),
      ),
    ).toEqual(["FAX S", "EST t", "RTC a", "(none)"]);
  });
});
