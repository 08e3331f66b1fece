import { z } from "zod";
import { isMasked } from "./webhook";

// Validators shared by the field tables. Each states its whole rule in its
// message, which follows the field's name in a failure.

/** A Crockford base32 ULID, as Sinch's ids are. */
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** A phone number in E.164 form. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** true or false. */
export const bool = z.boolean({ error: "must be true or false" });

/** One of the given strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

/** A whole number within bounds. */
export function integer(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** A string matching a pattern, with one message for every way of missing it. */
export function matching(pattern: RegExp, error: string) {
  return z.string({ error }).regex(pattern, { error });
}

/** An E.164 phone number. */
export const phoneNumber = matching(E164, "must be a phone number in E.164 format, like +15551234567");

/** A string of 1 to `max` characters. */
export function text(max: number) {
  return z
    .string({ error: `must be a string of 1 to ${max} characters` })
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });
}

/** An absolute http(s) URL that is not one read back from Sinch with its password masked. */
export const webhookUrl = z
  .string({ error: "must be a URL" })
  .refine((v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol), { error: "must be an absolute http(s) URL" })
  .refine((v) => !isMasked(v), { error: "holds Sinch's masked password (***); give the real credentials or none" });
