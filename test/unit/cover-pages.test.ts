import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UNKNOWN } from "../../provider/fields/table";
import { planCoverPages, stampedCoverPageId } from "../../provider/resources/fax-service/cover-pages";
import { DEFAULTS, type DesiredFields } from "../../provider/resources/fax-service/fields";
import { inspectPdf, loadPdf } from "../../provider/resources/fax-service/pdf";
import { decideDiff, planUpdate } from "../../provider/resources/fax-service/plan";
import { checkInputs } from "../../provider/resources/fax-service/validate";

const base: DesiredFields = { ...DEFAULTS, name: "Svc" };
const page = (name: string, sha256: string) => ({ name, file: `${name}.pdf`, sha256, size: 10 });
const stored = (name: string, sha256: string, id: string) => ({ ...page(name, sha256), id });
const A = stored("A", "a1", "ID-A");
const B = stored("B", "b1", "ID-B");

describe("cover pages: what to upload, keep and delete", () => {
  test("same name and PDF is kept (a moved file is no change); a changed PDF is a new page; a removed name goes", () => {
    const plan = planCoverPages([A, B], [{ ...page("A", "a1"), file: "moved/A.pdf" }, page("B", "b2"), page("C", "c1")]);
    expect(plan.keep).toEqual([{ ...A, file: "moved/A.pdf" }]);
    expect(plan.upload).toEqual([page("B", "b2"), page("C", "c1")]);
    expect(plan.remove).toEqual([B]);
    expect(planCoverPages([A, B], [])).toEqual({ upload: [], keep: [], remove: [A, B] });
  });

  test("after an update that failed half-way, the page with the declared PDF is the one kept", () => {
    const replaced = stored("A", "a2", "ID-A2");
    expect(planCoverPages([A, replaced], [page("A", "a2")])).toEqual({ upload: [], keep: [replaced], remove: [A] });
  });

  test("the stamped page's id: known when kept, unknown while it is to be uploaded, else the coverPageId given", () => {
    expect(stampedCoverPageId("A", undefined, [A])).toBe("ID-A");
    expect(stampedCoverPageId("C", undefined, [A])).toBe(UNKNOWN);
    expect(stampedCoverPageId(undefined, "01ARZ3NDEKTSV4RRFFQ69G5FAV", [A])).toBe("01ARZ3NDEKTSV4RRFFQ69G5FAV");
  });
});

describe("cover pages in the service's diff and plan", () => {
  const state = { ...base, projectId: "p", coverPages: [A, B], coverPage: "A", coverPageId: "ID-A" };

  test("no change when the pages and the stamp are as declared", () => {
    expect(decideDiff(state, { ...base, projectId: "p", coverPages: [page("A", "a1"), page("B", "b1")], coverPage: "A" }).changes).toBe(
      false,
    );
  });

  test("a service repointed by hand, a new PDF, another stamp: each is a change", () => {
    const desired = { ...base, projectId: "p", coverPages: [page("A", "a1"), page("B", "b1")], coverPage: "A" };
    expect(decideDiff({ ...state, coverPageId: "ID-OTHER" }, desired).fields).toEqual(["coverPageId"]);
    expect(decideDiff(state, { ...desired, coverPages: [page("A", "a2"), page("B", "b1")] }).diffs).toEqual(["coverPageId", "coverPages"]);
    expect(decideDiff(state, { ...desired, coverPage: "B" }).fields).toEqual(["coverPageId"]);
    expect(decideDiff(state, { ...desired, coverPages: UNKNOWN }).changes).toBe(true);
  });

  test("replacing the stamped page: upload, then a PATCH to its new id, then delete the old", () => {
    const plan = planUpdate(state, { ...base, projectId: "p", coverPages: [page("A", "a2"), page("B", "b1")], coverPage: "A" });
    expect(plan.pages).toEqual({ upload: [page("A", "a2")], keep: [B], remove: [A] });
    expect(plan.stampUploaded).toBe("A");
    expect(plan.patch).toEqual({});
  });

  test("stamping a kept page, or none, is a plain PATCH", () => {
    expect(planUpdate(state, { ...base, projectId: "p", coverPages: [page("A", "a1"), page("B", "b1")], coverPage: "B" }).patch).toEqual({
      coverPageId: "ID-B",
    });
    const none = planUpdate(state, { ...base, projectId: "p", coverPages: [page("A", "a1"), page("B", "b1")] });
    expect(none.patch).toEqual({ coverPageId: "" });
    expect(none.stampUploaded).toBeUndefined();
  });
});

