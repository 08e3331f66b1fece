import type { FieldViolation } from "./http-util";
import { isJsonObject } from "./value-rules";

/** Longest cover page name accepted (the file gives no limit). */
export const MAX_COVER_PAGE_NAME = 100;

/** Largest cover page PDF accepted, decoded (the file gives no limit). */
export const MAX_COVER_PAGE_BYTES = 5 * 1024 * 1024;

const READ_ONLY = new Set(["id", "projectId", "serviceId", "createdTime", "updatedTime"]);

/**
 * Checks a cover page body: a `name` (a non-blank string of at most
 * {@link MAX_COVER_PAGE_NAME} characters) and a `file` whose `fileType` is
 * `PDF` and whose `fileContent` is standard, padded base64 of a PDF (it starts
 * with `%PDF-`) of at most {@link MAX_COVER_PAGE_BYTES}. Both are required, as
 * the file's schema says; anything else is refused.
 */
export function validateCoverPage(body: Record<string, unknown>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const field of ["name", "file"]) {
    if (!Object.hasOwn(body, field)) violations.push({ field, description: "is required" });
  }
  for (const [field, value] of Object.entries(body)) {
    const problem =
      value === null
        ? "must not be null"
        : field === "name"
          ? nameProblem(value)
          : field === "file"
            ? undefined
            : READ_ONLY.has(field)
              ? "is read-only"
              : "is not a field of a cover page";
    if (problem) violations.push({ field, description: problem });
    else if (field === "file") violations.push(...fileViolations(value));
  }
  return violations;
}

function nameProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "must be a string";
  if (value.trim() === "") return "must not be empty";
  return value.length > MAX_COVER_PAGE_NAME ? `must be at most ${MAX_COVER_PAGE_NAME} characters` : undefined;
}

function fileViolations(file: unknown): FieldViolation[] {
  if (!isJsonObject(file)) {
    return [{ field: "file", description: "must be an object with fileContent and fileType" }];
  }
  const violations: FieldViolation[] = [];
  for (const field of ["fileContent", "fileType"]) {
    if (!Object.hasOwn(file, field)) violations.push({ field: `file.${field}`, description: "is required" });
  }
  for (const [field, value] of Object.entries(file)) {
    const problem =
      field === "fileType"
        ? value === "PDF"
          ? undefined
          : "must be PDF"
        : field === "fileContent"
          ? contentProblem(value)
          : "is not a field of a cover page file";
    if (problem) violations.push({ field: `file.${field}`, description: problem });
  }
  return violations;
}

function contentProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "must be a base64 string";
  // One character class, no groups: linear on a multi-megabyte string.
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return "must be standard base64 (padded, no line breaks)";
  if (Buffer.byteLength(value, "base64") > MAX_COVER_PAGE_BYTES) return `must decode to at most ${MAX_COVER_PAGE_BYTES} bytes`;
  // Stryker disable next-line MethodExpression: the first 8 characters hold the first 5 bytes; decoding them alone spares megabytes
  const head = Buffer.from(value.slice(0, 8), "base64").subarray(0, 5).toString("latin1");
  return head === "%PDF-" ? undefined : "must be a PDF (its bytes start with %PDF-)";
}
