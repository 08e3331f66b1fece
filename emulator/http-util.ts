import type { ServerResponse } from "node:http";

/** A response the handlers return; the server writes it (or loses it, when a fault says so). */
export interface Reply {
  status: number;
  /** JSON-serialisable body, a raw string, or undefined for no body. */
  body?: unknown | undefined;
  headers?: Record<string, string> | undefined;
}

/** A reply's headers and payload: objects as JSON, strings as text/plain, undefined as an empty body. */
export function serialize(reply: Reply): { headers: Record<string, string>; payload: string } {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = "";
  if (typeof reply.body === "string") {
    payload = reply.body;
    headers["content-type"] ??= "text/plain; charset=utf-8";
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["content-type"] = "application/json";
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  return { headers, payload };
}

/** Writes a reply (see {@link serialize}). */
export function send(res: ServerResponse, reply: Reply): void {
  const { headers, payload } = serialize(reply);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Field violation as in Sinch's `BadRequest` error detail. */
export interface FieldViolation {
  field: string;
  description: string;
}

/** The `status` name the Fax API gives each HTTP status in its error bodies. */
export const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "ALREADY_EXISTS",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

/** An error reply in the shape of the OpenAPI `Error` schema. */
export function errorReply(status: number, message: string, violations?: FieldViolation[], headers?: Record<string, string>): Reply {
  const body: Record<string, unknown> = {
    code: status,
    status: STATUS_NAMES[status] ?? "UNKNOWN",
    message,
  };
  if (violations && violations.length > 0) {
    body.details = [{ type: "BadRequest", fieldViolations: violations }];
  }
  return { status, body, headers };
}

/** A 409: `ALREADY_EXISTS` for a duplicate, `FAILED_PRECONDITION` for a change the current state does not allow. */
export function conflictReply(message: string, statusName: "ALREADY_EXISTS" | "FAILED_PRECONDITION"): Reply {
  return { status: 409, body: { code: 409, status: statusName, message } };
}
