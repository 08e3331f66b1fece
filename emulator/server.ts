import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { answerApi } from "./api-router";
import { Authenticator } from "./auth";
import { MAX_BODY_BYTES, MAX_COVER_PAGE_BODY_BYTES, readBody, sendTooLarge } from "./body";
import { checkControlAccess, isLoopback } from "./control-access";
import { handleControl } from "./control-api";
import { FaultInjector, type FaultOutcome, injectedError, type RateLimiter } from "./faults";
import { errorReply, type Reply, send } from "./http-util";
import { ActiveNumbers } from "./numbers";
import { inNumbersShape } from "./numbers-errors";
import type { EmulatorOptions, LoggedRequest } from "./options";
import { answerClientError, answerConnect } from "./raw-socket";
import { parseLogged, REQUEST_LOG_SIZE } from "./request-log";
import { apiOf, operationOf, parseTarget } from "./routes";
import { type ProjectKey, Store } from "./store";

export type { EmulatorOptions, LoggedRequest } from "./options";

/** A running emulator: its URL, credentials and in-process controls. */
export class Emulator {
  readonly store: Store;
  /** The Numbers API's active numbers: seeding and voice provisioning, in process. */
  readonly numbers: ActiveNumbers;
  readonly auth: Authenticator;
  readonly faults: FaultInjector;
  rateLimit: { limiter: RateLimiter; retryAfter: boolean } | undefined;
  requests: LoggedRequest[] = [];
  /**
   * Called in process for every API request: when it has arrived
   * (`received`, before faults, the rate limit or the API see it) and once
   * the API has applied it (`applied`, before the answer is sent). Answering
   * `"drop"` closes the connection there instead: at `received`, nothing is
   * applied; at `applied`, the answer is lost. For tests that must act at an
   * exact point of a client's calls (a crash between two of them, say).
   */
  intercept: ((entry: LoggedRequest, stage: "received" | "applied") => "drop" | undefined) | undefined;
  /** TCP connections accepted so far (shows whether clients reuse them). */
  connectionsAccepted = 0;
  private seq = 0;
  private sockets = new Set<Socket>();
  private server: Server;
  url = "";

