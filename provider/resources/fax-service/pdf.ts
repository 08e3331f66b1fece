import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_COVER_PAGE_MIB } from "../../fields/fax-service";

/** What every PDF starts with. */
const PDF_MAGIC = "%PDF-";

/** The path of a cover page's file: a path, or a FileAsset as it reaches the provider. */
export function pdfPath(file: unknown): string {
  return typeof file === "string" ? file : String((file as { path?: unknown }).path);
}

/**
 * Reads a cover page's PDF, relative to the program: its SHA-256 and size, or
 * why it cannot be used (missing, not a PDF, too large). Nothing is sent anywhere.
 */
export function inspectPdf(file: string, cwd = process.cwd()): { sha256: string; size: number } | { problem: string } {
  const path = resolve(cwd, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { problem: `no such file: ${file}` };
  }
  if (size > MAX_COVER_PAGE_MIB * 1024 * 1024) {
    return { problem: `${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; a cover page can be at most ${MAX_COVER_PAGE_MIB} MiB` };
  }
  const pdf = readFileSync(path);
  if (pdf.subarray(0, PDF_MAGIC.length).toString("latin1") !== PDF_MAGIC)
    return { problem: `${file} is not a PDF (it does not start with ${PDF_MAGIC})` };
  return { sha256: createHash("sha256").update(pdf).digest("hex"), size };
}

/** A cover page's PDF, to upload; it must still be the one `check` inspected. */
export function loadPdf(file: string, sha256: string, cwd = process.cwd()): Buffer {
  const pdf = readFileSync(resolve(cwd, file));
  const actual = createHash("sha256").update(pdf).digest("hex");
  if (actual !== sha256) throw new Error(`${file} changed after the preview (its SHA-256 is now ${actual}); run the update again`);
  return pdf;
}
