import { errorReply, type Reply } from "./http-util";
import { publicView, validateServiceBody } from "./service-rules";
import { PolicyViolation, type Store } from "./store";

/** One parsed API call, as the handlers see it. */
export interface ApiCall {
  method: string;
  projectId: string;
  serviceId?: string | undefined;
  query: URLSearchParams;
  /** The raw request body. */
  body: string;
  /** `METHOD /path`, recorded in the default history. */
  cause: string;
}

/** `GET /services` */
export function listServices(store: Store, call: ApiCall): Reply {
  const paging = parsePaging(call.query);
  if ("reply" in paging) return paging.reply;
  const all = store.listServices(call.projectId).map(publicView);
  return { status: 200, body: { services: pageOf(all, paging), ...pageInfo(all.length, paging) } };
}

/** `POST /services`: fields not sent get their default; `""` leaves a field without a default unset. */
export function createService(store: Store, call: ApiCall): Reply {
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateServiceBody(body.value);
  if (violations.length > 0) return errorReply(422, "Invalid service", violations);
  const service = store.createService(call.projectId, body.value, call.cause);
  return { status: 201, body: publicView(service) };
}

/** `GET /services/{id}` */
export function getService(store: Store, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  return service ? { status: 200, body: publicView(service) } : notFound(call);
}

/** `PATCH /services/{id}`: only the fields sent change; `""` clears a field without a default. */
export function updateService(store: Store, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  if (!service) return notFound(call);
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateServiceBody(body.value);
  if (violations.length > 0) return errorReply(422, "Invalid service", violations);
  try {
    return { status: 200, body: publicView(store.updateService(call.projectId, service, body.value, call.cause)) };
  } catch (e) {
    if (e instanceof PolicyViolation) {
      return errorReply(422, e.message, [{ field: "defaultForProject", description: e.message }]);
    }
    throw e;
  }
}

/** `DELETE /services/{id}` */
export function deleteService(store: Store, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  if (!service) return notFound(call);
  try {
    store.deleteService(call.projectId, service, call.cause);
  } catch (e) {
    if (e instanceof PolicyViolation) return errorReply(422, e.message);
    throw e;
  }
  return { status: 204 };
}

/** `GET /services/{id}/numbers` */
export function listNumbers(store: Store, call: ApiCall): Reply {
  if (!store.getService(call.projectId, call.serviceId ?? "")) return notFound(call);
  const paging = parsePaging(call.query);
  if ("reply" in paging) return paging.reply;
  const all = store.listNumbers(call.projectId, call.serviceId ?? "");
  return { status: 200, body: { numbers: pageOf(all, paging), ...pageInfo(all.length, paging) } };
}

interface Paging {
  page: number;
  pageSize: number;
}

function parsePaging(query: URLSearchParams): Paging | { reply: Reply } {
  const pageText = query.get("page") ?? "1";
  const sizeText = query.get("pageSize") ?? "20";
  const page = /^\d+$/.test(pageText) ? Number(pageText) : NaN;
  const pageSize = /^\d+$/.test(sizeText) ? Number(sizeText) : NaN;
  const violations = [];
  if (!(page >= 1)) violations.push({ field: "page", description: "must be a page number from 1" });
  if (!(pageSize >= 1 && pageSize <= 1000)) {
    violations.push({ field: "pageSize", description: "must be an integer from 1 to 1000" });
  }
  if (violations.length > 0) return { reply: errorReply(400, "Invalid paging parameters", violations) };
  return { page, pageSize };
}

function pageOf<T>(items: T[], { page, pageSize }: Paging): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

function pageInfo(totalItems: number, { page, pageSize }: Paging) {
  return { page, totalPages: Math.ceil(totalItems / pageSize), pageSize, totalItems };
}

function parseObject(text: string): { value: Record<string, unknown> } | { reply: Reply } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reply: errorReply(400, "The request body is not valid JSON") };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reply: errorReply(400, "The request body must be a JSON object") };
  }
  return { value: value as Record<string, unknown> };
}

function notFound(call: ApiCall): Reply {
  return errorReply(404, `Service ${call.serviceId} was not found in project ${call.projectId}`);
}
