import { z } from "zod";
import { ERROR_BODY_SHAPES, OPERATIONS } from "./faults";
import { errorReply, type FieldViolation, type Reply } from "./http-util";

// The bodies of the control endpoints. Objects are strict, so that a typo
// (`status_500`) is refused rather than silently ignored.

const probability = z.number().min(0).max(1).optional();
const count = z.int().min(0).optional();
const text = z.string().min(1).max(200);

const latency = z
  .strictObject({ min: z.number().min(0).max(600_000), max: z.number().min(0).max(600_000) })
  .refine((l) => l.min <= l.max, { message: "min must not exceed max" });

/** One fault rule of `PUT /_emulator/faults`, field by field. */
const faultRule = z.strictObject({
  operations: z.array(z.enum(OPERATIONS)).optional(),
  // Node gives methods in upper case; accept any case here.
  methods: z
    .array(z.string().regex(/^[A-Za-z]{1,20}$/, "must be an HTTP method"))
    .transform((methods) => methods.map((m) => m.toUpperCase()))
    .optional(),
  drop: probability,
  status429: probability,
  retryAfterSeconds: z.int().min(0).max(86_400).optional(),
  status500: probability,
  status503: probability,
  lost: probability,
  latencyMs: latency.optional(),
  errorBody: z.enum(ERROR_BODY_SHAPES).optional(),
  times: count,
  skip: count,
});

/** `PUT /_emulator/faults` */
export const faultsBody = z.strictObject({
  rules: z.array(faultRule).max(100).default([]),
  seed: z.int().optional(),
});

/** `PUT /_emulator/rate-limit` */
export const rateLimitBody = z.strictObject({
  perSecond: z.number().positive().max(1_000_000),
  burst: z.int().min(1).max(1_000_000).optional(),
  retryAfter: z.boolean().optional(),
});

/** `PUT /_emulator/policy` */
export const policyBody = z.strictObject({ policy: z.enum(["strict", "lenient"]) });

/** `POST /_emulator/projects`: a project and its key. */
export const projectBody = z.strictObject({ projectId: text, keyId: text, keySecret: text });

const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, "must be in E.164 format");

/** `POST /_emulator/numbers`: a number attached to a service. */
export const numberBody = z.strictObject({
  projectId: text.optional(),
  serviceId: text,
  phoneNumber: e164,
  permissions: z.enum(["both", "send", "receive"]).default("both"),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
    .default("US"),
  suspended: z.boolean().default(false),
  note: z.string().max(500).optional(),
});

/** `POST /_emulator/active-numbers`: an active number to seed, routed at once when a voice configuration is given. */
export const activeNumberBody = z.strictObject({
  phoneNumber: e164,
  projectId: text.optional(),
  regionCode: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
    .default("US"),
  type: z.enum(["MOBILE", "LOCAL", "TOLL_FREE"]).default("LOCAL"),
  capability: z
    .array(z.enum(["SMS", "VOICE"]))
    .refine((c) => new Set(c).size === c.length, { message: "must not list a capability twice" })
    .default(["VOICE"]),
  displayName: z.string().max(200).optional(),
  voiceConfiguration: z
    .discriminatedUnion("type", [
      z.strictObject({ type: z.literal("FAX"), serviceId: text }),
      z.strictObject({ type: z.literal("RTC"), appId: z.string().max(200) }),
      z.strictObject({ type: z.literal("EST"), trunkId: text }),
    ])
    .optional(),
});

/** `PUT /_emulator/provisioning`: the fields sent change. */
export const provisioningBody = z.strictObject({
  delayMs: z.int().min(0).max(600_000).optional(),
  failNumbers: z.array(e164).max(1000).optional(),
  failAll: z.boolean().optional(),
});

/**
 * Parses a control body against its schema: invalid JSON and every schema
 * violation are a 400 in Sinch's error shape. An empty body counts as `{}`.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: string): { value: z.output<T> } | { reply: Reply } {
  let json: unknown = {};
  if (body !== "") {
    try {
      json = JSON.parse(body);
    } catch {
      return { reply: errorReply(400, "The request body is not valid JSON") };
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const violations: FieldViolation[] = parsed.error.issues.map((issue) => ({
    field: fieldName(issue.path),
    description: issue.message,
  }));
  return { reply: errorReply(400, "Invalid request body", violations) };
}

/** `rules[0].drop` for a zod issue path; `body` for the body itself. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = "";
  for (const part of path) name += typeof part === "number" ? `[${part}]` : `${name ? "." : ""}${String(part)}`;
  return name || "body";
}
