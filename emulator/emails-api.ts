import { findNumber, servicePhoneNumber } from "./active-numbers";
import type { ApiCall, ApiContext } from "./api-call";
import { parseObject } from "./body";
import { numbersOf, validateEmailBody } from "./email-rules";
import { conflictReply, errorReply, type Reply } from "./http-util";
import { listReply } from "./paging";
import { numberOfService } from "./service-numbers-api";
import { serviceNotFound } from "./services-api";
import type { ProjectState, StoredEmail, StoredNumber } from "./snapshot";
import type { Store } from "./store";

// An address is one address whatever its case: a second one differing only in case is a
// duplicate, and the path finds it in any case. It is shown as it was first sent.

/** `GET /services/{serviceId}/emails` (`pageSize` default 100). */
export function listEmails({ store }: ApiContext, call: ApiCall): Reply {
  if (!store.getService(call.projectId, call.serviceId ?? "")) return serviceNotFound(call);
  const emails = store.projectState(call.projectId).emails.filter((e) => e.serviceId === call.serviceId);
  return listReply("emails", emails.map(emailView), call.query, 100);
}

/** `POST /services/{serviceId}/emails`: 201; 409 when the service has the address already. */
export function createEmail({ store }: ApiContext, call: ApiCall): Reply {
  const serviceId = call.serviceId ?? "";
  if (!store.getService(call.projectId, serviceId)) return serviceNotFound(call);
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateEmailBody(body.value, "create", numbersOn(store, call.projectId, serviceId));
  if (violations.length > 0) return errorReply(422, "Invalid email", violations);
  const address = body.value.email as string;
  if (findEmail(store.projectState(call.projectId), serviceId, address)) {
    return conflictReply(`Email ${address} already exists in service ${serviceId}`, "ALREADY_EXISTS");
  }
  const now = new Date().toISOString();
  const email: StoredEmail = {
    email: address,
    phoneNumbers: numbersOf(body.value),
    projectId: call.projectId,
    serviceId,
    createdAt: now,
    updatedAt: now,
  };
  store.change(call.projectId, (project) => project.emails.push(email));
  return { status: 201, body: emailView(email) };
}

/** `PUT /services/{serviceId}/emails/{email}`: replaces the address's numbers with those sent. */
export function updateEmail({ store }: ApiContext, call: ApiCall): Reply {
  const found = emailOf(store, call);
  if ("reply" in found) return found.reply;
  const body = parseObject(call.body);
  if ("reply" in body) return body.reply;
  const violations = validateEmailBody(body.value, "update", numbersOn(store, call.projectId, found.email.serviceId));
  if (violations.length > 0) return errorReply(422, "Invalid email update", violations);
  store.change(call.projectId, () => {
    found.email.phoneNumbers = numbersOf(body.value);
    found.email.updatedAt = new Date().toISOString();
  });
  return { status: 200, body: emailView(found.email) };
}

/** `DELETE /services/{serviceId}/emails/{email}` */
export function deleteEmail({ store }: ApiContext, call: ApiCall): Reply {
  const found = emailOf(store, call);
  if ("reply" in found) return found.reply;
  store.change(call.projectId, (project) => {
    project.emails = project.emails.filter((e) => e !== found.email);
  });
  return { status: 204 };
}

/** `GET /services/{serviceId}/emails/{email}/numbers` (`pageSize` default 20): the permissions are the address's. */
export function numbersOfEmail({ store }: ApiContext, call: ApiCall): Reply {
  const found = emailOf(store, call);
  if ("reply" in found) return found.reply;
  const project = store.projectState(call.projectId);
  const numbers: StoredNumber[] = [];
  for (const { number, permissions } of found.email.phoneNumbers) {
    const active = findNumber(project, number);
    if (active) numbers.push({ ...servicePhoneNumber(active), permissions });
  }
  return listReply("phoneNumbers", numbers, call.query, 20);
}

/** `GET /services/{id}/numbers/{phoneNumber}/emails` (`pageSize` default 100): the addresses that use the number. */
export function emailsOfNumber({ store }: ApiContext, call: ApiCall): Reply {
  const found = numberOfService(store, call);
  if ("reply" in found) return found.reply;
  const phoneNumber = found.number.phoneNumber;
  const addresses = store
    .projectState(call.projectId)
    .emails.filter((e) => e.serviceId === call.serviceId && e.phoneNumbers.some((p) => p.number === phoneNumber))
    .map((e) => e.email);
  return listReply("emails", addresses, call.query, 100);
}

/** An address as the API shows it (`Email`: no service id). */
function emailView(email: StoredEmail): Record<string, unknown> {
  const { serviceId: _, ...view } = email;
  return { ...view, phoneNumbers: email.phoneNumbers.map((p) => ({ ...p })) };
}

function findEmail(project: ProjectState, serviceId: string, address: string): StoredEmail | undefined {
  const wanted = address.toLowerCase();
  return project.emails.find((e) => e.serviceId === serviceId && e.email.toLowerCase() === wanted);
}

function emailOf(store: Store, call: ApiCall): { email: StoredEmail } | { reply: Reply } {
  const serviceId = call.serviceId ?? "";
  if (!store.getService(call.projectId, serviceId)) return { reply: serviceNotFound(call) };
  const address = call.params.email ?? "";
  const email = findEmail(store.projectState(call.projectId), serviceId, address);
  return email ? { email } : { reply: errorReply(404, `Email ${address} was not found in service ${serviceId}`) };
}

function numbersOn(store: Store, projectId: string, serviceId: string): Set<string> {
  return new Set(store.listNumbers(projectId, serviceId).map((n) => n.phoneNumber));
}
