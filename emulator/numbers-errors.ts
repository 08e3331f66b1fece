import { STATUS_NAMES as FAX_STATUS_NAMES, type FieldViolation, type Reply } from "./http-util";

/** The Numbers API names the statuses as the Fax API does, but for 413. */
const STATUS_NAMES: Record<number, string> = { ...FAX_STATUS_NAMES, 413: "CONTENT_TOO_LARGE" };

/** An error in the Numbers API's shape: `{"error": {code, message, status, details}}`. */
export function numbersError(status: number, message: string, details: unknown[] = [], headers?: Record<string, string>): Reply {
  return { status, body: { error: { code: status, message, status: STATUS_NAMES[status] ?? "UNKNOWN", details } }, headers };
}

/** A 400 `InvalidArgument` with its field violations. */
export function invalidArgument(message: string, violations: FieldViolation[]): Reply {
  return numbersError(400, message, violations.length > 0 ? [{ type: "BadRequest", fieldViolations: violations }] : []);
}

/** A 404 `NotFound` for an active number. */
export function numberNotFound(projectId: string, phoneNumber: string): Reply {
  const detail = {
    type: "ResourceInfo",
    resourceType: "ACTIVE_NUMBER",
    resourceName: phoneNumber,
    owner: projectId,
    description: `Number ${phoneNumber} is not an active number of project ${projectId}`,
  };
  return numbersError(404, `Number ${phoneNumber} not found`, [detail]);
}

/**
 * The same error in the Numbers API's shape, for the answers the server
 * gives before or around a handler (405, 413, 415, 429, 500, injected
 * faults). Bodies that are not the Fax API's standard error (an injected
 * legacy, text or empty body) stay as they are.
 */
export function inNumbersShape(reply: Reply): Reply {
  const body = reply.body as { code?: unknown; message?: unknown; details?: unknown } | undefined;
  if (!body || typeof body !== "object" || typeof body.code !== "number") return reply;
  const details = Array.isArray(body.details) ? body.details : [];
  return numbersError(reply.status, String(body.message ?? ""), details, reply.headers);
}
