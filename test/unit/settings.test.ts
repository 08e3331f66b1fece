import { clientOptions, howToSet, missingProjectMessage, readSettings, useConfigNamespace } from "../../provider/core/config";
import { isFaxProviderError, SettingsError } from "../../provider/core/errors";

// The provider's settings as a user sets them: stack config first, then the
// environment; a bad value is refused with a message saying how to set it.

const settingsOf = (config: Record<string, string> = {}, env: Record<string, string> = {}) => readSettings((key) => config[key], env);

const failure = (read: () => unknown): string => {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    expect(isFaxProviderError(e)).toBe(true);
    expect((e as Error).name).toBe("SettingsError");
    return (e as Error).message;
  }
  throw new Error("no SettingsError");
};

afterEach(() => useConfigNamespace("sinch"));

describe("reading the settings", () => {
  test("nothing set: basic auth, the documented timeouts, no credentials", () => {
    expect(settingsOf()).toStrictEqual({
      projectId: undefined,
      keyId: undefined,
      keySecret: undefined,
      auth: "basic",
      region: undefined,
      faxUrl: undefined,
      numbersUrl: undefined,
      authUrl: undefined,
      handoffTimeoutMs: 60_000,
      handoffPollMs: 500,
      routingTimeoutMs: 120_000,
      routingPollMs: 500,
      requestTimeoutMs: undefined,
      maxRetries: undefined,
    });
  });

  test("stack config wins over the environment; values are trimmed, blank ones are unset", () => {
    const s = settingsOf(
      { "sinch:projectId": " p-config ", "sinch:keyId": "   ", "sinch:region": "eu1", "sinch:auth": "oauth2" },
      { SINCH_PROJECT_ID: "p-env", SINCH_KEY_ID: "k-env", SINCH_KEY_SECRET: "s-env", SINCH_FAX_URL: "http://localhost:1" },
    );
    expect(s).toMatchObject({ projectId: "p-config", keySecret: "s-env", region: "eu1", auth: "oauth2", faxUrl: "http://localhost:1" });
    // A blank config value is "not set" there, and so is not looked up in the environment either.
    expect(s.keyId).toBeUndefined();
  });

  test("seconds become milliseconds; a count stays a count", () => {
    const s = settingsOf({
      "sinch:defaultHandoffTimeout": "1.5",
      "sinch:numberRoutingTimeout": "0",
      "sinch:requestTimeout": "10",
      "sinch:maxRetries": "0",
    });
    expect(s).toMatchObject({ handoffTimeoutMs: 1500, routingTimeoutMs: 0, requestTimeoutMs: 10_000, maxRetries: 0 });
    expect(settingsOf({}, { SINCH_MAX_RETRIES: "2" }).maxRetries).toBe(2);
  });

  test.each([
    ["auth", "token", 'Sinch auth must be "basic" or "oauth2", not "token" (stack config "sinch:auth"'],
    ["region", "us1", 'Sinch region "us1" is not one of use1, eu1, sae1, apse1, apse2 (stack config "sinch:region"'],
    ["requestTimeout", "-1", 'Sinch requestTimeout must be a number of seconds, not "-1" (stack config "sinch:requestTimeout"'],
    ["defaultHandoffTimeout", "soon", 'Sinch defaultHandoffTimeout must be a number of seconds, not "soon"'],
    ["numberRoutingTimeout", "Infinity", 'Sinch numberRoutingTimeout must be a number of seconds, not "Infinity"'],
    ["maxRetries", "2.5", 'Sinch maxRetries must be a whole number, not "2.5" (stack config "sinch:maxRetries"'],
    ["maxRetries", "-1", 'Sinch maxRetries must be a whole number, not "-1"'],
  ])("sinch:%s = %j is refused: %s", (name, value, message) => {
    expect(failure(() => settingsOf({ [`sinch:${name}`]: value }))).toContain(message);
  });

  test("a missing project names the resource and how to set one", () => {
    expect(missingProjectMessage()).toBe(
      'projectId is not set on the FaxService, and no Sinch project is configured: set stack config "sinch:projectId" (pulumi config set sinch:projectId …) or the environment variable SINCH_PROJECT_ID',
    );
    expect(missingProjectMessage("FaxEmail")).toContain("projectId is not set on the FaxEmail,");
  });

  test("the message names the environment variable too, and the plugin's namespace when it reads them", () => {
    expect(howToSet("maxRetries")).toBe(
      'stack config "sinch:maxRetries" (pulumi config set sinch:maxRetries …) or the environment variable SINCH_MAX_RETRIES',
    );
    useConfigNamespace("sinch-fax");
    expect(failure(() => settingsOf({ "sinch-fax:auth": "x" }))).toContain('(stack config "sinch-fax:auth"');
  });
});

describe("client options", () => {
  const full = settingsOf({
    "sinch:keyId": "k",
    "sinch:keySecret": "s",
    "sinch:region": "apse2",
    "sinch:faxUrl": "http://f",
    "sinch:numbersUrl": "http://n",
    "sinch:authUrl": "http://a",
    "sinch:requestTimeout": "5",
    "sinch:maxRetries": "1",
  });

  test("carry the credentials and every connection setting for the project", () => {
    expect(clientOptions(full, "proj")).toStrictEqual({
      projectId: "proj",
      keyId: "k",
      keySecret: "s",
      auth: "basic",
      region: "apse2",
      baseUrl: "http://f",
      numbersUrl: "http://n",
      authUrl: "http://a",
      timeoutMs: 5000,
      retry: { maxRetries: 1 },
    });
    expect(clientOptions({ ...full, maxRetries: undefined }, "proj").retry).toBeUndefined();
  });

  test("one error names every missing credential and how to set it, the secret with --secret", () => {
    expect(failure(() => clientOptions(settingsOf(), "p"))).toBe(
      'Sinch credentials are missing: set stack config "sinch:keyId" (pulumi config set sinch:keyId …) or the environment variable SINCH_KEY_ID; ' +
        'and stack config "sinch:keySecret" (pulumi config set --secret sinch:keySecret …) or the environment variable SINCH_KEY_SECRET.',
    );
    expect(failure(() => clientOptions({ ...full, keyId: undefined }, "p"))).toBe(
      'Sinch credentials are missing: set stack config "sinch:keyId" (pulumi config set sinch:keyId …) or the environment variable SINCH_KEY_ID.',
    );
    expect(failure(() => clientOptions({ ...full, keySecret: "" }, "p"))).toContain("SINCH_KEY_SECRET.");
  });
});