  constructor(readonly options: EmulatorOptions & { projectId: string; keyId: string; keySecret: string }) {
    const keys = [{ projectId: options.projectId, keyId: options.keyId, keySecret: options.keySecret }];
    this.store = new Store([...keys, ...(options.extraProjects ?? [])], options.defaultPolicy ?? "strict", options.dataFile);
    this.numbers = new ActiveNumbers(this.store, options.projectId, options.provisioningDelayMs ?? 1000);
    this.numbers.resume();
    this.auth = new Authenticator(() => this.store.keys, options.tokenTtlSeconds ?? 3600);
    this.faults = new FaultInjector(options.faultSeed);
    this.server = createServer((req, res) => void this.handle(req, res));
    // Longer than clients keep idle sockets, so a reused socket is never closed under them.
    this.server.keepAliveTimeout = 65_000;
    this.server.on("connect", answerConnect);
    this.server.on("clientError", answerClientError);
    this.server.on("connection", (socket) => {
      this.connectionsAccepted++;
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  get projectId(): string {
    return this.options.projectId;
  }
  get keyId(): string {
    return this.options.keyId;
  }
  get keySecret(): string {
    return this.options.keySecret;
  }

  /** Starts listening; resolves once the URL is known. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.url = `http://${host}:${address.port}`;
    if (!isLoopback(address.address)) {
      const control = this.options.controlToken === undefined ? "answer loopback clients only" : "need the control token";
      this.options.onWarning?.(
        `listening on ${address.address}, not loopback: the API is reachable from the network (control endpoints ${control})`,
      );
    }
  }

  /** Stops the server, closes every connection and stops provisioning (waiting ones resume from the data file). */
  async close(): Promise<void> {
    this.numbers.stop();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Forgets every service, number, request, fault, token and provisioning setting: back to the start. */
  reset(): void {
    this.numbers.reset();
    this.store.reset();
    this.requests = [];
    this.faults.clear();
    this.rateLimit = undefined;
    this.auth.clear();
  }

  /** Every request goes through here; nothing a client sends may escape it. */
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.serve(req, res);
    } catch (e) {
      // A bug, never the client's doing: answer 500 if still possible, and keep running.
      this.options.onWarning?.(`internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (res.headersSent || res.destroyed) req.socket.destroy();
      else send(res, internalError(e));
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = parseTarget(req.url);
    if (!url) {
      send(res, errorReply(400, "The request target is not a valid URL"));
      return;
    }
    const control = url.pathname.startsWith("/_emulator/");
    const refused = control ? checkControlAccess(req, this.options.controlToken) : undefined;
    if (refused) {
      send(res, refused);
      return;
    }
    const method = req.method ?? "GET";
    const operation = operationOf(method, url.pathname);
    // Errors of the Numbers API's paths have that API's shape.
    const shaped = apiOf(url.pathname) === "numbers" ? inNumbersShape : (reply: Reply) => reply;
    const limit = operation === "cover-create" ? MAX_COVER_PAGE_BODY_BYTES : MAX_BODY_BYTES;
    const body = await readBody(req, limit);
    if (body.kind === "aborted") {
      req.socket.destroy();
      return;
    }
    if (body.kind === "tooLarge") {
      sendTooLarge(req, res, shaped(errorReply(413, `The request body is larger than ${limit} bytes`)));
      return;
    }
    if (control) {
      send(res, handleControl(this, method, url, body.text));
      return;
    }
    const entry: LoggedRequest = {
      seq: ++this.seq,
      time: new Date(started).toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseLogged(body.text),
      status: 0,
      durationMs: 0,
      operation,
    };
    this.requests.push(entry);
    const kept = this.options.requestLogSize ?? REQUEST_LOG_SIZE;
    if (this.requests.length > kept) this.requests.splice(0, this.requests.length - kept);
    const finish = (status: number) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
    };
    if (this.intercept?.(entry, "received") === "drop") {
      entry.fault = "drop";
      finish(0);
      req.socket.destroy();
      return;
    }

    const rateLimit = this.rateLimit;
    const limited = rateLimit?.limiter.take();
    if (rateLimit && limited && !limited.ok) {
      entry.fault = "rateLimited";
      this.faults.counts.rateLimited++;
      const headers = rateLimit.retryAfter ? { "retry-after": String(Math.max(1, Math.ceil(limited.retryAfterSeconds))) } : undefined;
      finish(429);
      send(res, shaped(errorReply(429, "Too many requests", undefined, headers)));
      return;
    }

    const { latencyMs, outcome } =
      entry.operation === "unknown"
        ? { latencyMs: 0, outcome: { kind: "none" } as FaultOutcome }
        : this.faults.decide(entry.operation, entry.method);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (outcome.kind === "drop") {
      entry.fault = "drop";
      finish(0);
      req.socket.destroy();
      return;
    }
    if (outcome.kind === "status") {
      entry.fault = `status${outcome.status}`;
      finish(outcome.status);
      send(res, shaped(injectedError(outcome)));
      return;
    }

    let reply: Reply;
    try {
      reply = shaped(answerApi(this, req, method, url, body.text));
    } catch (e) {
      // Answered here rather than by the catch-all so that the log shows the 500.
      this.options.onWarning?.(`internal error on ${entry.method} ${entry.path}: ${(e as Error).stack ?? String(e)}`);
      reply = shaped(internalError(e));
    }
    finish(reply.status);
    // A request refused for its credentials is logged without its body: anyone can send those.
    if (reply.status === 401 || reply.status === 403) entry.body = undefined;
    if (outcome.kind === "lost" || this.intercept?.(entry, "applied") === "drop") {
      entry.fault = "lost";
      req.socket.destroy();
      return;
    }
    send(res, reply);
  }
}

function internalError(e: unknown): Reply {
  return errorReply(500, `Internal error: ${(e as Error).message}`);
}

function savedKey(file: string): ProjectKey | undefined {
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { keys?: ProjectKey[] }).keys?.[0];
}

/**
 * Starts an emulator of the Sinch Fax API v3 (services, their numbers, cover
 * pages, fax-to-email) and of the Numbers API v1's active numbers, on loopback
 * unless `host` says otherwise. Credentials and the project id are random
 * unless given.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  if (options.controlToken !== undefined && options.controlToken.trim() === "") {
    throw new Error("controlToken must not be empty");
  }
  // With a data file and no key given, keep using the key it already holds.
  const saved = options.dataFile && !options.keyId ? savedKey(options.dataFile) : undefined;
  const emulator = new Emulator({
    ...options,
    projectId: options.projectId ?? saved?.projectId ?? randomUUID(),
    keyId: options.keyId ?? saved?.keyId ?? randomUUID(),
    keySecret: options.keySecret ?? saved?.keySecret ?? randomBytes(18).toString("base64url"),
  });
  await emulator.listen();
  return emulator;
}
