import type { Handler } from "./api-call";
import * as covers from "./cover-pages-api";
import * as emails from "./emails-api";
import type { Operation } from "./faults";
import { errorReply, type Reply } from "./http-util";
import * as numbers from "./numbers-api";
import * as serviceNumbers from "./service-numbers-api";
import * as services from "./services-api";

/** Which API a path belongs to: it decides the shape of error bodies. */
export type Api = "fax" | "numbers";

/** One method of a path: the operation (for faults and the log) and its handler. */
interface Endpoint {
  operation: Operation;
  handler: Handler;
}

/** A path of the APIs: its pattern (with the project and named parameters captured) and its methods. */
interface PathRoute {
  api: Api;
  pattern: RegExp;
  /** Names of the captures after the project id. */
  names: string[];
  /** By method, in a Map: a method name must never find an Object.prototype member. */
  methods: Map<string, Endpoint>;
}

const SEGMENT = "([^/]+)";
const SERVICE = `/v3/projects/${SEGMENT}/services/${SEGMENT}`;

function route(api: Api, path: string, names: string[], methods: Record<string, [Operation, Handler]>): PathRoute {
  const entries = Object.entries(methods).map(([method, [operation, handler]]) => [method, { operation, handler }] as const);
  return { api, pattern: new RegExp(`^${path}/?$`), names, methods: new Map(entries) };
}

const ROUTES: PathRoute[] = [
  route("fax", `/v3/projects/${SEGMENT}/services`, [], {
    GET: ["list", services.listServices],
    POST: ["create", services.createService],
  }),
  route("fax", SERVICE, ["serviceId"], {
    GET: ["get", services.getService],
    PATCH: ["update", services.updateService],
    DELETE: ["delete", services.deleteService],
  }),
  route("fax", `${SERVICE}/numbers`, ["serviceId"], { GET: ["numbers", serviceNumbers.listNumbers] }),
  route("fax", `${SERVICE}/numbers/${SEGMENT}/suspend`, ["serviceId", "phoneNumber"], {
    PATCH: ["suspend", serviceNumbers.suspendNumber],
  }),
  route("fax", `${SERVICE}/numbers/${SEGMENT}/emails`, ["serviceId", "phoneNumber"], {
    GET: ["number-emails", emails.emailsOfNumber],
  }),
  route("fax", `${SERVICE}/coverPages`, ["serviceId"], {
    GET: ["cover-list", covers.listCoverPages],
    POST: ["cover-create", covers.addCoverPage],
  }),
  route("fax", `${SERVICE}/coverPages/${SEGMENT}`, ["serviceId", "coverPageId"], {
    GET: ["cover-get", covers.getCoverPage],
    DELETE: ["cover-delete", covers.deleteCoverPage],
  }),
  route("fax", `${SERVICE}/emails`, ["serviceId"], {
    GET: ["email-list", emails.listEmails],
    POST: ["email-create", emails.createEmail],
  }),
  route("fax", `${SERVICE}/emails/${SEGMENT}`, ["serviceId", "email"], {
    PUT: ["email-update", emails.updateEmail],
    DELETE: ["email-delete", emails.deleteEmail],
  }),
  route("fax", `${SERVICE}/emails/${SEGMENT}/numbers`, ["serviceId", "email"], {
    GET: ["email-numbers", emails.numbersOfEmail],
  }),
  route("numbers", `/v1/projects/${SEGMENT}/activeNumbers`, [], { GET: ["numbers-list", numbers.listActiveNumbers] }),
  route("numbers", `/v1/projects/${SEGMENT}/activeNumbers/${SEGMENT}`, ["phoneNumber"], {
    GET: ["numbers-get", numbers.getActiveNumber],
    PATCH: ["numbers-update", numbers.updateActiveNumber],
  }),
];

/** A path of the APIs, matched: its API, project, percent-decoded parameters and methods. */
export interface Target {
  api: Api;
  projectId: string;
  serviceId?: string | undefined;
  params: Record<string, string>;
  methods: Map<string, Endpoint>;
}

/** Parses a request target; undefined when it is not a URL at all (e.g. `http://[::1/x`). */
export function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? "/", "http://emulator");
  } catch {
    return undefined;
  }
}

/** The API a path belongs to, matched or not: the Numbers API's live under `/v1/`. */
export function apiOf(path: string): Api {
  return path.startsWith("/v1/") ? "numbers" : "fax";
}

/**
 * Matches a path of the APIs; undefined when there is none such. A malformed
 * percent-escape in it is the client's mistake: a 400, like any other bad request.
 */
export function matchTarget(path: string): Target | { reply: Reply } | undefined {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    try {
      const [projectId = "", ...values] = match.slice(1).map((v) => decodeURIComponent(v ?? ""));
      const params: Record<string, string> = Object.create(null);
      candidate.names.forEach((name, i) => {
        params[name] = values[i] ?? "";
      });
      const { serviceId, ...rest } = params;
      return { api: candidate.api, projectId, serviceId, params: rest, methods: candidate.methods };
    } catch {
      return { reply: errorReply(400, `The path ${path} holds a malformed percent-escape`) };
    }
  }
  return undefined;
}

/** The API call a request maps to, for targeting faults: `unknown` for a path or method the APIs do not have. */
export function operationOf(method: string, path: string): Operation | "unknown" {
  if (path === "/oauth2/token") return "token";
  const target = ROUTES.find((r) => r.pattern.test(path));
  return target?.methods.get(method)?.operation ?? "unknown";
}
