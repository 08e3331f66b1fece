import type { RetryPolicy } from "./options";

/** Statuses worth another attempt: rate limited, or a gateway that did not reach the API. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Network failures that happen before a request is sent, so even a POST can be repeated. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** What to do after a failed attempt. */
export type RetryDecision = "retry" | "outcome-unknown" | "fail";

/**
 * Decides whether a failed attempt is repeated. Idempotent calls (GET, PATCH
 * with the same body, DELETE) are retried on every transient failure; a POST
 * only when it certainly was not applied (429, or never sent); otherwise its
 * outcome is unknown and the caller must reconcile.
 */
export function decideRetry(
  idempotent: boolean,
  failure: { status: number } | { networkCode: string | undefined } | { timeout: true },
): RetryDecision {
  if ("status" in failure) {
    if (failure.status === 429) return "retry";
    if (RETRYABLE_STATUSES.has(failure.status)) return idempotent ? "retry" : "outcome-unknown";
    if (failure.status >= 500 && !idempotent) return "outcome-unknown";
    return "fail";
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the guards narrow the type; the set holds no undefined either
  if ("networkCode" in failure && failure.networkCode && NOT_SENT_CODES.has(failure.networkCode)) return "retry";
  return idempotent ? "retry" : "outcome-unknown";
}

/** Exponential backoff with jitter: between half and all of min(max, base * 2^attempt). */
export function backoffMs(attempt: number, options: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before the next attempt: `Retry-After` when given (capped), else backoff. */
export function nextDelayMs(attempt: number, options: RetryPolicy, retryAfterMs: number | undefined, random?: () => number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  return backoffMs(attempt, options, random);
}
