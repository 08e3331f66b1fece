import type { FieldViolation } from "./http-util";
import type { Permission } from "./snapshot";
import { isJsonObject } from "./value-rules";

/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

const PERMISSIONS: readonly string[] = ["both", "send", "receive"] satisfies Permission[];
const E164 = /^\+[1-9]\d{1,14}$/;
// A plain address: no spaces or specials before the @, a domain of letter/digit/hyphen labels with a dot.
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const READ_ONLY = new Set(["projectId", "createdAt", "updatedAt"]);

/** Whether a string is an email address the emulator accepts. */
export function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/**
 * Checks an `Email` body (`create`: `email` and `phoneNumbers`, both
 * required) or the body of its update (`phoneNumbers` only, required). Every
 * number must be one of the service's numbers, listed once; `permissions`
 * is `both`, `send` or `receive`.
 */
export function validateEmailBody(
  body: Record<string, unknown>,
  kind: "create" | "update",
  serviceNumbers: ReadonlySet<string>,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const required = kind === "create" ? ["email", "phoneNumbers"] : ["phoneNumbers"];
  for (const field of required) {
    if (!Object.hasOwn(body, field)) violations.push({ field, description: "is required" });
  }
  for (const [field, value] of Object.entries(body)) {
    if (field === "phoneNumbers") violations.push(...numbersViolations(value, serviceNumbers));
    else if (field === "email" && kind === "create") {
      if (typeof value !== "string" || !isEmail(value)) violations.push({ field, description: "must be an email address" });
    } else if (READ_ONLY.has(field) && kind === "create") violations.push({ field, description: "is read-only" });
    else violations.push({ field, description: `is not a field of ${kind === "create" ? "an email" : "an email update"}` });
  }
  return violations;
}

function numbersViolations(value: unknown, serviceNumbers: ReadonlySet<string>): FieldViolation[] {
  if (!Array.isArray(value)) return [{ field: "phoneNumbers", description: "must be an array of numbers" }];
  const violations: FieldViolation[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const at = `phoneNumbers[${i}]`;
    if (!isJsonObject(entry)) {
      violations.push({ field: at, description: "must be an object with number and permissions" });
      return;
    }
    if (!Object.hasOwn(entry, "number")) violations.push({ field: `${at}.number`, description: "is required" });
    for (const [field, v] of Object.entries(entry)) {
      const where = `${at}.${field}`;
      if (field === "permissions") {
        if (!(PERMISSIONS as unknown[]).includes(v)) violations.push({ field: where, description: "must be one of both, send, receive" });
      } else if (field !== "number") {
        violations.push({ field: where, description: "is not a field of a number" });
      } else if (typeof v !== "string" || !E164.test(v)) {
        violations.push({ field: where, description: "must be a phone number in E.164 format" });
      } else if (seen.has(v)) {
        violations.push({ field: where, description: `${v} is listed more than once` });
      } else if (!serviceNumbers.has(v)) {
        seen.add(v);
        violations.push({ field: where, description: `${v} is not a number of this service` });
      } else {
        seen.add(v);
      }
    }
  });
  return violations;
}

/** The numbers of a valid body, each with its permissions (`both` when not sent). */
export function numbersOf(body: Record<string, unknown>): { number: string; permissions: Permission }[] {
  return (body.phoneNumbers as { number: string; permissions?: Permission }[]).map((p) => ({
    number: p.number,
    permissions: p.permissions ?? "both",
  }));
}
