import type { ActiveNumber, CoverPage, Service } from "../../provider/client/schemas";
import { interruptedIn, kindOf } from "../../provider/recover/interrupted";
import {
  chooseServices,
  type Decision,
  describe as describeDecision,
  emailCreateDecision,
  routeCreateDecision,
  serviceCreateDecision,
  serviceUpdateDecision,
} from "../../provider/recover/plan";
import { applyDecisions, type ExportedDeployment } from "../../provider/recover/state-edit";
import { DEFAULTS } from "../../provider/resources/fax-service/fields";

const T0 = Date.parse("2026-06-01T12:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const urn = (name: string, type = "pulumi-nodejs:dynamic/sinch-fax:FaxService") => `urn:pulumi:s::p::${type}::${name}`;
const service = (id: string, fields: Partial<Service> = {}, created = 5): Service =>
  ({ ...DEFAULTS, id, name: "Outbound", createdAt: at(created), ...fields }) as Service;
const page = (id: string, name: string, sha: string, created = 5): CoverPage => ({ id, name, fileSha256: sha, createdTime: at(created) });
const declared = [
  { name: "A", file: "covers/a.pdf", sha256: "sha-a", size: 10 },
  { name: "B", file: "covers/b.pdf", sha256: "sha-b", size: 20 },
];
const attempt = (name: string, inputs: Record<string, unknown>, op = "creating", extra: object = {}) => ({
  urn: urn(name),
  type: "pulumi-nodejs:dynamic/sinch-fax:FaxService",
  kind: "FaxService" as const,
  op,
  provider: undefined,
  inputs: { projectId: "p", ...inputs },
  state: undefined,
  since: T0,
  ...extra,
});

describe("which resources recovery reconciles", () => {
  test("ours through either front door, nothing else", () => {
    expect(kindOf("pulumi-nodejs:dynamic/sinch-fax:FaxService")).toBe("FaxService");
    expect(kindOf("sinch-fax:index:FaxNumberRoute")).toBe("FaxNumberRoute");
    expect(kindOf("sinch-fax:index:FaxEmail")).toBe("FaxEmail");
    expect(kindOf("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
    expect(kindOf("aws:s3/bucket:Bucket")).toBeUndefined();
    expect(kindOf("sinch-fax:index:Provider")).toBeUndefined();
  });

  test("every pending operation the engine records, and every unconfirmed create, with the resource state has", () => {
    const inState = { urn: urn("upd"), type: "sinch-fax:index:FaxService", id: "S1", outputs: { name: "x" } };
    const deployment: ExportedDeployment = {
      resources: [
        inState,
        {
          urn: urn("ph"),
          type: "sinch-fax:index:FaxService",
          id: "unconfirmed-1767225600000-abc",
          outputs: { unconfirmedCreate: { startedAt: at(0) } },
        },
        { urn: urn("mail"), type: "sinch-fax:index:FaxEmail", id: "S1/a@b.c", outputs: { unconfirmedCreate: { startedAt: at(3) } } },
      ],
      pending_operations: [
        { type: "creating", resource: { urn: urn("new"), type: "sinch-fax:index:FaxService", inputs: { name: "n" }, provider: "prov::1" } },
        { type: "updating", resource: { urn: urn("upd"), type: "sinch-fax:index:FaxService", inputs: { name: "y" } } },
      ],
    };
    const items = interruptedIn(deployment, T0);
    expect(items.map((i) => [i.urn.split("::").pop(), i.op, i.kind, i.since])).toEqual([
      ["new", "creating", "FaxService", T0],
      ["upd", "updating", "FaxService", T0],
      ["ph", "unconfirmed", "FaxService", T0],
      ["mail", "unconfirmed", "FaxEmail", T0 + 3000],
    ]);
    expect(items[0]!.provider).toBe("prov::1");
    expect(items[1]!.state).toBe(inState);
  });
});

describe("which service an interrupted create made", () => {
  test("the fields its POST sent; the page it stamped and the default it became after the POST do not count", () => {
    const mine = service("MINE", { coverPageId: "P1", defaultForProject: true });
    const choices = chooseServices(
      [attempt("out", { name: "Outbound", coverPages: declared, coverPage: "A" })],
      new Map([["p", [service("OLD", {}, -3600), mine, service("OTHER", { numberOfRetries: 1 })]]]),
      new Set(),
    );
    expect(choices.get(urn("out"))).toEqual({ kind: "found", serviceId: "MINE" });
  });

  test("a coverPageId the program gives itself is compared like any field", () => {
    const choices = chooseServices(
      [attempt("out", { name: "Outbound", coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" })],
      new Map([["p", [service("MINE", { coverPageId: "P1" })]]]),
      new Set(),
    );
    expect(choices.get(urn("out"))).toEqual({ kind: "none", why: "no service was created" });
  });

  test("two attempts that could each have made the same services are ambiguous; a service the stack manages is no candidate", () => {
    const services = [service("X"), service("Y")];
    const choices = chooseServices(
      [attempt("a", { name: "Outbound" }), attempt("b", { name: "Outbound" })],
      new Map([["p", services]]),
      new Set(),
    );
    expect(choices.get(urn("a"))).toEqual({ kind: "ambiguous", candidates: ["X", "Y"] });
    expect(chooseServices([attempt("a", { name: "Outbound" })], new Map([["p", services]]), new Set(["X"])).get(urn("a"))).toEqual({
      kind: "found",
      serviceId: "Y",
    });
  });

  test("an adoption is the service check recorded, when it still exists", () => {
    const adoption = { serviceId: "D", settings: { name: "Default service" }, pageIds: ["H"] };
    const services = new Map([["p", [service("D", { defaultForProject: true })]]]);
    expect(chooseServices([attempt("k", { adopt: "default", adoption })], services, new Set()).get(urn("k"))).toEqual({
      kind: "found",
      serviceId: "D",
    });
    expect(
      chooseServices([attempt("k", { adopt: "default", adoption: { ...adoption, serviceId: "GONE" } })], services, new Set()).get(urn("k")),
    ).toEqual({
      kind: "none",
      why: "nothing was adopted",
    });
  });
});

describe("the state recovery writes for what a create made", () => {
  test("a created service: every page on it is the stack's, declared ones with their files, others to be deleted by the next up", () => {
    const a = attempt("out", { name: "Outbound", coverPages: declared, coverPage: "A" });
    const d = serviceCreateDecision(a, "MINE", [page("P1", "A", "sha-a"), page("P2", "B", "sha-b"), page("P3", "A", "sha-old")]);
    expect(d).toMatchObject({ action: "manage", id: "MINE", what: "service" });
    expect(d.action === "manage" && d.outputs).toEqual({
      numbers: [],
      adopted: false,
      coverPage: "A",
      coverPages: [
        { ...declared[0], id: "P1" },
        { ...declared[1], id: "P2" },
        { name: "A", file: "", sha256: "sha-old", size: 0, id: "P3" },
      ],
    });
  });

  test("an adopted service: its own pages are never the stack's, even named and made like a declared one; what it was comes from check's record", () => {
    const adoption = { serviceId: "D", settings: { name: "Default service", coverPageId: "H" }, pageIds: ["H"] };
    const a = attempt("k", { adopt: "default", adoption, coverPages: [declared[0]], coverPage: "A" });
    const d = serviceCreateDecision(a, "D", [page("H", "A", "sha-a", -3600), page("P9", "A", "sha-a", 10)]);
    expect(d.action === "manage" && d.outputs).toEqual({
      numbers: [],
      adopted: true,
      coverPage: "A",
      coverPages: [{ ...declared[0], id: "P9" }],
      originalSettings: adoption.settings,
      originalPageIds: ["H"],
    });
    expect(d.human).toBeUndefined();
  });

  test("an adoption an earlier release ran, without a record: managed as it is now, and said so", () => {
    const d = serviceCreateDecision(attempt("k", { adopt: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }), "01ARZ3NDEKTSV4RRFFQ69G5FAV", [
      page("H", "X", "h"),
    ]);
    expect(d.action === "manage" && d.outputs).toMatchObject({ adopted: true, originalPageIds: ["H"] });
    expect(d.human).toContain("its settings before the adoption were not recorded");
  });

  test("an interrupted update: pages it uploaded (declared, made after it began, not known, not the service's own) enter state", () => {
    const state = { urn: urn("out"), type: "t", id: "S", outputs: { coverPages: [{ ...declared[0], id: "P1" }], originalPageIds: ["H"] } };
    const a = attempt("out", { name: "Outbound", coverPages: declared }, "updating", { state });
    const pages = [page("P1", "A", "sha-a"), page("P2", "B", "sha-b", 10), page("H", "B", "sha-b", 10), page("OLD", "B", "sha-b", -3600)];
    expect(serviceUpdateDecision(a, pages)).toEqual({
      urn: urn("out"),
      op: "updating",
      action: "refresh",
      outputs: {
        coverPages: [
          { ...declared[0], id: "P1" },
          { ...declared[1], id: "P2" },
        ],
      },
    });
    expect(serviceUpdateDecision(a, [page("P1", "A", "sha-a")])).toEqual({ urn: urn("out"), op: "updating", action: "refresh" });
  });

  test("an address: found is managed, none is dropped, one in the way is for a person", () => {
    const a = { ...attempt("desk", {}), kind: "FaxEmail" as const };
    expect(emailCreateDecision(a, { kind: "found", id: "S/d@x.y", object: { email: "d@x.y", phoneNumbers: [] } })).toMatchObject({
      action: "manage",
      id: "S/d@x.y",
    });
    expect(emailCreateDecision(a, { kind: "none", why: "no address" })).toMatchObject({ action: "drop" });
    const conflict = emailCreateDecision(a, { kind: "conflict", why: "d@x.y existed before the run" });
    expect(conflict).toMatchObject({ action: "forget" });
    expect(conflict.human).toContain("delete it in Sinch, or remove it from the program");
  });

  test("a route: the number on (or being provisioned to) the service was routed; the route check recorded is what destroy puts back", () => {
    const original = { type: "RTC", appId: "app-original" };
    const a = {
      ...attempt("r1", { phoneNumber: "+15550000001", serviceId: "S", originalRoute: original }),
      kind: "FaxNumberRoute" as const,
    };
    const number = (voiceConfiguration: object) => ({ phoneNumber: "+15550000001", voiceConfiguration }) as ActiveNumber;
    expect(routeCreateDecision(a, number({ type: "FAX", serviceId: "S" }))).toMatchObject({
      action: "manage",
      id: "+15550000001",
      outputs: { originalRoute: original, suspended: false },
    });
    const waiting = number({
      type: "RTC",
      appId: "app-original",
      scheduledVoiceProvisioning: { type: "FAX", serviceId: "S", status: "WAITING" },
    });
    expect(routeCreateDecision(a, waiting)).toMatchObject({ action: "manage" });
    expect(routeCreateDecision(a, number({ type: "RTC", appId: "app-original" }))).toMatchObject({ action: "drop" });
    expect(routeCreateDecision(a, undefined)).toMatchObject({ action: "drop" });
    const unrecorded = { ...a, inputs: { phoneNumber: "+15550000001", serviceId: "S" } };
    const old = routeCreateDecision(unrecorded, number({ type: "FAX", serviceId: "S" }));
    expect(old).toMatchObject({ action: "manage", outputs: { originalRoute: { type: "RTC", appId: "" } } });
    expect(old.human).toContain("was not recorded");
  });
});

describe("applying the decisions to the exported state", () => {
  const op = (name: string, type = "creating") => ({
    type,
    resource: { urn: urn(name), type: "t", inputs: { name, secret: { sig: "x" } } },
  });

  test("managed creates enter state with their inputs and what was found; a resource they replace is marked for deletion; no operation stays pending", () => {
    const deployment: ExportedDeployment = {
      resources: [
        { urn: urn("old"), type: "t", id: "O", outputs: {} },
        { urn: urn("upd"), type: "t", id: "U", outputs: { a: 1 } },
      ],
      pending_operations: [op("new"), op("old"), op("gone"), op("twin"), op("upd", "updating")],
    };
    const decisions: Decision[] = [
      { urn: urn("new"), op: "creating", action: "manage", id: "N", what: "service", outputs: { adopted: false } },
      { urn: urn("old"), op: "creating", action: "manage", id: "O2", what: "service", outputs: {} },
      { urn: urn("gone"), op: "creating", action: "drop", why: "none" },
      { urn: urn("twin"), op: "creating", action: "unresolved", candidates: ["X", "Y"], since: T0 },
      { urn: urn("upd"), op: "updating", action: "refresh", outputs: { b: 2 } },
    ];
    const { deployment: out, refresh } = applyDecisions(deployment, decisions);
    expect(out.pending_operations).toEqual([]);
    expect(out.resources!.map((r) => [r.urn.split("::").pop(), r.id, r.delete ?? false])).toEqual([
      ["old", "O", true],
      ["upd", "U", false],
      ["new", "N", false],
      ["old", "O2", false],
      ["twin", expect.stringMatching(/^unconfirmed-/), false],
    ]);
    expect(out.resources![2]!.outputs).toEqual({ name: "new", secret: { sig: "x" }, adopted: false });
    expect(out.resources![1]!.outputs).toEqual({ a: 1, b: 2 });
    expect(out.resources![4]!.outputs).toMatchObject({ unconfirmedCreate: { startedAt: new Date(T0).toISOString() } });
    expect(refresh).toEqual([urn("new"), urn("old"), urn("upd")]);
  });

  test("an unconfirmed service gets its resolution, which its read turns into the real id", () => {
    const deployment: ExportedDeployment = {
      resources: [{ urn: urn("ph"), type: "t", id: "unconfirmed-1-a", outputs: { unconfirmedCreate: { startedAt: at(0) } } }],
    };
    const { deployment: out } = applyDecisions(deployment, [{ urn: urn("ph"), op: "unconfirmed", action: "resolve", serviceId: "S" }]);
    expect(out.resources![0]!.outputs).toEqual({ unconfirmedCreate: { startedAt: at(0), resolved: { serviceId: "S" } } });
  });

  test("each decision reads as one line", () => {
    expect(describeDecision({ urn: urn("a"), op: "creating", action: "manage", id: "S", what: "service", outputs: {} })).toBe(
      "a (interrupted create): found service S; brought under management",
    );
    expect(describeDecision({ urn: urn("a"), op: "deleting", action: "refresh" })).toBe("a (interrupted delete): refreshed from Sinch");
    expect(describeDecision({ urn: urn("a"), op: "unconfirmed", action: "resolve" })).toBe(
      "a (unconfirmed create): no service was created; dropped",
    );
  });
});
