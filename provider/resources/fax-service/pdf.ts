import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { MAX_COVER_PAGE_MIB } from "../../fields/fax-service";

/** What every PDF starts with. */
const PDF_MAGIC = "%PDF-";
const MAX_BYTES = MAX_COVER_PAGE_MIB * 1024 * 1024;

/** The path of a cover page's file: a path, or a FileAsset as it reaches the provider. */
export function pdfPath(file: unknown): string {
  return typeof file === "string" ? file : String((file as { path?: unknown }).path);
}

/**
 * Why a cover page's path cannot be used as given, if it cannot. The rule: a
 * relative path is resolved in the program's folder and must stay inside it
 * (`../../x.pdf` is refused: a program's files travel with it, and nothing
 * outside the folder should be read and sent to Sinch by accident); a file
 * elsewhere is used only when the program gives its absolute path.
 */
export function pathProblem(file: string, folder: string): string | undefined {
  if (isAbsolute(file)) return undefined;
  const inside = relative(folder, resolve(folder, file));
  if (inside.startsWith("..") || isAbsolute(inside)) {
    return `${file} is outside the program's folder (${folder}); give its absolute path to use a file from elsewhere`;
  }
  return undefined;
}

/**
 * Reads at most `limit` bytes of a regular file (a device or a FIFO could be
 * endless: `/dev/zero` reports size 0 and never ends), and whether there was more.
 */
function readBounded(path: string, limit: number): { bytes: Buffer; more: boolean } {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(limit + 1);
    let total = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at limit + 1 the read asks for 0 bytes and gets 0, which ends the loop too
    for (let n = 1; n > 0 && total <= limit; total += n) n = readSync(fd, buffer, total, limit + 1 - total, null);
    return { bytes: buffer.subarray(0, Math.min(total, limit)), more: total > limit };
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (file: string, size: number) =>
  `${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; a cover page can be at most ${MAX_COVER_PAGE_MIB} MiB`;

/**
 * Reads a cover page's PDF, relative to the program: its SHA-256 and size, or
 * why it cannot be used (outside the program's folder, missing, not a regular
 * file, too large, not a PDF). Nothing is sent anywhere; no read goes past the limit.
 */
export function inspectPdf(file: string, cwd = process.cwd()): { sha256: string; size: number } | { problem: string } {
  const outside = pathProblem(file, cwd);
  if (outside) return { problem: outside };
  const path = resolve(cwd, file);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return { problem: `no such file: ${file}` };
  }
  if (!stat.isFile()) return { problem: `${file} is not a regular file (a cover page is a PDF file)` };
  if (stat.size > MAX_BYTES) return { problem: tooLarge(file, stat.size) };
  const { bytes: pdf, more } = readBounded(path, MAX_BYTES);
  // Stryker disable next-line all: only a file that grows between the stat above and this read gets here
  if (more) return { problem: tooLarge(file, MAX_BYTES + 1) };
  if (pdf.subarray(0, PDF_MAGIC.length).toString("latin1") !== PDF_MAGIC)
    return { problem: `${file} is not a PDF (it does not start with ${PDF_MAGIC})` };
  return { sha256: createHash("sha256").update(pdf).digest("hex"), size: pdf.length };
}

/** A cover page's PDF, to upload; it must still be the one `check` inspected. */
export function loadPdf(file: string, sha256: string, cwd = process.cwd()): Buffer {
  const { bytes: pdf } = readBounded(resolve(cwd, file), MAX_BYTES);
  const actual = createHash("sha256").update(pdf).digest("hex");
  if (actual !== sha256) throw new Error(`${file} changed after the preview (its SHA-256 is now ${actual}); run the update again`);
  return pdf;
}
