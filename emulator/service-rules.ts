import type { FieldViolation } from "./http-util";

/** A service as the emulator stores it: every writable field, plus the read-only ones. */
export interface StoredService {
  id: string;
  projectId: string;
  name: string;
  incomingWebhookUrl?: string | undefined;
  webhookContentType: string;
  defaultForProject: boolean;
  defaultFrom?: string | undefined;
  numberOfRetries: number;
  retryDelaySeconds: number;
  imageConversionMethod: string;
  coverPageId?: string | undefined;
  saveOutboundFaxDocuments: boolean;
  saveInboundFaxDocuments: boolean;
  scanIncomingBarcodes: boolean;
  inProgressNotifications: boolean;
  resolution?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

type Rule = (value: unknown) => string | undefined;

const isBoolean: Rule = (v) => (typeof v === "boolean" ? undefined : "must be a boolean");

function oneOf(values: string[]): Rule {
  return (v) => ((values as unknown[]).includes(v) ? undefined : `must be one of ${values.join(", ")}`);
}

function integerIn(min: number, max: number): Rule {
  return (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be an integer from ${min} to ${max}`;
}

const name: Rule = (v) => (typeof v !== "string" ? "must be a string" : v.length > 60 ? "must be at most 60 characters" : undefined);

const url: Rule = (v) => {
  if (typeof v !== "string") return "must be a string";
  try {
    const parsed = new URL(v);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? undefined : "must be an http(s) URL";
  } catch {
    return "must be an absolute URL";
  }
};

const e164: Rule = (v) => (typeof v === "string" && /^\+[1-9]\d{1,14}$/.test(v) ? undefined : "must be a phone number in E.164 format");

const ulidRule: Rule = (v) => (typeof v === "string" && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(v) ? undefined : "must be a ULID");

/**
 * The writable fields: their rule and the documented default. A field without
 * a default is `clearable`: `""` clears it on PATCH and leaves it unset on
 * POST, as Sinch's Numbers API clears strings. Sinch's OpenAPI file makes no
 * field nullable, so `null` is refused for every field.
 */
const FIELDS: Record<string, { rule: Rule; default?: unknown; clearable?: true }> = {
  name: { rule: name, default: "Default service" },
  incomingWebhookUrl: { rule: url, clearable: true },
  webhookContentType: { rule: oneOf(["multipart/form-data", "application/json"]), default: "multipart/form-data" },
  defaultForProject: { rule: isBoolean, default: false },
  defaultFrom: { rule: e164, clearable: true },
  numberOfRetries: { rule: integerIn(0, 5), default: 3 },
  retryDelaySeconds: { rule: integerIn(30, 300), default: 60 },
  imageConversionMethod: { rule: oneOf(["HALFTONE", "MONOCHROME"]), default: "HALFTONE" },
  coverPageId: { rule: ulidRule, clearable: true },
  saveOutboundFaxDocuments: { rule: isBoolean, default: true },
  saveInboundFaxDocuments: { rule: isBoolean, default: true },
  scanIncomingBarcodes: { rule: isBoolean, default: false },
  inProgressNotifications: { rule: isBoolean, default: false },
  // The OpenAPI file gives no default, but the docs' example response of a
  // default-configured service shows "FINE", and the provider treats an unset
  // resolution as FINE: the two must agree, so a new service gets FINE.
  resolution: { rule: oneOf(["FINE", "SUPERFINE"]), default: "FINE" },
};

/** A writable field's spec; own entries only, so `constructor` or `__proto__` are not fields. */
function specOf(field: string): (typeof FIELDS)[string] | undefined {
  return Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
}

const READ_ONLY = new Set(["id", "projectId", "createdAt", "updatedAt"]);

/** Checks a create or update body field by field, as the API does. */
export function validateServiceBody(body: Record<string, unknown>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [field, value] of Object.entries(body)) {
    const spec = specOf(field);
    if (READ_ONLY.has(field)) {
      violations.push({ field, description: "is read-only" });
    } else if (!spec) {
      violations.push({ field, description: "is not a field of a service" });
    } else if (value === null) {
      violations.push({ field, description: "must not be null" });
    } else if (!(value === "" && spec.clearable)) {
      const problem = spec.rule(value);
      if (problem) violations.push({ field, description: problem });
    }
  }
  return violations;
}

/** Applies a validated body onto a service: sent fields change, `""` clears a clearable field. */
export function applyFields(target: Record<string, unknown>, body: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(body)) {
    // Stryker disable next-line OptionalChaining: bodies are validated first, so every field has a spec
    if (value === "" && specOf(field)?.clearable) delete target[field];
    else target[field] = value;
  }
}

/** A new service with every documented default filled in. */
export function newService(id: string, projectId: string, now: string, body: Record<string, unknown>): StoredService {
  const service: Record<string, unknown> = { id, projectId };
  for (const [field, spec] of Object.entries(FIELDS)) {
    // Stryker disable next-line ConditionalExpression: a field set to undefined is left out of every answer and snapshot all the same
    if (spec.default !== undefined) service[field] = spec.default;
  }
  applyFields(service, body);
  service.createdAt = now;
  service.updatedAt = now;
  return service as unknown as StoredService;
}

/**
 * The service as the API shows it: basic-auth passwords in the webhook URL are
 * masked as `***`, since they can never be read back.
 */
export function publicView(service: StoredService): Record<string, unknown> {
  const view: Record<string, unknown> = { ...service };
  if (service.incomingWebhookUrl) view.incomingWebhookUrl = maskUrl(service.incomingWebhookUrl);
  return view;
}

/** A URL with the password of its basic-auth credentials, if any, as `***`. */
export function maskUrl(url: string): string {
  return url.replace(/^(https?:\/\/[^/@:]*):[^/@]*@/i, "$1:***@");
}
