import { errorReply, type Reply } from "./http-util";
import type { FaultRule } from "./faults";
import { RateLimiter } from "./faults";
import type { Emulator } from "./server";
import type { DefaultPolicy, ProjectKey, StoredNumber } from "./store";

/**
 * The emulator's own endpoints under `/_emulator/`: request log, default
 * history, faults, rate limit, policy, seeding and reset. No authentication:
 * the emulator listens on loopback.
 */
export function handleControl(emulator: Emulator, method: string, url: URL, text: string): Reply {
  let body: Record<string, unknown> = {};
  if (text) {
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return errorReply(400, "The request body is not valid JSON");
    }
  }
  const route = `${method} ${url.pathname.replace(/\/$/, "")}`;
  const since = Number(url.searchParams.get("since") ?? 0);
  switch (route) {
    case "GET /_emulator/requests":
      return ok({ requests: emulator.requests.filter((r) => r.seq > since) });
    case "DELETE /_emulator/requests":
      emulator.requests = [];
      return { status: 204 };
    case "GET /_emulator/default-history": {
      const projectId = url.searchParams.get("projectId");
      return ok({ history: emulator.store.defaultHistory.filter((h) => !projectId || h.projectId === projectId) });
    }
    case "GET /_emulator/faults":
      return ok({ rules: emulator.faults.list(), counts: emulator.faults.counts });
    case "PUT /_emulator/faults":
      emulator.faults.set((body.rules ?? []) as FaultRule[], body.seed as number | undefined);
      return ok({ rules: emulator.faults.list() });
    case "DELETE /_emulator/faults":
      emulator.faults.clear();
      return { status: 204 };
    case "PUT /_emulator/rate-limit":
      emulator.rateLimit = {
        limiter: new RateLimiter(Number(body.perSecond), body.burst === undefined ? undefined : Number(body.burst)),
        retryAfter: body.retryAfter !== false,
      };
      return ok({ perSecond: emulator.rateLimit.limiter.perSecond, burst: emulator.rateLimit.limiter.burst });
    case "DELETE /_emulator/rate-limit":
      emulator.rateLimit = undefined;
      return { status: 204 };
    case "PUT /_emulator/policy":
      if (body.policy !== "strict" && body.policy !== "lenient") return errorReply(400, "policy must be strict or lenient");
      emulator.store.policy = body.policy as DefaultPolicy;
      return ok({ policy: emulator.store.policy });
    case "POST /_emulator/projects":
      emulator.store.addProject(body as unknown as ProjectKey);
      return ok({ projectId: body.projectId });
    case "POST /_emulator/numbers":
      return attachNumber(emulator, body);
    case "POST /_emulator/tokens/expire":
      emulator.auth.expireAll();
      return { status: 204 };
    case "POST /_emulator/reset":
      emulator.reset();
      return { status: 204 };
    case "GET /_emulator/state":
      return ok({ policy: emulator.store.policy, ...emulator.store.dump() });
    default:
      return errorReply(404, `No such emulator endpoint: ${route}`);
  }
}

function attachNumber(emulator: Emulator, body: Record<string, unknown>): Reply {
  const projectId = String(body.projectId ?? emulator.projectId);
  const serviceId = String(body.serviceId ?? "");
  if (!emulator.store.hasProject(projectId) || !emulator.store.getService(projectId, serviceId)) {
    return errorReply(404, `No service ${serviceId} in project ${projectId}`);
  }
  if (typeof body.phoneNumber !== "string" || !/^\+[1-9]\d{1,14}$/.test(body.phoneNumber)) {
    return errorReply(400, "phoneNumber must be in E.164 format");
  }
  const number: StoredNumber = {
    phoneNumber: body.phoneNumber,
    permissions: (body.permissions as StoredNumber["permissions"]) ?? "both",
    country: (body.country as string) ?? "US",
    suspended: body.suspended === true,
    projectId,
    serviceId,
  };
  if (typeof body.note === "string") number.note = body.note;
  emulator.store.attachNumber(number);
  return ok(number);
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}
