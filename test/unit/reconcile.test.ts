import type { CoverPage, FaxEmail, Service } from "../../provider/client/schemas";
import { CLOCK_SKEW_MS, createdSince } from "../../provider/core/reconcile";
import { matchCreatedEmail } from "../../provider/resources/fax-email/reconcile";
import { DEFAULTS } from "../../provider/resources/fax-service/fields";
import { createdCandidates, recoveredServiceState, serviceCandidates, uploadedPages } from "../../provider/resources/fax-service/reconcile";

// How each resource finds what an interrupted operation made (its reconcile module), decided on what Sinch shows.
const T0 = Date.parse("2026-06-01T12:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe("the time rule every resource shares", () => {
  test("made after the attempt began, less the clock skew; with no (or no readable) time, it could be", () => {
    expect(createdSince(at(0), T0)).toBe(true);
    expect(createdSince(new Date(T0 - CLOCK_SKEW_MS).toISOString(), T0)).toBe(true);
    expect(createdSince(new Date(T0 - CLOCK_SKEW_MS - 1).toISOString(), T0)).toBe(false);
    expect(createdSince(undefined, T0)).toBe(true);
    expect(createdSince("not a time", T0)).toBe(true);
  });
});

describe("the address an interrupted create made", () => {
  const sent = { serviceId: "S", email: "Desk@Example.com", phoneNumbers: [{ number: "+15550000001", permissions: "both" }] };
  const address = (fields: Partial<FaxEmail> = {}): FaxEmail => ({
    email: "desk@example.com",
    phoneNumbers: [{ number: "+15550000001", permissions: "both" }],
    createdAt: at(5),
    ...fields,
  });

  test("the service's address of that email (any case), with the numbers sent, made since the attempt", () => {
    const found = address();
    expect(matchCreatedEmail([address({ email: "other@example.com" }), found], sent, T0)).toEqual({
      kind: "found",
      id: "S/desk@example.com",
      object: found,
    });
  });

  test("none, when the service has no such address", () => {
    expect(matchCreatedEmail([address({ email: "other@example.com" })], sent, T0)).toEqual({
      kind: "none",
      why: "the service has no address Desk@Example.com",
    });
  });

  test("one that is older, or has other numbers, is in the way: never taken", () => {
    expect(matchCreatedEmail([address({ createdAt: at(-3600) })], sent, T0)).toEqual({
      kind: "conflict",
      why: `desk@example.com existed before the run (created ${at(-3600)}); it is not this stack's`,
    });
    expect(matchCreatedEmail([address({ phoneNumbers: [] })], sent, T0)).toEqual({
      kind: "conflict",
      why: "desk@example.com exists with other numbers than the create sent; it may be someone else's",
    });
  });
});

describe("the services and pages an interrupted FaxService create made", () => {
  const service = (id: string, fields: Partial<Service> = {}): Service =>
    ({ ...DEFAULTS, id, name: "N", createdAt: at(5), ...fields }) as Service;
  const body = { ...DEFAULTS, name: "N" } as never;

  test("the default flag and the stamp count, unless the create may have set them after its POST", () => {
    const stamped = service("A", { coverPageId: "P" });
    const promoted = service("B", { defaultForProject: true });
    expect(createdCandidates([stamped, promoted], body, T0, new Set()).map((s) => s.id)).toEqual([]);
    expect(createdCandidates([stamped, promoted], body, T0, new Set(), { anyCoverPage: true }).map((s) => s.id)).toEqual(["A"]);
    expect(createdCandidates([stamped, promoted], body, T0, new Set(), { anyDefault: true }).map((s) => s.id)).toEqual(["B"]);
  });

  test("an adoption made no service; a create stamping no declared page compares its coverPageId", () => {
    expect(serviceCandidates([service("A")], { name: "N", projectId: "p", adopt: "default" }, T0, new Set())).toEqual([]);
    expect(serviceCandidates([service("A", { coverPageId: "P" })], { name: "N", projectId: "p" }, T0, new Set())).toEqual([]);
    expect(
      serviceCandidates([service("A", { coverPageId: "P" })], { name: "N", projectId: "p", coverPage: "X" }, T0, new Set()).map(
        (s) => s.id,
      ),
    ).toEqual(["A"]);
  });

  const declared = [{ name: "A", file: "a.pdf", sha256: "sha-a", size: 1 }];
  const page = (id: string, name: string, sha: string | undefined, created = 5): CoverPage => ({
    id,
    name,
    fileSha256: sha,
    createdTime: at(created),
  });

  test("a declared page is one of the name and PDF (a page Sinch shows without its PDF is taken by its name)", () => {
    expect(uploadedPages([page("P1", "B", "sha-a"), page("P2", "A", undefined)], declared, { since: T0 })).toEqual([
      { ...declared[0], id: "P2" },
    ]);
    expect(uploadedPages([page("P1", "A", "sha-a")], declared, { since: T0, known: [{ ...declared[0]!, id: "P1" }] })).toEqual([]);
    expect(uploadedPages([page("P1", "A", "sha-a")], declared, { since: T0, notOurs: ["P1"] })).toEqual([]);
    expect(uploadedPages([page("P1", "A", "sha-a", -3600)], declared, { since: T0 })).toEqual([]);
  });

  test("on a service the create made, every page is the stack's, an old one too, and one without a PDF with none", () => {
    expect(uploadedPages([page("P1", "A", "sha-a", -3600), page("P2", "Z", undefined)], declared, { since: T0, created: true })).toEqual([
      { ...declared[0], id: "P1" },
      { name: "Z", file: "", sha256: "", size: 0, id: "P2" },
    ]);
  });

  test("the stamp is recorded only when a page of its name was found", () => {
    const inputs = { name: "N", projectId: "p", coverPage: "A" };
    expect(recoveredServiceState(inputs, [{ ...declared[0]!, id: "P1" }], undefined)).toMatchObject({ coverPage: "A", adopted: false });
    expect(recoveredServiceState(inputs, [{ name: "Z", file: "", sha256: "", size: 0, id: "P2" }], undefined)).not.toHaveProperty(
      "coverPage",
    );
    expect(recoveredServiceState({ name: "N", projectId: "p" }, [{ ...declared[0]!, id: "P1" }], undefined)).not.toHaveProperty(
      "coverPage",
    );
  });
});
