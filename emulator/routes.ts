import type { Operation } from "./faults";
import { errorReply, type Reply } from "./http-util";
import * as api from "./services-api";
import type { Store } from "./store";

const SERVICES = /^\/v3\/projects\/([^/]+)\/services(?:\/([^/]+)(\/numbers)?)?\/?$/;

/** The parts of a services path, percent-decoded. */
export interface ServicesTarget {
  projectId: string;
  serviceId?: string | undefined;
  numbers: boolean;
}

/** Parses a request target; undefined when it is not a URL at all (e.g. `http://[::1/x`). */
export function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? "/", "http://emulator");
  } catch {
    return undefined;
  }
}

/**
 * Matches a services path. A malformed percent-escape in it is the client's
 * mistake: a 400, like any other bad request.
 */
export function matchServices(path: string): ServicesTarget | { reply: Reply } | undefined {
  const match = SERVICES.exec(path);
  if (!match) return undefined;
  try {
    const [, projectId, serviceId, numbers] = match;
    return {
      projectId: decodeURIComponent(projectId ?? ""),
      serviceId: serviceId === undefined ? undefined : decodeURIComponent(serviceId),
      numbers: numbers !== undefined,
    };
  } catch {
    return { reply: errorReply(400, `The path ${path} holds a malformed percent-escape`) };
  }
}

/** A handler of one services operation. */
export type Handler = (store: Store, call: api.ApiCall) => Reply;

// Maps, not object literals: a method name must never find an Object.prototype member.
const COLLECTION = new Map<string, Handler>([
  ["GET", api.listServices],
  ["POST", api.createService],
]);
const ITEM = new Map<string, Handler>([
  ["GET", api.getService],
  ["PATCH", api.updateService],
  ["DELETE", api.deleteService],
]);
const ITEM_OPERATIONS = new Map<string, Operation>([
  ["GET", "get"],
  ["PATCH", "update"],
  ["DELETE", "delete"],
]);

/** The handler of a method on a services path; undefined when the API has no such method there (405). */
export function pickHandler(method: string, target: ServicesTarget): Handler | undefined {
  if (target.numbers) return method === "GET" ? api.listNumbers : undefined;
  return (target.serviceId === undefined ? COLLECTION : ITEM).get(method);
}

/** The API call a request maps to, for targeting faults. */
export function operationOf(method: string, path: string): Operation | "unknown" {
  if (path === "/oauth2/token") return "token";
  const match = SERVICES.exec(path);
  if (!match) return "unknown";
  if (match[3]) return "numbers";
  if (!match[2]) return method === "POST" ? "create" : "list";
  return ITEM_OPERATIONS.get(method) ?? "unknown";
}
