import type { ApiCall, ApiContext } from "./api-call";
import { parseObject } from "./body";
import { errorReply, type FieldViolation, type Reply } from "./http-util";
import { listReply } from "./paging";
import { publicView, validateServiceBody } from "./service-rules";
import { PolicyViolation, type Store } from "./store";

/** `GET /services` */
export function listServices({ store }: ApiContext, call: ApiCall): Reply {
  return listReply("services", store.listServices(call.projectId).map(publicView), call.query, 20);
}

/** `POST /services`: fields not sent get their default; `""` leaves a field without a default unset. */
export function createService({ store }: ApiContext, call: ApiCall): Reply {
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = [...validateServiceBody(body.value), ...coverPageViolations(store, call.projectId, undefined, body.value)];
  if (violations.length > 0) return errorReply(422, "Invalid service", violations);
  const service = store.createService(call.projectId, body.value, call.cause);
  return { status: 201, body: publicView(service) };
}

/** `GET /services/{id}` */
export function getService({ store }: ApiContext, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  return service ? { status: 200, body: publicView(service) } : serviceNotFound(call);
}

/** `PATCH /services/{id}`: only the fields sent change; `""` clears a field without a default. */
export function updateService({ store }: ApiContext, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  if (!service) return serviceNotFound(call);
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = [...validateServiceBody(body.value), ...coverPageViolations(store, call.projectId, service.id, body.value)];
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

/** `DELETE /services/{id}`: its cover pages and email addresses go with it. */
export function deleteService({ store }: ApiContext, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  if (!service) return serviceNotFound(call);
  try {
    store.deleteService(call.projectId, service, call.cause);
  } catch (e) {
    if (e instanceof PolicyViolation) return errorReply(422, e.message);
    throw e;
  }
  return { status: 204 };
}

/**
 * A `coverPageId` must name a cover page of the service itself (so none can
 * on a POST: the service has none yet); `""` clears it. Only checked once it
 * is a well-formed ULID, which {@link validateServiceBody} reports otherwise.
 */
function coverPageViolations(
  store: Store,
  projectId: string,
  serviceId: string | undefined,
  body: Record<string, unknown>,
): FieldViolation[] {
  const id = body.coverPageId;
  if (typeof id !== "string" || !/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return [];
  const ofService = store.projectState(projectId).coverPages.some((c) => c.id === id && c.serviceId === serviceId);
  return ofService ? [] : [{ field: "coverPageId", description: "must be the id of a cover page of this service" }];
}

/** The 404 of a service that does not exist in the project. */
export function serviceNotFound(call: ApiCall): Reply {
  return errorReply(404, `Service ${call.serviceId} was not found in project ${call.projectId}`);
}
