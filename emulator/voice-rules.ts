import { ID_FIELDS } from "./active-numbers";
import type { FieldViolation } from "./http-util";
import type { StoredActiveNumber, VoiceRoute } from "./snapshot";
import { isJsonObject } from "./value-rules";

/** A checked `ActiveNumberRequest`: only what was sent (a configuration refused is undefined, and the patch is dropped). */
export interface NumberPatch {
  displayName?: string;
  sms?: { servicePlanId: string; campaignId: string } | undefined;
  voice?: VoiceRoute | undefined;
  callbackUrl?: string;
}

const ANY_ID_FIELD = new Set<string>(Object.values(ID_FIELDS));

/**
 * Checks a PATCH body of an active number. Every field is optional, `null` is
 * refused, and so is an empty configuration object (as the file says). A
 * voice configuration needs its `type`, and the id field of that type only:
 * `appId` for RTC (`""` unroutes the number), a non-empty `trunkId` for EST, a
 * non-empty `serviceId` naming a fax service of the project for FAX; the
 * number must have the VOICE capability. Read-only fields are refused.
 */
export function checkNumberPatch(
  body: Record<string, unknown>,
  number: StoredActiveNumber,
  isFaxService: (id: string) => boolean,
): { patch: NumberPatch } | { violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const patch: NumberPatch = {};
  const refuse = (field: string, description: string) => violations.push({ field, description });
  for (const [field, value] of Object.entries(body)) {
    if (value === null) refuse(field, "must not be null");
    else if (field === "displayName" || field === "callbackUrl") {
      const problem = typeof value !== "string" ? "must be a string" : field === "callbackUrl" ? urlProblem(value) : undefined;
      if (problem) refuse(field, problem);
      else patch[field] = value as string;
    } else if (field === "smsConfiguration") {
      patch.sms = checkSms(value, refuse);
    } else if (field === "voiceConfiguration") {
      patch.voice = checkVoice(value, refuse, isFaxService);
      if (patch.voice && !number.capability.includes("VOICE")) refuse(field, "the number does not have the VOICE capability");
    } else {
      refuse(field, "is not a field of an active number request");
    }
  }
  return violations.length > 0 ? { violations } : { patch };
}

type Refuse = (field: string, description: string) => void;

/** The SMS configuration sent; it counts only when nothing was refused (the whole patch is dropped otherwise). */
function checkSms(value: unknown, refuse: Refuse): NumberPatch["sms"] {
  if (!isJsonObject(value) || Object.keys(value).length === 0) {
    refuse("smsConfiguration", "must be a non-empty configuration object");
    return undefined;
  }
  if (!Object.hasOwn(value, "servicePlanId")) refuse("smsConfiguration.servicePlanId", "is required");
  for (const [field, v] of Object.entries(value)) {
    const at = `smsConfiguration.${field}`;
    const problem =
      field === "servicePlanId" || field === "campaignId"
        ? typeof v === "string"
          ? undefined
          : "must be a string"
        : field === "scheduledProvisioning"
          ? "is read-only"
          : "is not a field of an SMS configuration";
    if (problem) refuse(at, problem);
  }
  return { servicePlanId: value.servicePlanId as string, campaignId: (value.campaignId as string | undefined) ?? "" };
}

function checkVoice(value: unknown, refuse: Refuse, isFaxService: (id: string) => boolean): VoiceRoute | undefined {
  if (!isJsonObject(value) || Object.keys(value).length === 0) {
    refuse("voiceConfiguration", "must be a non-empty configuration object");
    return undefined;
  }
  const type = value.type;
  if (type !== "RTC" && type !== "EST" && type !== "FAX") {
    refuse("voiceConfiguration.type", "must be one of RTC, EST, FAX");
    return undefined;
  }
  const idField = ID_FIELDS[type];
  let ok = true;
  for (const [field, v] of Object.entries(value)) {
    const at = `voiceConfiguration.${field}`;
    let problem: string | undefined;
    if (field === "lastUpdatedTime" || field === "scheduledVoiceProvisioning") problem = "is read-only";
    else if (ANY_ID_FIELD.has(field) && field !== idField) problem = `is not a field of a ${type} voice configuration`;
    else if (field !== "type" && field !== idField) problem = "is not a field of a voice configuration";
    // Only the id field and `type` (a string by now) are left.
    else if (typeof v !== "string") problem = "must be a string";
    if (problem) {
      refuse(at, problem);
      ok = false;
    }
  }
  const id = value[idField];
  if (!ok) return undefined;
  if (typeof id !== "string") {
    refuse(`voiceConfiguration.${idField}`, type === "RTC" ? 'is required ("" unroutes the number)' : "is required");
    return undefined;
  }
  if (type !== "RTC" && id === "") {
    refuse(`voiceConfiguration.${idField}`, "must not be empty");
    return undefined;
  }
  if (type === "FAX" && !isFaxService(id)) {
    refuse("voiceConfiguration.serviceId", "must be the id of a fax service of this project");
    return undefined;
  }
  return { type, id };
}

function urlProblem(value: string): string | undefined {
  if (value === "") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? undefined : "must be an http(s) URL";
  } catch {
    return 'must be an absolute URL (or "" to remove it)';
  }
}
