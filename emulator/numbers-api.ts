import { activeNumberView } from "./active-numbers";
import type { ApiCall, ApiContext } from "./api-call";
import { parseObject } from "./body";
import type { FieldViolation, Reply } from "./http-util";
import { invalidArgument, numberNotFound } from "./numbers-errors";
import type { StoredActiveNumber } from "./snapshot";
import { checkNumberPatch } from "./voice-rules";

/** Page size of `GET /activeNumbers` when none is asked for (the file documents none), and the largest accepted. */
export const DEFAULT_NUMBERS_PAGE_SIZE = 100;
const MAX_NUMBERS_PAGE_SIZE = 1000;

const E164 = /^\+[1-9]\d{1,14}$/;
const TYPES = ["MOBILE", "LOCAL", "TOLL_FREE"];
const CAPABILITIES = ["SMS", "VOICE"];
const SEARCH_PATTERNS = ["START", "CONTAINS", "END"];
const ORDERS = ["phoneNumber", "displayName"];

/**
 * `GET /v1/projects/{projectId}/activeNumbers`: filtered by `regionCode`,
 * `type`, `capability` (every one listed), `numberPattern.pattern` (digits,
 * `+` first to match from the `+`) with `numberPattern.searchPattern` (START
 * when not given); ordered by `orderBy` (phoneNumber when not given); paged
 * by `pageSize` and an opaque `pageToken`. The last page has `nextPageToken: ""`.
 */
export function listActiveNumbers({ store }: ApiContext, call: ApiCall): Reply {
  const query = parseListQuery(call.query);
  if ("violations" in query) return invalidArgument("Invalid list request", query.violations);
  const order = query.orderBy === "displayName" ? byDisplayName : byPhoneNumber;
  const matching = store.projectState(call.projectId).activeNumbers.filter(query.matches).sort(order);
  const page = matching.slice(query.offset, query.offset + query.pageSize);
  const next = query.offset + query.pageSize;
  return {
    status: 200,
    body: {
      activeNumbers: page.map(activeNumberView),
      nextPageToken: next < matching.length ? pageToken(next) : "",
      totalSize: matching.length,
    },
  };
}

/** `GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}` (`+` sent as is or as `%2B`). */
export function getActiveNumber({ store }: ApiContext, call: ApiCall): Reply {
  const found = numberOf(store.projectState(call.projectId).activeNumbers, call);
  return "reply" in found ? found.reply : { status: 200, body: activeNumberView(found.number) };
}

/**
 * `PATCH /v1/projects/{projectId}/activeNumbers/{phoneNumber}`: the fields
 * sent change at once, except the voice configuration, which is provisioned
 * asynchronously: the answer shows the route still in effect and the new one
 * under `scheduledVoiceProvisioning` (`WAITING`).
 */
export function updateActiveNumber({ store, numbers }: ApiContext, call: ApiCall): Reply {
  const project = store.projectState(call.projectId);
  const found = numberOf(project.activeNumbers, call);
  if ("reply" in found) return found.reply;
  const body = parseObject(call.body);
  if ("reply" in body) return invalidArgument(messageOf(body.reply), []);
  const number = found.number;
  const checked = checkNumberPatch(body.value, number, (id) => project.services.some((s) => s.id === id));
  if ("violations" in checked) return invalidArgument("Invalid active number request", checked.violations);
  const { patch } = checked;
  store.change(call.projectId, () => {
    const now = new Date().toISOString();
    if (patch.displayName !== undefined) number.displayName = patch.displayName;
    if (patch.callbackUrl !== undefined) number.callbackUrl = patch.callbackUrl;
    if (patch.sms) number.smsConfiguration = patch.sms;
    if (patch.voice) numbers.schedule(number, patch.voice, now);
  });
  return { status: 200, body: activeNumberView(number) };
}

function numberOf(all: StoredActiveNumber[], call: ApiCall): { number: StoredActiveNumber } | { reply: Reply } {
  const phoneNumber = call.params.phoneNumber ?? "";
  if (!E164.test(phoneNumber)) {
    return { reply: invalidArgument("Invalid phone number", [{ field: "phoneNumber", description: "must be in E.164 format" }]) };
  }
  const number = all.find((n) => n.phoneNumber === phoneNumber);
  return number ? { number } : { reply: numberNotFound(call.projectId, phoneNumber) };
}

interface ListQuery {
  matches: (number: StoredActiveNumber) => boolean;
  orderBy: string;
  pageSize: number;
  offset: number;
}

function parseListQuery(query: URLSearchParams): ListQuery | { violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const refuse = (field: string, description: string) => violations.push({ field, description });
  const one = (name: string, allowed: string[] | RegExp, description: string): string | undefined => {
    const value = query.get(name) ?? undefined;
    const ok = value === undefined || (Array.isArray(allowed) ? allowed.includes(value) : allowed.test(value));
    if (!ok) refuse(name, description);
    return value;
  };
  const sizeText = query.get("pageSize");
  const pageSize = sizeText === null ? DEFAULT_NUMBERS_PAGE_SIZE : /^\d{1,9}$/.test(sizeText) ? Number(sizeText) : NaN;
  if (!(pageSize >= 1 && pageSize <= MAX_NUMBERS_PAGE_SIZE)) refuse("pageSize", `must be an integer from 1 to ${MAX_NUMBERS_PAGE_SIZE}`);
  const token = query.get("pageToken") ?? "";
  const offset = token === "" ? 0 : offsetOf(token);
  if (offset === undefined) refuse("pageToken", "is not a page token of this list");
  const region = one("regionCode", /^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
  const type = one("type", TYPES, `must be one of ${TYPES.join(", ")}`);
  const pattern = one("numberPattern.pattern", /^\+?\d{1,15}$/, "must be digits, optionally after a +");
  const search = one("numberPattern.searchPattern", SEARCH_PATTERNS, `must be one of ${SEARCH_PATTERNS.join(", ")}`) ?? "START";
  const orderBy = one("orderBy", ORDERS, `must be one of ${ORDERS.join(", ")}`) ?? "phoneNumber";
  const capabilities = query.getAll("capability");
  if (capabilities.some((c) => !CAPABILITIES.includes(c))) refuse("capability", `must be ${CAPABILITIES.join(" or ")}`);
  if (violations.length > 0) return { violations };
  const matchesPattern = (phoneNumber: string) => {
    if (pattern === undefined) return true;
    const subject = pattern.startsWith("+") ? phoneNumber : phoneNumber.slice(1);
    return search === "START" ? subject.startsWith(pattern) : search === "END" ? subject.endsWith(pattern) : subject.includes(pattern);
  };
  return {
    matches: (n) =>
      (region === undefined || n.regionCode === region) &&
      (type === undefined || n.type === type) &&
      capabilities.every((c) => n.capability.includes(c as "SMS")) &&
      matchesPattern(n.phoneNumber),
    orderBy,
    pageSize,
    offset: offset ?? 0,
  };
}

/** A page token: opaque to clients, the offset of the next page here. */
function pageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function offsetOf(token: string): number | undefined {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

function byPhoneNumber(a: StoredActiveNumber, b: StoredActiveNumber): number {
  return a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0;
}

function byDisplayName(a: StoredActiveNumber, b: StoredActiveNumber): number {
  return a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : byPhoneNumber(a, b);
}

function messageOf(reply: Reply): string {
  return (reply.body as { message?: string } | undefined)?.message ?? "Invalid request body";
}
