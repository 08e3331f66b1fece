import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handoffFailureMessage } from "../../provider/resources/fax-service/handoff";
import { inspectPdf, pathProblem, pdfPath } from "../../provider/resources/fax-service/pdf";
import { isUnconfirmed, unconfirmedId, unconfirmedState } from "../../provider/resources/fax-service/unconfirmed";

// A create never confirmed (its placeholder id and state), a handoff's failure for a delete, and a PDF at its size limit.
describe("an unconfirmed create", () => {
  test("its placeholder id names the attempt's start and a short random tail; only such ids are placeholders", () => {
    const id = unconfirmedId(1767225600000);
    expect(id).toMatch(/^unconfirmed-1767225600000-[0-9a-z]{1,6}$/);
    expect(isUnconfirmed(id)).toBe(true);
    expect(isUnconfirmed("01ARZ3NDEKTSV4RRFFQ69G5FAV")).toBe(false);
    expect(isUnconfirmed("x-unconfirmed-1")).toBe(false);
    expect(isUnconfirmed(undefined)).toBe(false);
  });

  test("its state keeps the declared fields and when the attempt started, never what to adopt or the pages", () => {
    const inputs = { name: "S", projectId: "p", adopt: "default", coverPages: [], coverPage: "A" } as never;
    expect(unconfirmedState(inputs, Date.parse("2026-01-01T00:00:00Z"))).toStrictEqual({
      name: "S",
      projectId: "p",
      numbers: [],
      adopted: false,
      unconfirmedCreate: { startedAt: "2026-01-01T00:00:00.000Z" },
    });
  });
});

describe("a delete that no other default took over", () => {
  test("says it cannot be deleted while the default, how long it waited, and the ways out", () => {
    const message = handoffFailureMessage("delete", 1500, "a project needs a default");
    expect(message).toMatch(/^it cannot be deleted while it is the project's default service: no other service was promoted within 2s, /);
    expect(message).toContain("and Sinch requires a default (a project needs a default)");
    expect(message).toContain("or remove it from the stack without deleting it: `pulumi state delete <urn>`.");
    expect(message).not.toContain("keep defaultForProject: true");
    expect(message).toMatch(/ The wait is set by sinch:defaultHandoffTimeout \(or SINCH_DEFAULT_HANDOFF_TIMEOUT\), in seconds\.$/);
  });
});

describe("a cover page's PDF at its limits", () => {
  const dir = mkdtempSync(join(tmpdir(), "limit-"));
  test("exactly 5 MiB is accepted; a FileAsset's path is its file", () => {
    writeFileSync(join(dir, "max.pdf"), Buffer.alloc(5 * 1024 * 1024, "%PDF-"));
    expect(inspectPdf("max.pdf", dir)).toMatchObject({ size: 5 * 1024 * 1024 });
    expect(pdfPath({ path: "cover.pdf" })).toBe("cover.pdf");
    expect(pdfPath("cover.pdf")).toBe("cover.pdf");
  });

  test("a file that is not a regular file (a device, a directory) is refused before any read: /dev/zero would never end", () => {
    symlinkSync("/dev/zero", join(dir, "zero.pdf"));
    mkdirSync(join(dir, "folder.pdf"));
    const started = Date.now();
    expect(inspectPdf("zero.pdf", dir)).toEqual({ problem: "zero.pdf is not a regular file (a cover page is a PDF file)" });
    expect(inspectPdf("folder.pdf", dir)).toEqual({ problem: "folder.pdf is not a regular file (a cover page is a PDF file)" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test("a relative path stays in the program's folder; a file elsewhere needs its absolute path", () => {
    const inner = join(dir, "program");
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(dir, "outside.pdf"), "%PDF-1.4\n");
    expect(inspectPdf("../outside.pdf", inner)).toEqual({
      problem: `../outside.pdf is outside the program's folder (${inner}); give its absolute path to use a file from elsewhere`,
    });
    expect(inspectPdf(join(dir, "outside.pdf"), inner)).toMatchObject({ size: 9 });
    expect(pathProblem("covers/./a.pdf", inner)).toBeUndefined();
    expect(pathProblem("covers/../../a.pdf", inner)).toContain("is outside the program's folder");
  });

  test("one byte over the limit is refused, by its size, before it is read", () => {
    writeFileSync(join(dir, "big.pdf"), Buffer.alloc(5 * 1024 * 1024 + 1, "%PDF-"));
    expect(inspectPdf("big.pdf", dir)).toEqual({ problem: "big.pdf is 5.0 MiB; a cover page can be at most 5 MiB" });
  });

  test("a file that only starts like a PDF's header is not one", () => {
    writeFileSync(join(dir, "short.pdf"), "%PDF");
    expect(inspectPdf("short.pdf", dir)).toEqual({ problem: "short.pdf is not a PDF (it does not start with %PDF-)" });
  });
});
