import * as http from "node:http";
import * as https from "node:https";
import fetch, { type RequestInit } from "node-fetch";
import type { z } from "zod";
import { BasicAuth, OAuth2Auth, type AuthStrategy, type IssuedToken } from "./auth";
import { SinchFaxError, SinchHttpError, SinchNetworkError, SinchResponseError, SinchTimeoutError } from "./errors";
import type { NormalizedOptions } from "./options";
import { RateGovernor } from "./rate-governor";
import { decideRetry, nextDelayMs, parseRetryAfter } from "./retry";
import { errorBodySchema, tokenSchema } from "./schemas";

/** One API call: the transport adds auth, retries, timeouts and validation. */
export interface CallSpec<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Validates a successful body; omitted for bodiless answers (204). */
  schema?: z.ZodType<T>;
}

interface RawResponse {
  status: number;
  text: string;
  headers: { get(name: string): string | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends calls to the Fax API over reused connections, with one rate governor
 * for all of them. Every failure becomes a {@link SinchFaxError}.
 */
export class Transport {
  readonly governor = new RateGovernor();
  private readonly auth: AuthStrategy;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  constructor(readonly options: NormalizedOptions) {
    this.auth =
      options.auth === "oauth2"
        ? new OAuth2Auth(() => this.fetchToken())
        : new BasicAuth(options.keyId, options.keySecret);
  }

  /** Sends an API call; resolves with the validated body (undefined for 204). */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    const url = new URL(this.options.baseUrl + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const idempotent = spec.method !== "POST";
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { authorization: await this.auth.header(), accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      const init = { method: spec.method, headers, body };
      const response = await this.attempt(spec.method, spec.path, url, init, attempt, idempotent);
      if (response === "retry") continue;
      if (response.status === 401 && !renewed && this.auth.renewAfter401(response.headers.get("www-authenticate"))) {
        renewed = true;
        attempt--;
        continue;
      }
      if (response.status >= 200 && response.status < 300) return this.parse(spec, response);
      if (await this.shouldRetry(idempotent, response, attempt)) continue;
      throw httpError(spec.method, spec.path, response, decideRetry(idempotent, response) === "outcome-unknown");
    }
  }

  /** Closes idle connections, so a process can exit at once. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /**
   * One attempt. Returns the response, or "retry" after a transient network
   * failure it has already waited for; throws when no retry is allowed.
   */
  private async attempt(
    method: string,
    path: string,
    url: URL,
    init: RequestInit,
    attempt: number,
    idempotent: boolean,
  ): Promise<RawResponse | "retry"> {
    await this.governor.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const res = await fetch(url.toString(), {
        ...init,
        agent: url.protocol === "https:" ? this.agents.https : this.agents.http,
        signal: controller.signal as RequestInit["signal"],
      });
      const text = await res.text();
      return { status: res.status, text, headers: res.headers };
    } catch (e) {
      const failure = e as { name?: string; code?: string; message?: string };
      const timedOut = failure.name === "AbortError";
      const error = timedOut
        ? new SinchTimeoutError(method, path, this.options.timeoutMs)
        : new SinchNetworkError(method, path, failure.code, failure.message ?? String(e));
      const decision = decideRetry(idempotent, timedOut ? { timeout: true } : { networkCode: failure.code });
      if (decision === "retry" && attempt < this.options.retry.maxRetries) {
        await sleep(nextDelayMs(attempt, this.options.retry, undefined));
        return "retry";
      }
      error.outcomeUnknown = decision === "outcome-unknown";
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async shouldRetry(idempotent: boolean, response: RawResponse, attempt: number): Promise<boolean> {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    if (response.status === 429) this.governor.onThrottled();
    if (decideRetry(idempotent, response) !== "retry" || attempt >= this.options.retry.maxRetries) return false;
    await sleep(nextDelayMs(attempt, this.options.retry, retryAfterMs));
    return true;
  }

  private parse<T>(spec: CallSpec<T>, response: RawResponse): T {
    this.governor.onSuccess();
    if (!spec.schema) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw new SinchResponseError(spec.method, spec.path, response.status, ["the body is not JSON"]);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
      throw new SinchResponseError(spec.method, spec.path, response.status, problems);
    }
    return parsed.data;
  }

  /** Trades the key for a bearer token at the token endpoint (retried like any call). */
  private async fetchToken(): Promise<IssuedToken> {
    const url = new URL(this.options.authUrl);
    const basic = await new BasicAuth(this.options.keyId, this.options.keySecret).header();
    const init: RequestInit = {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: "grant_type=client_credentials",
    };
    for (let attempt = 0; ; attempt++) {
      // Asking for a token changes nothing, so it is retried as if idempotent.
      const response = await this.attempt("POST", url.pathname, url, init, attempt, true);
      if (response === "retry") continue;
      if (response.status === 200) {
        const token = this.parse({ method: "POST", path: url.pathname, schema: tokenSchema }, response);
        return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
      }
      if (await this.shouldRetry(true, response, attempt)) continue;
      throw httpError("POST", url.pathname, response, false);
    }
  }
}

function httpError(method: string, path: string, response: RawResponse, outcomeUnknown: boolean): SinchFaxError {
  let parsed: ReturnType<typeof errorBodySchema.safeParse> | undefined;
  try {
    parsed = errorBodySchema.safeParse(JSON.parse(response.text));
  } catch {
    parsed = undefined;
  }
  const body = parsed?.success ? parsed.data : undefined;
  const violations = (body?.details ?? []).flatMap((d) => d.fieldViolations ?? []);
  const error = new SinchHttpError(
    method,
    path,
    response.status,
    body?.code,
    body?.status ?? body?.error,
    body?.message ?? (body ? undefined : plainMessage(response.text)),
    violations,
  );
  error.outcomeUnknown = outcomeUnknown;
  return error;
}

/** A short message from a non-JSON body (an HTML error page, say), without its markup. */
function plainMessage(text: string): string | undefined {
  const plain = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return plain ? plain.slice(0, 200) : undefined;
}
