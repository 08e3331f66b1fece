import type { ApiCall, ApiContext } from "./api-call";
import { parseObject } from "./body";
import { validateCoverPage } from "./cover-page-rules";
import { conflictReply, errorReply, type Reply } from "./http-util";
import { serviceNotFound } from "./services-api";
import type { StoredCoverPage } from "./snapshot";
import { ulid } from "./ulid";

/**
 * `GET /services/{id}/coverPages`: the file declares no paging parameters, so
 * every cover page comes in one page (`page` 1, `totalPages` 1, `pageSize` =
 * `totalItems`) and `page`/`pageSize` are ignored.
 */
export function listCoverPages({ store }: ApiContext, call: ApiCall): Reply {
  if (!store.getService(call.projectId, call.serviceId ?? "")) return serviceNotFound(call);
  const pages = store.projectState(call.projectId).coverPages.filter((c) => c.serviceId === call.serviceId);
  return { status: 200, body: { coverPages: pages, page: 1, totalPages: 1, pageSize: pages.length, totalItems: pages.length } };
}

/** `POST /services/{id}/coverPages`: 200 (not 201, as the file says) and the cover page, its file echoed. */
export function addCoverPage({ store }: ApiContext, call: ApiCall): Reply {
  const serviceId = call.serviceId ?? "";
  if (!store.getService(call.projectId, serviceId)) return serviceNotFound(call);
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateCoverPage(body.value);
  if (violations.length > 0) return errorReply(422, "Invalid cover page", violations);
  const { name, file } = body.value as { name: string; file: { fileContent: string } };
  const now = new Date().toISOString();
  const page: StoredCoverPage = {
    id: ulid(),
    name,
    file: { fileContent: file.fileContent, fileType: "PDF" },
    projectId: call.projectId,
    serviceId,
    createdTime: now,
    updatedTime: now,
  };
  store.change(call.projectId, (project) => project.coverPages.push(page));
  return { status: 200, body: page };
}

/** `GET /services/{id}/coverPages/{coverPageId}` */
export function getCoverPage({ store }: ApiContext, call: ApiCall): Reply {
  const found = coverPageOf(
    call,
    store.getService(call.projectId, call.serviceId ?? "") !== undefined,
    store.projectState(call.projectId).coverPages,
  );
  return "reply" in found ? found.reply : { status: 200, body: found.page };
}

/** `DELETE /services/{id}/coverPages/{coverPageId}`: refused (409) while the service stamps it (its `coverPageId`). */
export function deleteCoverPage({ store }: ApiContext, call: ApiCall): Reply {
  const service = store.getService(call.projectId, call.serviceId ?? "");
  const found = coverPageOf(call, service !== undefined, store.projectState(call.projectId).coverPages);
  if ("reply" in found) return found.reply;
  if (service?.coverPageId === found.page.id) {
    return conflictReply(
      `Cover page ${found.page.id} is the coverPageId of service ${service.id}: change the service's coverPageId first`,
      "FAILED_PRECONDITION",
    );
  }
  store.change(call.projectId, (project) => {
    project.coverPages = project.coverPages.filter((c) => c !== found.page);
  });
  return { status: 204 };
}

function coverPageOf(call: ApiCall, serviceExists: boolean, pages: StoredCoverPage[]): { page: StoredCoverPage } | { reply: Reply } {
  if (!serviceExists) return { reply: serviceNotFound(call) };
  const id = call.params.coverPageId;
  const page = pages.find((c) => c.id === id && c.serviceId === call.serviceId);
  return page ? { page } : { reply: errorReply(404, `Cover page ${id} was not found in service ${call.serviceId}`) };
}
