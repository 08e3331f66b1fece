import type { IncomingMessage } from "node:http";
import type { ApiContext } from "./api-call";
import type { Authenticator } from "./auth";
import { hasMediaType } from "./body";
import { errorReply, type Reply } from "./http-util";
import { numbersError } from "./numbers-errors";
import { type Api, matchTarget } from "./routes";

/** What an API request is answered from. */
export interface ApiServer extends ApiContext {
  auth: Authenticator;
}

/**
 * Answers one API request (the token endpoint included): finds its path and
 * method, authenticates it for the project of the path, checks the media type
 * of its body and calls the handler. Errors here are in the Fax API's shape;
 * the server puts those of the Numbers API's paths in that API's shape.
 */
export function answerApi(server: ApiServer, req: IncomingMessage, method: string, url: URL, body: string): Reply {
  const path = url.pathname;
  if (path === "/oauth2/token") {
    if (method !== "POST") return errorReply(405, "Use POST");
    return server.auth.issueToken(req, body);
  }
  const target = matchTarget(path);
  if (!target) return errorReply(404, `No such endpoint: ${path}`);
  if ("reply" in target) return target.reply;
  const auth = server.auth.authenticate(req, target.projectId);
  if (!auth.ok || !server.store.hasProject(target.projectId)) {
    return refused(target.api, auth.ok ? { status: 401 } : auth.reply, !auth.ok && auth.expired);
  }
  if (!hasMediaType(req, body, "json")) return errorReply(415, "The request body must be application/json");
  const endpoint = target.methods.get(method);
  if (!endpoint)
    return errorReply(405, `${method} is not supported on ${path}`, undefined, { allow: [...target.methods.keys()].join(", ") });
  return endpoint.handler(server, {
    method,
    projectId: target.projectId,
    serviceId: target.serviceId,
    params: target.params,
    query: url.searchParams,
    body,
    cause: `${method} ${path}`,
  });
}

/**
 * A request whose credentials do not open the project. The Fax API answers an
 * empty 401. The Numbers API documents 403 PERMISSION_DENIED for improper
 * credentials and no 401, so it answers that; but an expired token is the
 * auth server's 401 on both, so that clients know to get a new one.
 */
function refused(api: Api, fax: Reply, expired: boolean): Reply {
  if (api === "fax") return fax;
  if (expired) return numbersError(401, "The access token expired", [], fax.headers);
  return numbersError(403, "", []);
}
