import type { ServiceFields } from "../../provider/client/schemas";
import { hasCredentials, isMasked, maskWebhook, sameWebhook, webhookForState } from "../../provider/fields/webhook";
import { DEFAULTS, type DesiredFields, UNKNOWN } from "../../provider/resources/fax-service/fields";
import { handoffFailureMessage, handoffStep } from "../../provider/resources/fax-service/handoff";
import { changedFields, createBody, decideDiff, isEmptyPlan, planRelease, planUpdate } from "../../provider/resources/fax-service/plan";
import { createdCandidates } from "../../provider/resources/fax-service/reconcile";
import { fieldsOf, inputsOf, stateOf } from "../../provider/resources/fax-service/state";

const base: DesiredFields = { ...DEFAULTS, name: "Svc" };
const NO_PAGES = { upload: [], keep: [], remove: [] };
const state = (fields: Partial<DesiredFields> = {}) => ({ ...base, ...fields, projectId: "p" });

describe("webhook masking", () => {
  test.each([
    ["https://alice:pw@hooks.example/x", "https://alice:***@hooks.example/x", true],
    ["http://a:b@10.0.0.1:8080/in?q=1", "http://a:***@10.0.0.1:8080/in?q=1", true],
    ["https://hooks.example/x", "https://hooks.example/x", false],
    ["https://alice@hooks.example/x", "https://alice@hooks.example/x", false],
    ["https://alice:@hooks.example/x", "https://alice:@hooks.example/x", false],
    ["https://hooks.example/a:b@c", "https://hooks.example/a:b@c", false],
  ])("%s masks to %s", (url, masked, credentials) => {
    expect(maskWebhook(url)).toBe(masked);
    expect(hasCredentials(url)).toBe(credentials);
  });

  test("a masked URL from the API matches the unmasked one given; two plain URLs must be equal", () => {
    expect(isMasked("https://a:***@h/x")).toBe(true);
    expect(sameWebhook("https://a:***@h/x", "https://a:pw@h/x")).toBe(true);
    expect(sameWebhook("https://a:***@h/x", "https://b:pw@h/x")).toBe(false);
    expect(sameWebhook("https://a:old@h/x", "https://a:new@h/x")).toBe(false);
    expect(sameWebhook(undefined, undefined)).toBe(true);
    expect(sameWebhook(undefined, "https://h/x")).toBe(false);
    expect(sameWebhook("https://h/x", undefined)).toBe(false);
    // A masked webhook in state (imported or adopted: never read back in full) that the program does not
    // declare is kept: never cleared because the program does not name it (issue 21).
    expect(sameWebhook("https://a:***@h/x", undefined)).toBe(true);
    expect(sameWebhook("https://a:@h/x", undefined)).toBe(false);
  });

  test("state keeps the full URL while the API's mask matches it", () => {
    expect(webhookForState("https://a:***@h/x", "https://a:pw@h/x")).toBe("https://a:pw@h/x");
    expect(webhookForState("https://a:***@h/y", "https://a:pw@h/x")).toBe("https://a:***@h/y");
    expect(webhookForState("https://h/x", undefined)).toBe("https://h/x");
    expect(webhookForState(undefined, "https://a:pw@h/x")).toBeUndefined();
  });
});