describe("cover pages in check", () => {
  const check = (news: Record<string, unknown>) => checkInputs(news, "p", "no project");

  test.each([
    [{ coverPage: "A" }, "coverPage must name one of coverPages (none is declared)"],
    [{ coverPages: [{ name: "A", file: "a.pdf" }], coverPage: "B" }, 'coverPage must name one of coverPages: "A"'],
    [
      { coverPages: [{ name: "A", file: "a.pdf" }], coverPage: "A", coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" },
      "coverPage and coverPageId both choose the cover page: give one",
    ],
    [
      {
        coverPages: [
          { name: "A", file: "a.pdf" },
          { name: "A", file: "b.pdf" },
        ],
      },
      "coverPages must not name two pages alike",
    ],
    [{ coverPages: [{ name: "", file: "a.pdf" }] }, "coverPages must not be empty"],
    [{ coverPages: [{ name: "A" }] }, "coverPages must be a file path or a FileAsset"],
    [{ coverPages: "a.pdf" }, "coverPages must be a list of { name, file }"],
  ])("%j fails: %s", (news, reason) => {
    expect(
      check(news)
        .failures.map((f) => f.reason)
        .join("\n"),
    ).toContain(reason);
  });

  test("the rules across pages name coverPage, and list every declared page", () => {
    const two = [
      { name: "A", file: "a.pdf" },
      { name: "B", file: "b.pdf" },
    ];
    expect(check({ coverPages: two, coverPage: "C" }).failures).toEqual([
      { property: "coverPage", reason: 'coverPage must name one of coverPages: "A", "B"' },
    ]);
    expect(check({ coverPage: "A" }).failures).toEqual([
      { property: "coverPage", reason: "coverPage must name one of coverPages (none is declared)" },
    ]);
    expect(check({ coverPages: two, coverPage: "A", coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }).failures).toEqual([
      { property: "coverPage", reason: "coverPage and coverPageId both choose the cover page: give one" },
    ]);
  });

  test("a page, or a page's name, not known yet (a preview) may be the one coverPage names", () => {
    expect(check({ coverPages: [UNKNOWN], coverPage: "A" }).failures).toEqual([]);
    expect(
      check({
        coverPages: [
          { name: "B", file: "b.pdf" },
          { name: UNKNOWN, file: "a.pdf" },
        ],
        coverPage: "A",
      }).failures,
    ).toEqual([]);
  });

  test("a FileAsset (an object with a path) and the engine's unknown value are accepted", () => {
    expect(check({ coverPages: [{ name: "A", file: { path: "a.pdf", hash: "x" } }], coverPage: "A" }).failures).toEqual([]);
    expect(check({ coverPages: UNKNOWN, coverPage: "A" }).failures).toEqual([]);
  });
});

describe("reading a cover page's PDF", () => {
  const dir = mkdtempSync(join(tmpdir(), "pdf-"));
  writeFileSync(join(dir, "ok.pdf"), "%PDF-1.4\n1 0 obj\n");
  writeFileSync(join(dir, "text.pdf"), "not a pdf");
  writeFileSync(join(dir, "big.pdf"), Buffer.alloc(5 * 1024 * 1024 + 1, "%PDF-"));

  test("its SHA-256 and size, relative to the program; or why it cannot be used", () => {
    const sha256 = createHash("sha256").update("%PDF-1.4\n1 0 obj\n").digest("hex");
    expect(inspectPdf("ok.pdf", dir)).toEqual({ sha256, size: 17 });
    expect(inspectPdf("missing.pdf", dir)).toEqual({ problem: "no such file: missing.pdf" });
    expect(inspectPdf("text.pdf", dir)).toEqual({ problem: "text.pdf is not a PDF (it does not start with %PDF-)" });
    expect(inspectPdf("big.pdf", dir)).toEqual({ problem: "big.pdf is 5.0 MiB; a cover page can be at most 5 MiB" });
  });

  test("the upload refuses a PDF that changed since check", () => {
    const { sha256 } = inspectPdf("ok.pdf", dir) as { sha256: string };
    expect(loadPdf("ok.pdf", sha256, dir).toString("latin1").startsWith("%PDF-")).toBe(true);
    expect(() => loadPdf("ok.pdf", "0".repeat(64), dir)).toThrow("ok.pdf changed after the preview");
  });
});
