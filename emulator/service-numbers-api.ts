import { findNumber, isOnService, servicePhoneNumber } from "./active-numbers";
import type { ApiCall, ApiContext } from "./api-call";
import { parseObject } from "./body";
import { errorReply, type FieldViolation, type Reply } from "./http-util";
import { listReply } from "./paging";
import { serviceNotFound } from "./services-api";
import type { StoredActiveNumber } from "./snapshot";
import type { Store } from "./store";

/** Longest suspension note accepted (the file gives none). */
export const MAX_NOTE_LENGTH = 500;

/** `GET /services/{id}/numbers`: the numbers routed to the service through the Numbers API. */
export function listNumbers({ store }: ApiContext, call: ApiCall): Reply {
  if (!store.getService(call.projectId, call.serviceId ?? "")) return serviceNotFound(call);
  return listReply("numbers", store.listNumbers(call.projectId, call.serviceId ?? ""), call.query, 20);
}

/**
 * `PATCH /services/{id}/numbers/{phoneNumber}/suspend`: `suspended` (required)
 * sets the state, `true` or `false` alike; the note is replaced by the one
 * sent, and removed when none is (or `""`).
 */
export function suspendNumber({ store }: ApiContext, call: ApiCall): Reply {
  const found = numberOfService(store, call);
  if ("reply" in found) return found.reply;
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateSuspend(body.value);
  if (violations.length > 0) return errorReply(422, "Invalid suspend request", violations);
  const { suspended, note } = body.value as { suspended: boolean; note?: string };
  store.change(call.projectId, () => {
    found.number.fax.suspended = suspended;
    if (note) found.number.fax.note = note;
    else delete found.number.fax.note;
  });
  return { status: 200, body: servicePhoneNumber(found.number) };
}

/** The service's number named in the path, or the 404 of the service or of the number. */
export function numberOfService(store: Store, call: ApiCall): { number: StoredActiveNumber } | { reply: Reply } {
  const serviceId = call.serviceId ?? "";
  if (!store.getService(call.projectId, serviceId)) return { reply: serviceNotFound(call) };
  const phoneNumber = call.params.phoneNumber ?? "";
  const number = findNumber(store.projectState(call.projectId), phoneNumber);
  if (!number || !isOnService(number, serviceId)) {
    return { reply: errorReply(404, `Number ${phoneNumber} is not a number of service ${serviceId}`) };
  }
  return { number };
}

function validateSuspend(body: Record<string, unknown>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!Object.hasOwn(body, "suspended")) violations.push({ field: "suspended", description: "is required" });
  for (const [field, value] of Object.entries(body)) {
    if (field === "suspended") {
      if (typeof value !== "boolean") violations.push({ field, description: "must be a boolean" });
    } else if (field === "note") {
      if (typeof value !== "string") violations.push({ field, description: "must be a string" });
      else if (value.length > MAX_NOTE_LENGTH) violations.push({ field, description: `must be at most ${MAX_NOTE_LENGTH} characters` });
    } else {
      violations.push({ field, description: "is not a field of a suspend request" });
    }
  }
  return violations;
}
