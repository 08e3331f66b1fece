import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureRuntime, resetRuntime } from "../../provider/core/runtime";
import { UNKNOWN } from "../../provider/fields/table";
import { check, diff } from "../../provider/resources/fax-service/check";
import { isEmptyPagePlan, pagesAfter, planCoverPages } from "../../provider/resources/fax-service/cover-pages";
import { describeService } from "../../provider/resources/fax-service/errors";
import { writableFields } from "../../provider/resources/fax-service/fields";
import { checkInputs } from "../../provider/resources/fax-service/validate";

// A FaxService's check and diff with cover pages, with no API call: which PDFs are read, and what a failure says.
const dir = mkdtempSync(join(tmpdir(), "check-"));
const ok = join(dir, "ok.pdf");
writeFileSync(ok, "%PDF-1.4\n%%EOF\n");
const missing = join(dir, "missing.pdf");

beforeEach(() => configureRuntime((key) => (key === "sinch:projectId" ? "p" : undefined)));
afterEach(() => resetRuntime());

describe("check reads the cover pages' PDFs only when it can", () => {
  test("a PDF that cannot be used is a failure of coverPages naming the page; the page is kept without a digest", async () => {
    const { inputs, failures } = await check(
      {},
      {
        name: "S",
        coverPages: [
          { name: "A", file: ok },
          { name: "B", file: missing },
        ],
      },
    );
    expect(failures).toEqual([{ property: "coverPages", reason: `coverPages[1] ("B"): no such file: ${missing}` }]);
    expect(inputs.coverPages).toEqual([
      { name: "A", file: ok, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 15 },
      { name: "B", file: missing, sha256: "", size: 0 },
    ]);
  });

  test("with another input failing, no PDF is read (the failures are the inputs')", async () => {
    const { failures } = await check({}, { name: "", coverPages: [{ name: "B", file: missing }] });
    expect(failures.map((f) => f.property)).toEqual(["name"]);
  });

  test.each([
    ["its name", { name: UNKNOWN, file: missing }],
    ["its file", { name: "B", file: UNKNOWN }],
    ["its FileAsset's path", { name: "B", file: { path: UNKNOWN } }],
    ["the whole page (an output of another resource)", UNKNOWN],
  ])("while %s is not known yet (a preview), no PDF is read and the pages stay as given", async (_, unknownPage) => {
    const pages = [{ name: "A", file: missing }, unknownPage];
    const { inputs, failures } = await check({}, { name: "S", coverPages: pages });
    expect(failures).toEqual([]);
    expect(inputs.coverPages).toEqual(pages);
  });

  test("a page not known yet is a change of coverPages in the diff", async () => {
    const { inputs } = await check({}, { name: "S", coverPages: [UNKNOWN] });
    const state = { name: "S", projectId: "p", numbers: [], adopted: false };
    expect(await diff("S1", state, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, diffs: ["coverPages"] });
  });

  test("a FileAsset's path is read like a path", async () => {
    const { inputs, failures } = await check({}, { name: "S", coverPages: [{ name: "A", file: { path: ok } }] });
    expect(failures).toEqual([]);
    expect(inputs.coverPages).toMatchObject([{ name: "A", file: ok, size: 15 }]);
  });

  test("naming a page when none is declared says so", () => {
    expect(checkInputs({ name: "S", coverPages: [], coverPage: "A" }, "p", "").failures).toEqual([
      { property: "coverPage", reason: "coverPage must name one of coverPages (none is declared)" },
    ]);
  });
});

describe("diff, plans and names at their edges", () => {
  test("a create never confirmed is a change, in place", async () => {
    expect(await diff("unconfirmed-1-abc", {}, { name: "S", projectId: "p" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("no pages on either side is no call; state after a plan is the kept pages, then the uploaded ones", () => {
    expect(planCoverPages()).toEqual({ upload: [], keep: [], remove: [] });
    const kept = { name: "A", file: "a.pdf", sha256: "a", size: 1, id: "ID-A" };
    const uploaded = { name: "B", file: "b.pdf", sha256: "b", size: 1, id: "ID-B" };
    expect(pagesAfter({ upload: [], keep: [kept], remove: [] }, [uploaded])).toEqual([kept, uploaded]);
  });

  test("each declared page is matched by its own name and PDF; a plan that only deletes is not empty", () => {
    const a = { name: "A", file: "a.pdf", sha256: "a", size: 1, id: "ID-A" };
    const b = { name: "B", file: "b.pdf", sha256: "b", size: 1, id: "ID-B" };
    const plan = planCoverPages([a, b], [{ name: "B", file: "moved/b.pdf", sha256: "b", size: 1 }]);
    expect(plan).toEqual({ upload: [], keep: [{ ...b, file: "moved/b.pdf" }], remove: [a] });
    expect(isEmptyPagePlan(plan)).toBe(false);
    expect(isEmptyPagePlan({ upload: [], keep: [b], remove: [] })).toBe(true);
    // Two pages of the same PDF under two names: each is its own page.
    const twin = { ...b, name: "C", id: "ID-C" };
    expect(planCoverPages([b, twin], [{ name: "C", file: "b.pdf", sha256: "b", size: 1 }]).keep).toEqual([twin]);
  });

  test("the writable fields of a record are those it has, and only those", () => {
    expect(writableFields({ name: "A", resolution: undefined, projectId: "p" } as never)).toStrictEqual({ name: "A" });
  });

  test("a service is named by its name, or as unnamed, and by its id once known", () => {
    expect(describeService({ id: "S1", name: "Inbound" })).toBe('Fax service "Inbound" (S1)');
    expect(describeService({ id: "S1" })).toBe("Fax service (unnamed) (S1)");
    expect(describeService({ name: "Inbound" })).toBe('Fax service "Inbound"');
  });
});

describe("check's rules that need the state", () => {
  const ULID_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  test("a service being created cannot name a cover page by id (it has none yet): refused at preview, pointing to coverPages", async () => {
    const { failures } = await check({}, { name: "S", coverPageId: ULID_ID });
    expect(failures).toEqual([
      {
        property: "coverPageId",
        reason:
          "a service being created has no cover page yet, so coverPageId cannot name one: declare the page in coverPages and name it in coverPage",
      },
    ]);
    // A service in state, or one to adopt, has pages of its own to name.
    expect((await check({ name: "S", projectId: "p" }, { name: "S", coverPageId: ULID_ID })).failures).toEqual([]);
    // Not known yet (a preview): checked at up.
    expect((await check({}, { name: "S", coverPageId: UNKNOWN })).failures).toEqual([]);
  });

  test("a field back to its default after a change by hand is written out, so the plan shows the value it is set to", async () => {
    const olds = { name: "S", resolution: "SUPERFINE", numberOfRetries: 3, projectId: "p" };
    const { inputs } = await check(olds, { name: "S" });
    expect(inputs).toEqual({ name: "S", resolution: "FINE", projectId: "p" });
    // Otherwise defaults stay out of the inputs.
    expect((await check({ name: "S", projectId: "p" }, { name: "S" })).inputs).toEqual({ name: "S", projectId: "p" });
    expect((await check(olds, { name: "S", resolution: "SUPERFINE" })).inputs).toEqual({
      name: "S",
      resolution: "SUPERFINE",
      projectId: "p",
    });
  });
});
