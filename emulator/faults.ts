import { errorReply, type Reply } from "./http-util";

/**
 * The API calls a fault rule can target: the token endpoint, the services
 * (`list` … `numbers`), cover pages, fax-to-email, suspension, and the Numbers
 * API's active numbers (`numbers-…`).
 */
export const OPERATIONS = [
  "token",
  "list",
  "create",
  "get",
  "update",
  "delete",
  "numbers",
  "cover-create",
  "cover-list",
  "cover-get",
  "cover-delete",
  "email-create",
  "email-list",
  "email-update",
  "email-delete",
  "email-numbers",
  "number-emails",
  "suspend",
  "numbers-list",
  "numbers-get",
  "numbers-update",
] as const;

/** The API call a request maps to, for targeting faults. */
export type Operation = (typeof OPERATIONS)[number];

/** The shapes an injected error's body can take. */
export const ERROR_BODY_SHAPES = ["standard", "legacy", "empty", "text"] as const;

/** The shape of an injected error's body: Sinch shows several. */
export type ErrorBodyShape = (typeof ERROR_BODY_SHAPES)[number];

/**
 * One fault rule. Each probability is checked in order (drop, 429, 500, 503,
 * lost); the first that fires wins. `times` limits the rule to its next N
 * matching requests, which makes single-fault tests deterministic.
 */
export interface FaultRule {
  /** Operations the rule applies to; all when omitted. */
  operations?: Operation[] | undefined;
  /** HTTP methods the rule applies to; all when omitted. */
  methods?: string[] | undefined;
  /** Close the connection without a response, before anything is applied. */
  drop?: number | undefined;
  status429?: number | undefined;
  /** Seconds to put in `Retry-After` on injected 429s; none when omitted. */
  retryAfterSeconds?: number | undefined;
  status500?: number | undefined;
  status503?: number | undefined;
  /** Apply the request, then close the connection: the client never learns the outcome. */
  lost?: number | undefined;
  /** Added latency in milliseconds, uniformly between min and max. */
  latencyMs?: { min: number; max: number } | undefined;
  /** Body of injected 429/500/503 responses. Default: `standard`. */
  errorBody?: ErrorBodyShape | undefined;
  /** Apply to the next N matching requests only. */
  times?: number | undefined;
  /** Let the first N matching requests through untouched (e.g. fail only the second PATCH). */
  skip?: number | undefined;
}

/** What the emulator does to one request. */
export type FaultOutcome =
  | { kind: "none" }
  | { kind: "drop" }
  | { kind: "lost" }
  | { kind: "status"; status: 429 | 500 | 503; retryAfterSeconds?: number | undefined; errorBody: ErrorBodyShape };

/** Injected faults by kind, for soak summaries. */
export interface FaultCounts {
  drop: number;
  lost: number;
  status429: number;
  status500: number;
  status503: number;
  rateLimited: number;
}

/** Mulberry32: a small seeded generator, so fault runs can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds the fault rules and decides, per request, which fault (if any) to inject. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number;
  counts: FaultCounts = emptyCounts();

  constructor(seed = Date.now()) {
    this.random = seededRandom(seed);
  }

  set(rules: FaultRule[], seed?: number): void {
    this.rules = rules.map((r) => ({ ...r }));
    if (seed !== undefined) this.random = seededRandom(seed);
  }

  list(): FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
    this.counts = emptyCounts();
  }

  /** The latency to add and the fault to inject for one request. */
  decide(operation: Operation, method: string): { latencyMs: number; outcome: FaultOutcome } {
    let latencyMs = 0;
    for (const rule of this.rules) {
      if (!matches(rule, operation, method)) continue;
      if (rule.skip !== undefined && rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      if (rule.latencyMs) {
        latencyMs += rule.latencyMs.min + this.random() * (rule.latencyMs.max - rule.latencyMs.min);
      }
      const outcome = this.roll(rule);
      if (rule.times !== undefined && (outcome.kind !== "none" || !hasProbabilities(rule))) {
        rule.times -= 1;
      }
      if (outcome.kind !== "none") {
        this.count(outcome);
        return { latencyMs, outcome };
      }
    }
    return { latencyMs, outcome: { kind: "none" } };
  }

  private roll(rule: FaultRule): FaultOutcome {
    const errorBody = rule.errorBody ?? "standard";
    if (this.fires(rule.drop)) return { kind: "drop" };
    if (this.fires(rule.status429)) return { kind: "status", status: 429, retryAfterSeconds: rule.retryAfterSeconds, errorBody };
    if (this.fires(rule.status500)) return { kind: "status", status: 500, errorBody };
    if (this.fires(rule.status503)) return { kind: "status", status: 503, errorBody };
    if (this.fires(rule.lost)) return { kind: "lost" };
    return { kind: "none" };
  }

  private fires(probability: number | undefined): boolean {
    return probability !== undefined && probability > 0 && this.random() < probability;
  }

  private count(outcome: FaultOutcome): void {
    if (outcome.kind === "drop") this.counts.drop++;
    else if (outcome.kind === "lost") this.counts.lost++;
    else if (outcome.kind === "status") this.counts[`status${outcome.status}`]++;
  }
}

function matches(rule: FaultRule, operation: Operation, method: string): boolean {
  if (rule.times !== undefined && rule.times <= 0) return false;
  if (rule.operations && !rule.operations.includes(operation)) return false;
  if (rule.methods && !rule.methods.includes(method)) return false;
  return true;
}

function hasProbabilities(rule: FaultRule): boolean {
  return [rule.drop, rule.status429, rule.status500, rule.status503, rule.lost].some((p) => p !== undefined);
}

function emptyCounts(): FaultCounts {
  return { drop: 0, lost: 0, status429: 0, status500: 0, status503: 0, rateLimited: 0 };
}

/**
 * A token bucket: at most `perSecond` requests a second on average, with bursts
 * up to `burst`. Beyond it the API answers 429.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(
    readonly perSecond: number,
    readonly burst: number = Math.max(1, Math.round(perSecond)),
  ) {
    this.tokens = burst;
  }

  /** Takes a token; when none is left, returns the seconds until the next one. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: (1 - this.tokens) / this.perSecond };
  }
}

/** The reply of an injected 429/500/503, in the body shape the rule asks for. */
export function injectedError(outcome: Extract<FaultOutcome, { kind: "status" }>): Reply {
  const headers: Record<string, string> = {};
  if (outcome.retryAfterSeconds !== undefined) headers["retry-after"] = String(outcome.retryAfterSeconds);
  const message = outcome.status === 429 ? "Too many requests" : outcome.status === 500 ? "Internal error" : "Service unavailable";
  switch (outcome.errorBody) {
    case "empty":
      return { status: outcome.status, headers };
    case "text":
      return { status: outcome.status, headers: { ...headers, "content-type": "text/html" }, body: `<html><body>${message}</body></html>` };
    case "legacy":
      return { status: outcome.status, headers, body: { code: String(outcome.status), error: message, message } };
    default:
      return errorReply(outcome.status, message, undefined, headers);
  }
}
