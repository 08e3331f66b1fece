import { z } from "zod";
import { IMAGE_CONVERSION_METHODS, RESOLUTIONS, WEBHOOK_CONTENT_TYPES } from "../../client/schemas";
import { closestName } from "../../core/suggest";
import { type CheckedInputs, DEFAULTS, isUnknown, type WritableField } from "./fields";
import { isMasked, maskWebhook } from "./webhook";

/** A problem with one input, as `check` reports it to the engine. */
export interface InputFailure {
  property: string;
  reason: string;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const E164 = /^\+[1-9]\d{1,14}$/;

const bool = z.boolean({ error: "must be true or false" });
const oneOf = (values: readonly string[]) =>
  z.string({ error: `must be one of ${values.join(", ")}` }).refine((v) => values.includes(v), {
    error: `must be one of ${values.join(", ")}`,
  });
const integer = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

const webhookUrl = z
  .string({ error: "must be a URL" })
  .refine(
    (v) => {
      try {
        return ["http:", "https:"].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { error: "must be an absolute http(s) URL" },
  )
  .refine((v) => !isMasked(v), {
    error: "holds Sinch's masked password (***); give the real credentials or none",
  });

/** One schema per input: the limits of the API, stated once. */
const INPUT_SCHEMAS: Record<WritableField | "projectId" | "adopt", z.ZodType> = {
  name: z
    .string({ error: "must be a string of 1 to 60 characters" })
    .min(1, { error: "must not be empty" })
    .max(60, { error: "must be at most 60 characters" }),
  incomingWebhookUrl: webhookUrl,
  webhookContentType: oneOf(WEBHOOK_CONTENT_TYPES),
  defaultForProject: bool,
  defaultFrom: z.string({ error: "must be a phone number in E.164 format, like +15551234567" }).regex(E164, {
    error: "must be a phone number in E.164 format, like +15551234567",
  }),
  numberOfRetries: integer(0, 5),
  retryDelaySeconds: integer(30, 300),
  imageConversionMethod: oneOf(IMAGE_CONVERSION_METHODS),
  coverPageId: z.string({ error: "must be a cover page id (a ULID)" }).regex(ULID, { error: "must be a cover page id (a ULID)" }),
  saveOutboundFaxDocuments: bool,
  saveInboundFaxDocuments: bool,
  scanIncomingBarcodes: bool,
  inProgressNotifications: bool,
  resolution: oneOf(RESOLUTIONS),
  projectId: z.string({ error: "must be a project id" }).min(1, { error: "must not be empty" }),
  adopt: z
    .string({ error: 'must be "default" or a service id (a ULID)' })
    .refine((v) => v === "default" || ULID.test(v), { error: 'must be "default" or a service id (a ULID)' }),
};

/** Keys the engine or the resource itself adds; not user inputs. */
const RESERVED = new Set(["__provider", "createdAt", "updatedAt", "numbers", "adopted", "originalSettings"]);

/** Every input a FaxService takes, for suggestions when one is misspelt. */
export const INPUT_NAMES = Object.keys(INPUT_SCHEMAS);

/**
 * Validates FaxService inputs field by field, with no API call, and fills in
 * the documented defaults so the declared state is explicit. Values unknown
 * during preview pass through unchecked. `projectId` falls back to the
 * configured project; `missingProject` is the message when there is none.
 *
 * The engine prints the value of the property a failure names, secret or not,
 * so a failure that may concern a credential (the webhook URL, or an input we
 * do not know) names no property: its reason says which input, and shows a
 * value only with any password masked.
 */
export function checkInputs(
  news: Record<string, unknown>,
  configuredProjectId: string | undefined,
  missingProject: string,
): { inputs: CheckedInputs; failures: InputFailure[] } {
  const failures: InputFailure[] = [];
  const inputs: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(news)) {
    if (RESERVED.has(property) || value === undefined || value === null) continue;
    const schema = INPUT_SCHEMAS[property as keyof typeof INPUT_SCHEMAS];
    if (!schema) {
      const suggestion = closestName(property, INPUT_NAMES);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : ` (its inputs: ${INPUT_NAMES.join(", ")})`;
      failures.push({ property: "", reason: `"${property}" is not an input of FaxService${hint}` });
      continue;
    }
    if (!isUnknown(value)) {
      const result = schema.safeParse(value);
      if (!result.success) {
        const reason = `${property} ${result.error.issues[0]?.message} (got ${describe(value)})`;
        failures.push({ property: property === "incomingWebhookUrl" ? "" : property, reason });
        continue;
      }
    }
    inputs[property] = value;
  }
  // Adopting the default keeps it the default unless the program says otherwise.
  if (inputs.adopt === "default") inputs.defaultForProject ??= true;
  for (const [field, value] of Object.entries(DEFAULTS)) inputs[field] ??= value;
  if (inputs.projectId === undefined) {
    if (configuredProjectId) inputs.projectId = configuredProjectId;
    else failures.push({ property: "projectId", reason: missingProject });
  }
  // Complete once there are no failures (the engine goes no further otherwise); in a
  // preview, a field may still hold the engine's unknown-value placeholder.
  return { inputs: inputs as CheckedInputs, failures };
}

/** A value as messages show it: short, and never with a password. */
function describe(value: unknown): string {
  if (typeof value === "string") {
    const shown = maskWebhook(value);
    return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 77)}...` : shown);
  }
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}
