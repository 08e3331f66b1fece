import { seededRandom } from "../../emulator/faults";
import { pdfBase64 } from "./pdf";

/** What the generator knows of the emulator under test, so some requests are valid. */
export interface FuzzContext {
  projectId: string;
  otherProjectId: string;
  basic: string;
  otherBasic: string;
  bearer: string;
  serviceIds: string[];
  /** Active numbers of the project. */
  phoneNumbers: string[];
  /** The numbers routed to the first service. */
  routedNumbers: string[];
  coverPageIds: string[];
  emails: string[];
}

/** A plausible request before it is encoded. */
export type Plausible = { method: string; target: string; body?: Buffer; contentType?: string };

/** Small helpers over a seeded generator, so a run can be replayed from its seed. */
export class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  string(maxLength: number, alphabet = "abcXYZ019-_.~ %/?#&=+:@!$'()*,;\u00e9\u4e2d\ud83d\ude00"): string {
    const chars = [...alphabet];
    return Array.from({ length: this.int(0, maxLength) }, () => this.pick(chars)).join("");
  }
}

/**
 * Field names the emulator knows, and ones that are dangerous in JavaScript. Fault probabilities and
 * latency are left out on purpose: a generated rule must not inject 500s, drops or long waits.
 */
export const KEYS = [
  "name",
  "incomingWebhookUrl",
  "webhookContentType",
  "defaultForProject",
  "defaultFrom",
  "numberOfRetries",
  "retryDelaySeconds",
  "imageConversionMethod",
  "coverPageId",
  "saveOutboundFaxDocuments",
  "saveInboundFaxDocuments",
  "scanIncomingBarcodes",
  "inProgressNotifications",
  "resolution",
  "id",
  "projectId",
  "createdAt",
  "rules",
  "operations",
  "methods",
  "status429",
  "retryAfterSeconds",
  "times",
  "skip",
  "errorBody",
  "seed",
  "perSecond",
  "burst",
  "retryAfter",
  "policy",
  "keyId",
  "keySecret",
  "serviceId",
  "phoneNumber",
  "permissions",
  "country",
  "suspended",
  "note",
  "file",
  "fileContent",
  "fileType",
  "email",
  "phoneNumbers",
  "number",
  "displayName",
  "callbackUrl",
  "smsConfiguration",
  "servicePlanId",
  "campaignId",
  "voiceConfiguration",
  "type",
  "appId",
  "trunkId",
  "lastUpdatedTime",
  "scheduledVoiceProvisioning",
  "regionCode",
  "capability",
  "delayMs",
  "failNumbers",
  "failAll",
  "__proto__",
  "constructor",
  "toString",
  "",
];

/** Strings the emulator gives a meaning to, and awkward ones. */
export const STRINGS = [
  "",
  "FINE",
  "SUPERFINE",
  "HALFTONE",
  "application/json",
  "strict",
  "lenient",
  "list",
  "+15551234567",
  "https://u:p@hooks.example/x",
  "01ARZ3NDEKTSV4RRFFQ69G5FAV",
  "PDF",
  "FAX",
  "RTC",
  "EST",
  "both",
  "send",
  "VOICE",
  "fax@example.com",
  pdfBase64(),
  "JVBERi0",
  "\u0000",
  "\ud800",
  "x".repeat(61),
];

/** Numbers at and around the limits the emulator checks, and beyond any. */
export const NUMBERS = [0, -1, 1, 0.5, 3, 5, 30, 300, 1e308, -1e308, 2 ** 53 + 1, 1e-300];

/** A JSON value of any type, objects keyed mostly by names the emulator knows. */
export function jsonValue(d: Dice, depth: number): unknown {
  switch (d.int(depth > 0 ? 0 : 2, 7)) {
    case 0:
    case 1:
      return Object.fromEntries(
        Array.from({ length: d.int(0, 5) }, () => [d.chance(0.85) ? d.pick(KEYS) : d.string(10), jsonValue(d, depth - 1)]),
      );
    case 2:
      return depth > 0 ? Array.from({ length: d.int(0, 4) }, () => jsonValue(d, depth - 1)) : [];
    case 3:
      return null;
    case 4:
      return d.chance(0.5);
    case 5:
      return d.pick(NUMBERS);
    default:
      return d.chance(0.5) ? d.pick(STRINGS) : d.string(40);
  }
}