describe("diff", () => {
  test("no change when every field is equal, whatever else differs", () => {
    const d = decideDiff(
      { ...state(), __provider: "old", createdAt: "t", numbers: [] } as never,
      { ...state(), __provider: "new", adopt: "default" } as never,
    );
    expect(d).toEqual({ changes: false, replaces: [], fields: [], diffs: [] });
  });

  test("each changed field is found, and only it", () => {
    const variants: Partial<DesiredFields>[] = [
      { name: "Other" },
      { incomingWebhookUrl: "https://h/x" },
      { webhookContentType: "application/json" },
      { defaultForProject: true },
      { defaultFrom: "+15551234567" },
      { numberOfRetries: 0 },
      { retryDelaySeconds: 30 },
      { imageConversionMethod: "MONOCHROME" },
      { coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" },
      { saveOutboundFaxDocuments: false },
      { saveInboundFaxDocuments: false },
      { scanIncomingBarcodes: true },
      { inProgressNotifications: true },
      { resolution: "SUPERFINE" },
    ];
    for (const v of variants) {
      expect(decideDiff(state(), state(v)).fields).toEqual(Object.keys(v));
      expect(decideDiff(state(v), state()).fields).toEqual(Object.keys(v));
      expect(decideDiff(state(), state(v)).diffs).toEqual(Object.keys(v));
    }
  });

  test("a masked webhook in state matches the unmasked input", () => {
    expect(decideDiff(state({ incomingWebhookUrl: "https://u:***@h/x" }), state({ incomingWebhookUrl: "https://u:pw@h/x" })).changes).toBe(
      false,
    );
    expect(
      decideDiff(state({ incomingWebhookUrl: "https://u:pw@h/x" }), state({ incomingWebhookUrl: "https://u:pw2@h/x" })).fields,
    ).toEqual(["incomingWebhookUrl"]);
  });

  test("a new or unknown project replaces; an unknown field is a change", () => {
    expect(decideDiff(state(), { ...state(), projectId: "q" })).toMatchObject({
      changes: true,
      replaces: ["projectId"],
      diffs: ["projectId"],
    });
    expect(decideDiff(state(), { ...state(), projectId: UNKNOWN })).toMatchObject({ replaces: ["projectId"] });
    expect(decideDiff(state(), { ...state(), coverPages: [UNKNOWN] })).toStrictEqual({
      changes: true,
      replaces: [],
      fields: [],
      diffs: ["coverPages"],
    });
    expect(decideDiff(state(), { ...state(), numberOfRetries: UNKNOWN } as never)).toMatchObject({
      changes: true,
      replaces: [],
      fields: ["numberOfRetries"],
    });
  });
});

describe("patch plan", () => {
  test("carries exactly the changed fields, promotion separate", () => {
    const plan = planUpdate(state(), state({ numberOfRetries: 5, resolution: "SUPERFINE", defaultForProject: true }));
    expect(plan).toStrictEqual({ patch: { numberOfRetries: 5, resolution: "SUPERFINE" }, promote: true, demote: false, pages: NO_PAGES });
  });

  test("demotion is separate too, and a removed field without a default is cleared with an empty string, never null", () => {
    const plan = planUpdate(
      state({ defaultForProject: true, defaultFrom: "+15551234567", coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }),
      state(),
    );
    expect(plan).toEqual({ patch: { defaultFrom: "", coverPageId: "" }, promote: false, demote: true, pages: NO_PAGES });
  });

  test("a removed field with a default goes back to it (check filled it in)", () => {
    expect(planUpdate(state({ numberOfRetries: 5, resolution: "SUPERFINE" }), state()).patch).toEqual({
      numberOfRetries: 3,
      resolution: "FINE",
    });
  });

  test("nothing to do is an empty plan", () => {
    expect(isEmptyPlan(planUpdate(state(), state()))).toBe(true);
    expect(isEmptyPlan(planUpdate(state(), state({ name: "x" })))).toBe(false);
  });

  test("the create body has every field, never the default flag", () => {
    expect(createBody({ ...base, defaultForProject: true, defaultFrom: "+15551234567" })).toEqual({
      ...base,
      defaultForProject: false,
      defaultFrom: "+15551234567",
    });
  });

  test("release restores the original settings, but not a masked webhook password", () => {
    const original = { ...base, name: "Before", incomingWebhookUrl: "https://u:***@h/x", defaultForProject: true };
    const plan = planRelease(state({ name: "Managed", incomingWebhookUrl: "https://u:***@h/y", defaultForProject: true }), original);
    expect(plan).toEqual({
      patch: { name: "Before" },
      promote: false,
      demote: false,
      pages: NO_PAGES,
      leftAsIs: [{ field: "incomingWebhookUrl", why: "its password was masked by Sinch when adopted" }],
    });
    expect(planRelease(state({ defaultForProject: false }), { ...base, defaultForProject: true }).promote).toBe(true);
    expect(planRelease(state({ defaultForProject: true }), { ...base, defaultForProject: false }).demote).toBe(true);
    // The default flag is a step of its own, never part of the PATCH.
    expect(planRelease(state({ name: "Managed", defaultForProject: true }), { ...base, defaultForProject: false }).patch).toEqual({
      name: "Svc",
    });
  });

  test("release clears a webhook the service did not have; only a webhook's masked password is left as is", () => {
    const plan = planRelease(state({ incomingWebhookUrl: "https://u:pw@h/x" }), base);
    expect(plan.patch).toEqual({ incomingWebhookUrl: "" });
    expect(plan.leftAsIs).toEqual([]);
    // A name that merely looks like a masked URL is a name, restored as it was.
    expect(planRelease(state(), { ...base, name: "https://u:***@h/x" })).toMatchObject({
      patch: { name: "https://u:***@h/x" },
      leftAsIs: [],
    });
  });

  test("release clears what the API did not report before adoption where it can, and leaves the rest (never null)", () => {
    const { resolution: _r, ...unset } = base;
    const plan = planRelease({ ...base, resolution: "SUPERFINE", defaultFrom: "+15551234567" }, unset);
    expect(plan.patch).toEqual({ defaultFrom: "" });
    expect(plan.leftAsIs).toEqual([{ field: "resolution", why: "Sinch reported no value for it when adopted" }]);
    expect(planRelease(base, base)).toEqual({ patch: {}, promote: false, demote: false, pages: NO_PAGES, leftAsIs: [] });
  });
});

describe("reconciling an unknown create", () => {
  const body = createBody({ ...base, name: "New", incomingWebhookUrl: "https://u:pw@h/x" });
  const service = (id: string, createdAt: string, extra: object = {}) => ({
    id,
    createdAt,
    ...base,
    name: "New",
    incomingWebhookUrl: "https://u:***@h/x",
    resolution: undefined,
    ...extra,
  });
  const started = Date.parse("2026-01-01T00:00:00Z");

  const pickCreated = (services: Parameters<typeof createdCandidates>[0], ...rest: [ServiceFields, number, Set<string>]) =>
    createdCandidates(services, ...rest)[0]?.id;

  test("finds the service with exactly the fields sent, created after the attempt", () => {
    const services = [
      service("OLD", "2025-12-31T23:00:00Z"),
      service("OTHER", "2026-01-01T00:00:01Z", { numberOfRetries: 1 }),
      service("MINE", "2026-01-01T00:00:01Z"),
    ];
    expect(pickCreated(services, body, started, new Set())).toBe("MINE");
    expect(pickCreated(services, body, started, new Set(["MINE"]))).toBeUndefined();
    expect(pickCreated([service("SKEW", "2025-12-31T23:59:45Z")], body, started, new Set())).toBe("SKEW");
    expect(pickCreated([service("SKEWED", "2025-12-31T23:59:29Z")], body, started, new Set())).toBeUndefined();
    // Exactly the allowed skew still counts; a service the API gives no creation time may be the one.
    expect(pickCreated([service("EDGE", "2025-12-31T23:59:30Z")], body, started, new Set())).toBe("EDGE");
    expect(pickCreated([{ ...service("UNDATED", ""), createdAt: undefined }], body, started, new Set())).toBe("UNDATED");
  });

  test("lists every candidate; the default flag counts unless a later promotion may have set it", () => {
    const services = [service("A", "2026-01-01T00:00:01Z"), service("B", "2026-01-01T00:00:02Z", { defaultForProject: true })];
    expect(createdCandidates(services, body, started, new Set()).map((s) => s.id)).toEqual(["A"]);
    expect(createdCandidates(services, body, started, new Set(), { anyDefault: true }).map((s) => s.id)).toEqual(["A", "B"]);
    expect(createdCandidates(services, body, started, new Set(["A"]), { anyDefault: true }).map((s) => s.id)).toEqual(["B"]);
  });
});

describe("default handoff decisions", () => {
  test.each([
    [false, 0, 1000, "handed-over"],
    [false, 5000, 1000, "handed-over"],
    [true, 0, 1000, "wait"],
    [true, 999, 1000, "wait"],
    [true, 1000, 1000, "timed-out"],
    [true, 0, 0, "timed-out"],
  ] as const)("still default %s after %i of %i ms: %s", (stillDefault, elapsed, timeout, step) => {
    expect(handoffStep(stillDefault, elapsed, timeout)).toBe(step);
  });

  test("the failure names the ways out; the caller names the service", () => {
    const demote = handoffFailureMessage("demote", 60_000, "must always have one");
    expect(demote).toMatch(/^it cannot stop being the project's default service/);
    expect(demote).not.toContain("Fax service");
    expect(demote).toContain("within 60s");
    expect(demote).toContain("must always have one");
    expect(demote).toContain("set defaultForProject: true on another FaxService");
    expect(demote).toContain("keep defaultForProject: true on this service");
    expect(demote).toContain("in this stack and run `pulumi up`; or promote another service in the Sinch dashboard and retry; ");
    expect(handoffFailureMessage("delete", 5000, "m")).toContain("pulumi state delete");
  });
});

describe("state mapping", () => {
  test("absent API fields take their defaults; the known webhook is kept while it matches", () => {
    const s = stateOf(
      { id: "S", name: "A", defaultForProject: false, incomingWebhookUrl: "https://u:***@h/x", createdAt: "c", updatedAt: "u" },
      { projectId: "p", numbers: [], knownWebhook: "https://u:pw@h/x", adopted: false },
    );
    expect(s).toEqual({
      ...DEFAULTS,
      name: "A",
      incomingWebhookUrl: "https://u:pw@h/x",
      projectId: "p",
      createdAt: "c",
      updatedAt: "u",
      numbers: [],
      adopted: false,
    });
    // A refresh reports the live fields as `check` would keep them: those at their default left out.
    expect(inputsOf(s)).toStrictEqual({ name: "A", incomingWebhookUrl: "https://u:pw@h/x", projectId: "p" });
    expect(inputsOf({ ...s, resolution: "SUPERFINE", numberOfRetries: 0, defaultForProject: true })).toStrictEqual({
      name: "A",
      incomingWebhookUrl: "https://u:pw@h/x",
      resolution: "SUPERFINE",
      numberOfRetries: 0,
      defaultForProject: true,
      projectId: "p",
    });
    expect(fieldsOf({ id: "S", name: "A", defaultForProject: true, resolution: "SUPERFINE" })).toEqual({
      ...DEFAULTS,
      name: "A",
      defaultForProject: true,
      resolution: "SUPERFINE",
    });
    expect(changedFields(fieldsOf({ id: "S", name: "A", defaultForProject: false }), { ...DEFAULTS, name: "A" })).toEqual([]);
  });
});
