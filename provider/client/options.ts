/** Regional hosts of the Fax API; the global URL routes to the right one itself. */
export const REGIONS = ["use1", "eu1", "sae1", "apse1", "apse2"] as const;
/** A Sinch Fax region. */
export type Region = (typeof REGIONS)[number];

/** The global Fax API URL. */
export const GLOBAL_FAX_URL = "https://fax.api.sinch.com";
/** The Numbers API's URL (global; it has no regional hosts). */
export const GLOBAL_NUMBERS_URL = "https://numbers.api.sinch.com";
/** Sinch's OAuth2 token endpoint. */
export const DEFAULT_AUTH_URL = "https://auth.sinch.com/oauth2/token";

/** How the client retries: capped exponential backoff with equal jitter (a random wait between half and all of the step). */
export interface RetryOptions {
  /** Retries after the first attempt. Default 6. */
  maxRetries?: number | undefined;
  /** First backoff in milliseconds. Default 250. */
  baseDelayMs?: number | undefined;
  /** Longest single backoff in milliseconds (also caps `Retry-After`). Default 20000. */
  maxDelayMs?: number | undefined;
}

/** {@link RetryOptions} with every default filled in. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Options of {@link SinchFaxClient}. */
export interface SinchFaxClientOptions {
  projectId: string;
  keyId: string;
  keySecret: string;
  /** `basic` (default) or `oauth2` (client credentials; token cached and refreshed). */
  auth?: "basic" | "oauth2" | undefined;
  /** Explicit API base URL (e.g. an emulator); wins over `region`. */
  baseUrl?: string | undefined;
  /** The Numbers API's base URL (e.g. an emulator's). Default {@link GLOBAL_NUMBERS_URL}. */
  numbersUrl?: string | undefined;
  /** A regional host; the global URL when omitted. */
  region?: Region | undefined;
  /** OAuth2 token endpoint. Default {@link DEFAULT_AUTH_URL}. */
  authUrl?: string | undefined;
  /** Per-request timeout in milliseconds. Default 30000. */
  timeoutMs?: number | undefined;
  retry?: RetryOptions | undefined;
  /** Largest page the client asks for when listing. Default 1000 (the API's maximum). */
  pageSize?: number | undefined;
}

/** The options with every default filled in, checked once. */
export interface NormalizedOptions {
  projectId: string;
  keyId: string;
  keySecret: string;
  auth: "basic" | "oauth2";
  baseUrl: string;
  numbersUrl: string;
  authUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  pageSize: number;
}

/** The base URL for a region, or the global one. */
export function regionUrl(region?: Region): string {
  return region ? `https://${region}.fax.api.sinch.com` : GLOBAL_FAX_URL;
}

/** Fills in defaults and rejects what cannot work, before any request is made. */
export function normalizeOptions(options: SinchFaxClientOptions): NormalizedOptions {
  for (const key of ["projectId", "keyId", "keySecret"] as const) {
    if (!options[key]) throw new Error(`Sinch Fax client: ${key} is required`);
  }
  if (options.region && !REGIONS.includes(options.region)) {
    throw new Error(`Sinch Fax client: unknown region "${options.region}" (use one of ${REGIONS.join(", ")})`);
  }
  const auth = options.auth ?? "basic";
  if (auth !== "basic" && auth !== "oauth2") {
    throw new Error(`Sinch Fax client: auth must be "basic" or "oauth2", not "${String(auth)}"`);
  }
  return {
    projectId: options.projectId,
    keyId: options.keyId,
    keySecret: options.keySecret,
    auth,
    baseUrl: checkedUrl(options.baseUrl ?? regionUrl(options.region), "baseUrl").replace(/\/+$/, ""),
    numbersUrl: checkedUrl(options.numbersUrl ?? GLOBAL_NUMBERS_URL, "numbersUrl").replace(/\/+$/, ""),
    authUrl: checkedUrl(options.authUrl ?? DEFAULT_AUTH_URL, "authUrl"),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: {
      maxRetries: options.retry?.maxRetries ?? 6,
      baseDelayMs: options.retry?.baseDelayMs ?? 250,
      maxDelayMs: options.retry?.maxDelayMs ?? 20_000,
    },
    pageSize: Math.min(1000, Math.max(1, options.pageSize ?? 1000)),
  };
}

function checkedUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Sinch Fax client: ${name} is not a URL: ${value}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`Sinch Fax client: ${name} must be an http(s) URL`);
  }
  if (url.username || url.password) throw new Error(`Sinch Fax client: ${name} must not hold credentials`);
  return value;
}
