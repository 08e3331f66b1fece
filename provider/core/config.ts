import { REGIONS, type Region, type SinchFaxClientOptions } from "../client/options";
import { SettingsError } from "./errors";

/**
 * Every setting: where it comes from (a stack config key of the dynamic
 * provider, else an environment variable), what it is and its type (the
 * plugin's schema and README derive from it).
 */
export const SETTING_SOURCES = {
  projectId: {
    config: "sinch:projectId",
    env: "SINCH_PROJECT_ID",
    type: "string",
    doc: "The Sinch project (a resource's `projectId` input overrides it)",
  },
  keyId: { config: "sinch:keyId", env: "SINCH_KEY_ID", type: "string", doc: "The access key id" },
  keySecret: { config: "sinch:keySecret", env: "SINCH_KEY_SECRET", type: "string", secret: true, doc: "The access key secret" },
  region: {
    config: "sinch:region",
    env: "SINCH_FAX_REGION",
    type: "string",
    doc: "The Fax API region: `use1`, `eu1`, `sae1`, `apse1` or `apse2`; the global URL when unset",
  },
  faxUrl: {
    config: "sinch:faxUrl",
    env: "SINCH_FAX_URL",
    type: "string",
    doc: "An explicit Fax API base URL (the emulator's, for instance); wins over the region",
  },
  numbersUrl: {
    config: "sinch:numbersUrl",
    env: "SINCH_NUMBERS_URL",
    type: "string",
    doc: "The Numbers API's base URL (default `https://numbers.api.sinch.com`)",
  },
  auth: {
    config: "sinch:auth",
    env: "SINCH_AUTH",
    type: "string",
    doc: "`basic` (default) or `oauth2` (client-credentials tokens, cached)",
  },
  authUrl: {
    config: "sinch:authUrl",
    env: "SINCH_AUTH_URL",
    type: "string",
    doc: "The OAuth2 token URL (default `https://auth.sinch.com/oauth2/token`)",
  },
  defaultHandoffTimeout: {
    config: "sinch:defaultHandoffTimeout",
    env: "SINCH_DEFAULT_HANDOFF_TIMEOUT",
    type: "integer",
    doc: "Seconds a demoted or deleted default waits for a successor (default 60)",
  },
  numberRoutingTimeout: {
    config: "sinch:numberRoutingTimeout",
    env: "SINCH_NUMBER_ROUTING_TIMEOUT",
    type: "integer",
    doc: "Seconds a FaxNumberRoute waits for Sinch to provision a route (default 120)",
  },
  requestTimeout: {
    config: "sinch:requestTimeout",
    env: "SINCH_REQUEST_TIMEOUT",
    type: "integer",
    doc: "Seconds per HTTP request (default 30)",
  },
  maxRetries: { config: "sinch:maxRetries", env: "SINCH_MAX_RETRIES", type: "integer", doc: "Retries of a transient failure (default 6)" },
} as const;

/**
 * The config namespace messages name: `sinch` for the dynamic provider (stack
 * config `sinch:keyId`), the package name for the plugin (`sinch-fax:keyId`).
 * One per process: a provider process serves one front door.
 */
let namespace = "sinch";

/** Makes messages name the plugin's config keys. */
export function useConfigNamespace(name: string): void {
  namespace = name;
}

/** The config key of a setting in the current namespace. */
export function configKey(name: SettingName): string {
  return `${namespace}:${name}`;
}

/** The name of a setting. */
export type SettingName = keyof typeof SETTING_SOURCES;

/** The provider's settings, read at run time inside the provider process (never serialized). */
export interface ProviderSettings {
  projectId?: string | undefined;
  keyId?: string | undefined;
  keySecret?: string | undefined;
  auth: "basic" | "oauth2";
  region?: Region | undefined;
  faxUrl?: string | undefined;
  /** The Numbers API's base URL; Sinch's global one when unset. */
  numbersUrl?: string | undefined;
  authUrl?: string | undefined;
  /** How long a demoted or deleted default waits for another service to take over. Default 60 s. */
  handoffTimeoutMs: number;
  /** How often the handoff looks again. */
  handoffPollMs: number;
  /** How long routing a number to a service waits for Sinch to provision it. Default 120 s. */
  routingTimeoutMs: number;
  /** How often that wait looks again. */
  routingPollMs: number;
  /** Per-request timeout. */
  requestTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/** How to set a setting, for error messages. */
export function howToSet(name: SettingName): string {
  const config = configKey(name);
  const secret = name === "keySecret" ? "--secret " : "";
  return `stack config "${config}" (pulumi config set ${secret}${config} …) or the environment variable ${SETTING_SOURCES[name].env}`;
}

/** Reads every setting: config (by key in the current namespace) first, then the environment. */
export function readSettings(config: (key: string) => string | undefined, env: Record<string, string | undefined>): ProviderSettings {
  const get = (name: SettingName) => {
    const value = config(configKey(name)) ?? env[SETTING_SOURCES[name].env];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  };
  const auth = get("auth") ?? "basic";
  if (auth !== "basic" && auth !== "oauth2") {
    throw new SettingsError(`Sinch auth must be "basic" or "oauth2", not "${auth}" (${howToSet("auth")})`);
  }
  const region = get("region");
  if (region !== undefined && !(REGIONS as readonly string[]).includes(region)) {
    throw new SettingsError(`Sinch region "${region}" is not one of ${REGIONS.join(", ")} (${howToSet("region")})`);
  }
  return {
    projectId: get("projectId"),
    keyId: get("keyId"),
    keySecret: get("keySecret"),
    auth,
    region: region as Region | undefined,
    faxUrl: get("faxUrl"),
    numbersUrl: get("numbersUrl"),
    authUrl: get("authUrl"),
    handoffTimeoutMs: seconds(get("defaultHandoffTimeout"), "defaultHandoffTimeout") ?? 60_000,
    handoffPollMs: 500,
    routingTimeoutMs: seconds(get("numberRoutingTimeout"), "numberRoutingTimeout") ?? 120_000,
    routingPollMs: 500,
    requestTimeoutMs: seconds(get("requestTimeout"), "requestTimeout"),
    maxRetries: count(get("maxRetries"), "maxRetries"),
  };
}

/** The message when the project id is missing. */
export function missingProjectMessage(resource = "FaxService"): string {
  return `projectId is not set on the ${resource}, and no Sinch project is configured: set ${howToSet("projectId")}`;
}

/** Client options for a project; one error names every missing credential and how to set it. */
export function clientOptions(settings: ProviderSettings, projectId: string): SinchFaxClientOptions {
  const { keyId, keySecret } = settings;
  if (!keyId || !keySecret) {
    const missing = (["keyId", "keySecret"] as const).filter((name) => !settings[name]);
    throw new SettingsError(`Sinch credentials are missing: set ${missing.map(howToSet).join("; and ")}.`);
  }
  return {
    projectId,
    keyId,
    keySecret,
    auth: settings.auth,
    region: settings.region,
    baseUrl: settings.faxUrl,
    numbersUrl: settings.numbersUrl,
    authUrl: settings.authUrl,
    timeoutMs: settings.requestTimeoutMs,
    retry: settings.maxRetries === undefined ? undefined : { maxRetries: settings.maxRetries },
  };
}

function seconds(value: string | undefined, name: SettingName): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new SettingsError(`Sinch ${name} must be a number of seconds, not "${value}" (${howToSet(name)})`);
  return Math.round(n * 1000);
}

function count(value: string | undefined, name: SettingName): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SettingsError(`Sinch ${name} must be a whole number, not "${value}" (${howToSet(name)})`);
  return n;
}
