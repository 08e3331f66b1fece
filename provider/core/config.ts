import { REGIONS, type Region, type SinchFaxClientOptions } from "../client/options";
import { SettingsError } from "./errors";

/** Where each setting comes from: a stack config key, else an environment variable. */
export const SETTING_SOURCES = {
  projectId: { config: "sinch:projectId", env: "SINCH_PROJECT_ID" },
  keyId: { config: "sinch:keyId", env: "SINCH_KEY_ID" },
  keySecret: { config: "sinch:keySecret", env: "SINCH_KEY_SECRET" },
  region: { config: "sinch:region", env: "SINCH_FAX_REGION" },
  faxUrl: { config: "sinch:faxUrl", env: "SINCH_FAX_URL" },
  numbersUrl: { config: "sinch:numbersUrl", env: "SINCH_NUMBERS_URL" },
  auth: { config: "sinch:auth", env: "SINCH_AUTH" },
  authUrl: { config: "sinch:authUrl", env: "SINCH_AUTH_URL" },
  defaultHandoffTimeout: { config: "sinch:defaultHandoffTimeout", env: "SINCH_DEFAULT_HANDOFF_TIMEOUT" },
  numberRoutingTimeout: { config: "sinch:numberRoutingTimeout", env: "SINCH_NUMBER_ROUTING_TIMEOUT" },
  requestTimeout: { config: "sinch:requestTimeout", env: "SINCH_REQUEST_TIMEOUT" },
  maxRetries: { config: "sinch:maxRetries", env: "SINCH_MAX_RETRIES" },
} as const;

type SettingName = keyof typeof SETTING_SOURCES;

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
  const { config, env } = SETTING_SOURCES[name];
  const secret = name === "keySecret" ? "--secret " : "";
  return `stack config "${config}" (pulumi config set ${secret}${config} …) or the environment variable ${env}`;
}

/** Reads every setting: stack config first, then the environment. */
export function readSettings(config: (key: string) => string | undefined, env: Record<string, string | undefined>): ProviderSettings {
  const get = (name: SettingName) => {
    const value = config(SETTING_SOURCES[name].config) ?? env[SETTING_SOURCES[name].env];
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
export function missingProjectMessage(): string {
  return `projectId is not set on the FaxService, and no Sinch project is configured: set ${howToSet("projectId")}`;
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
