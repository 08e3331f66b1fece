import {
  activeNumberBody,
  faultsBody,
  numberBody,
  parseBody,
  policyBody,
  projectBody,
  provisioningBody,
  rateLimitBody,
} from "./control-bodies";
import { RateLimiter } from "./faults";
import { errorReply, type Reply } from "./http-util";
import { NumberConflict, type ProvisioningSettings, UnknownTarget } from "./numbers";
import type { Emulator } from "./server";
import { maskUrl, publicView } from "./service-rules";
import type { ProjectState } from "./snapshot";
import { KeyConflict } from "./store";

/** One control endpoint: the emulator, the parsed URL and the raw body in, a reply out. */
type Route = (emulator: Emulator, url: URL, body: string) => Reply;

/** A route that only acts, answering 204. */
function acting(action: (emulator: Emulator) => void): Route {
  return (emulator) => {
    action(emulator);
    return { status: 204 };
  };
}

const TABLE: Record<string, Record<string, Route>> = {
  "/_emulator/requests": { GET: listRequests, DELETE: acting((e) => (e.requests = [])) },
  "/_emulator/default-history": { GET: defaultHistory },
  "/_emulator/faults": {
    GET: (e) => ok({ rules: e.faults.list(), counts: e.faults.counts }),
    PUT: setFaults,
    DELETE: acting((e) => e.faults.clear()),
  },
  "/_emulator/rate-limit": { PUT: setRateLimit, DELETE: acting((e) => (e.rateLimit = undefined)) },
  "/_emulator/policy": { PUT: setPolicy },
  "/_emulator/projects": { POST: addProject },
  "/_emulator/numbers": { POST: attachNumber },
  "/_emulator/active-numbers": { POST: seedActiveNumber },
  "/_emulator/provisioning": { GET: (e) => ok(e.numbers.provisioning), PUT: setProvisioning },
  "/_emulator/tokens/expire": { POST: acting((e) => e.auth.expireAll()) },
  "/_emulator/reset": { POST: acting((e) => e.reset()) },
  "/_emulator/state": { GET: state },
};

/** The control endpoints by path, then method, in Maps: no path or method may find an Object.prototype member. */
const ROUTES = new Map(Object.entries(TABLE).map(([path, methods]) => [path, new Map(Object.entries(methods))]));

/**
 * The emulator's own endpoints under `/_emulator/`: request log, default
 * history, faults, rate limit, policy, seeding, provisioning and reset. Every body is
 * validated; a wrong one is a 400 in Sinch's error shape. Who may call them
 * is decided before (see `checkControlAccess`).
 */
export function handleControl(emulator: Emulator, method: string, url: URL, body: string): Reply {
  const path = url.pathname.replace(/\/$/, "");
  const methods = ROUTES.get(path);
  if (!methods) return errorReply(404, `No such emulator endpoint: ${method} ${path}`);
  const route = methods.get(method);
  if (!route) {
    return errorReply(405, `${method} is not supported on ${path}`, undefined, { allow: [...methods.keys()].join(", ") });
  }
  return route(emulator, url, body);
}

function listRequests(emulator: Emulator, url: URL): Reply {
  const since = url.searchParams.get("since") ?? "0";
  if (!/^\d{1,15}$/.test(since)) {
    return errorReply(400, "Invalid query", [{ field: "since", description: "must be a sequence number from 0" }]);
  }
  return ok({ requests: emulator.requests.filter((r) => r.seq > Number(since)) });
}

function defaultHistory(emulator: Emulator, url: URL): Reply {
  const projectId = url.searchParams.get("projectId");
  return ok({ history: emulator.store.defaultHistory.filter((h) => !projectId || h.projectId === projectId) });
}

function setFaults(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(faultsBody, text);
  if ("reply" in body) return body.reply;
  emulator.faults.set(body.value.rules, body.value.seed);
  return ok({ rules: emulator.faults.list() });
}

function setRateLimit(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(rateLimitBody, text);
  if ("reply" in body) return body.reply;
  const { perSecond, burst, retryAfter } = body.value;
  emulator.rateLimit = { limiter: new RateLimiter(perSecond, burst), retryAfter: retryAfter !== false };
  return ok({ perSecond: emulator.rateLimit.limiter.perSecond, burst: emulator.rateLimit.limiter.burst });
}

function setPolicy(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(policyBody, text);
  if ("reply" in body) return body.reply;
  emulator.store.policy = body.value.policy;
  return ok({ policy: emulator.store.policy });
}

function addProject(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(projectBody, text);
  if ("reply" in body) return body.reply;
  try {
    emulator.store.addProject(body.value);
  } catch (e) {
    if (e instanceof KeyConflict) return errorReply(409, e.message);
    throw e;
  }
  return ok({ projectId: body.value.projectId });
}

function attachNumber(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(numberBody, text);
  if ("reply" in body) return body.reply;
  const { projectId = emulator.projectId, serviceId, note, ...rest } = body.value;
  if (!emulator.store.hasProject(projectId) || !emulator.store.getService(projectId, serviceId)) {
    return errorReply(404, `No service ${serviceId} in project ${projectId}`);
  }
  const owner = emulator.store.numberOwner(rest.phoneNumber);
  if (owner !== undefined && owner !== projectId) return errorReply(409, `${rest.phoneNumber} is an active number of another project`);
  const number = { ...rest, projectId, serviceId, ...(note === undefined ? {} : { note }) };
  emulator.store.attachNumber(number);
  return ok(number);
}

function seedActiveNumber(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(activeNumberBody, text);
  if ("reply" in body) return body.reply;
  try {
    return ok(emulator.numbers.seed(body.value));
  } catch (e) {
    if (e instanceof UnknownTarget) return errorReply(404, e.message);
    if (e instanceof NumberConflict) return errorReply(409, e.message);
    throw e;
  }
}

function setProvisioning(emulator: Emulator, _url: URL, text: string): Reply {
  const body = parseBody(provisioningBody, text);
  if ("reply" in body) return body.reply;
  const { delayMs, failNumbers, failAll } = body.value;
  const changes: Partial<ProvisioningSettings> = {};
  if (delayMs !== undefined) changes.delayMs = delayMs;
  if (failNumbers !== undefined) changes.failNumbers = failNumbers;
  if (failAll !== undefined) changes.failAll = failAll;
  return ok(emulator.numbers.setProvisioning(changes));
}

/**
 * Everything, with key secrets, webhook and callback passwords masked as
 * `***`, and cover pages without their PDF (only its size).
 */
function state(emulator: Emulator): Reply {
  const { keys, projects, defaultHistory } = emulator.store.dump();
  const masked = Object.entries(projects).map(([id, project]) => [id, maskProject(project)]);
  return ok({
    policy: emulator.store.policy,
    keys: keys.map((key) => ({ ...key, keySecret: "***" })),
    projects: Object.fromEntries(masked),
    defaultHistory,
  });
}

function maskProject(project: ProjectState): Record<string, unknown> {
  return {
    ...project,
    services: project.services.map(publicView),
    coverPages: project.coverPages.map(({ file, ...page }) => ({
      ...page,
      file: { fileType: file.fileType, bytes: Buffer.byteLength(file.fileContent, "base64") },
    })),
    activeNumbers: project.activeNumbers.map((n) => ({ ...n, callbackUrl: maskUrl(n.callbackUrl) })),
  };
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}
