import { getNumber, patchNumber, seedNumber } from "../helpers/active-numbers";
import { activeNumbersPath, type EmulatorFixture, rawRequest, withEmulator } from "../helpers/emulator";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("emulator Numbers API: active numbers", () => {
  let fx: EmulatorFixture;
  const N = "+15555000001";
  beforeEach(async () => {
    fx = await withEmulator({
      provisioningDelayMs: 100,
      tokenTtlSeconds: 1,
      extraProjects: [{ projectId: "other-project", keyId: "other-key", keySecret: "other-secret" }],
    });
  });
  afterEach(() => fx.close());

  const seed = (body: Record<string, unknown>) => seedNumber(fx.emulator, body);
  const get = (phoneNumber = N) => getNumber(fx.emulator, phoneNumber);
  const patch = (body: unknown, phoneNumber = N) => patchNumber(fx.emulator, phoneNumber, body);

  test("a seeded number has the documented fields and no route; + may be sent as is or as %2B", async () => {
    const seeded = await seed({ phoneNumber: N });
    expect(seeded).toEqual({
      phoneNumber: N,
      projectId: fx.emulator.projectId,
      displayName: "",
      regionCode: "US",
      type: "LOCAL",
      capability: ["VOICE"],
      money: { currencyCode: "USD", amount: "2.00" },
      paymentIntervalMonths: 1,
      nextChargeDate: expect.any(String),
      expireAt: expect.any(String),
      smsConfiguration: { servicePlanId: "", campaignId: "" },
      voiceConfiguration: { type: "RTC", appId: "" },
      callbackUrl: "",
    });
    expect((await get()).json).toEqual(seeded);
    const plain = await rawRequest(fx.emulator, "GET", `/v1/projects/${fx.emulator.projectId}/activeNumbers/${N}`);
    expect([plain.status, plain.json]).toEqual([200, seeded]);
    expect(fx.emulator.numbers.get(N)).toEqual(seeded);
  });

  test("unknown and malformed numbers: 404 NotFound and 400 InvalidArgument in the Numbers API's shape", async () => {
    const missing = await get("+15559999999");
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 404, status: "NOT_FOUND" });
    expect(missing.json.error.details[0]).toMatchObject({ resourceType: "ACTIVE_NUMBER", resourceName: "+15559999999" });
    expect((await patch({ displayName: "x" }, "+15559999999")).status).toBe(404);
    const malformed = await get("15559999999");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    expect(malformed.json.error.details[0].fieldViolations).toEqual([{ field: "phoneNumber", description: "must be in E.164 format" }]);
    const method = await rawRequest(fx.emulator, "DELETE", activeNumbersPath(fx.emulator, N));
    expect([method.status, method.json.error.code]).toEqual([405, 405]);
  });

  test("credentials: 403 PERMISSION_DENIED for wrong ones, bearer tokens work, an expired token is a 401", async () => {
    await seed({ phoneNumber: N });
    const e = fx.emulator;
    for (const auth of [basic(e.keyId, "wrong"), null, basic("other-key", "other-secret")]) {
      const res = await rawRequest(e, "GET", activeNumbersPath(e), { auth });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: { code: 403, message: "", status: "PERMISSION_DENIED", details: [] } });
    }
    const token = await rawRequest(e, "POST", "/oauth2/token", {
      body: "grant_type=client_credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const bearer = `Bearer ${token.json.access_token}`;
    expect((await rawRequest(e, "GET", activeNumbersPath(e, N), { auth: bearer })).status).toBe(200);
    e.auth.expireAll();
    const expired = await rawRequest(e, "GET", activeNumbersPath(e, N), { auth: bearer });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/invalid_token/);
    expect(expired.json.error).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
    // The other project's numbers are its own.
    const theirs = await rawRequest(e, "GET", "/v1/projects/other-project/activeNumbers", { auth: basic("other-key", "other-secret") });
    expect(theirs.json).toEqual({ activeNumbers: [], nextPageToken: "", totalSize: 0 });
  });

  test("list: filters, order, and pages chained by nextPageToken until it is empty", async () => {
    await seed({ phoneNumber: "+15555000003", displayName: "c", capability: ["SMS", "VOICE"] });
    await seed({ phoneNumber: "+15555000001", displayName: "b" });
    await seed({ phoneNumber: "+46700000002", displayName: "a", regionCode: "SE", type: "MOBILE", capability: ["SMS"] });
    await seed({ phoneNumber: "+18005550004", displayName: "d", type: "TOLL_FREE" });
    const list = async (query = "") => (await rawRequest(fx.emulator, "GET", `${activeNumbersPath(fx.emulator)}${query}`)).json;
    const numbers = (body: { activeNumbers: { phoneNumber: string }[] }) => body.activeNumbers.map((n) => n.phoneNumber);
    const all = await list();
    expect(numbers(all)).toEqual(["+15555000001", "+15555000003", "+18005550004", "+46700000002"]);
    expect([all.nextPageToken, all.totalSize]).toEqual(["", 4]);
    expect(numbers(await list("?orderBy=displayName"))).toEqual(["+46700000002", "+15555000001", "+15555000003", "+18005550004"]);
    expect(numbers(await list("?regionCode=SE"))).toEqual(["+46700000002"]);
    expect(numbers(await list("?type=TOLL_FREE"))).toEqual(["+18005550004"]);
    expect(numbers(await list("?capability=SMS&capability=VOICE"))).toEqual(["+15555000003"]);
    expect(numbers(await list("?numberPattern.pattern=%2B1555"))).toEqual(["+15555000001", "+15555000003"]);
    expect(numbers(await list("?numberPattern.pattern=1800&numberPattern.searchPattern=START"))).toEqual(["+18005550004"]);
    expect(numbers(await list("?numberPattern.pattern=0004&numberPattern.searchPattern=END"))).toEqual(["+18005550004"]);
    expect(numbers(await list("?numberPattern.pattern=7000&numberPattern.searchPattern=CONTAINS"))).toEqual(["+46700000002"]);

    const seen: string[] = [];
    let token = "";
    for (let i = 0; i < 3; i++) {
      const page = await list(`?pageSize=3${token ? `&pageToken=${token}` : ""}`);
      seen.push(...numbers(page));
      expect(page.totalSize).toBe(4);
      token = page.nextPageToken;
      if (!token) break;
    }
    expect(seen).toEqual(numbers(all));
    expect(token).toBe("");
    for (const query of [
      "pageSize=0",
      "pageSize=1001",
      "pageSize=x",
      "pageToken=nope",
      "type=FIXED",
      "capability=FAX",
      "regionCode=se",
      "orderBy=name",
    ]) {
      const res = await rawRequest(fx.emulator, "GET", `${activeNumbersPath(fx.emulator)}?${query}`);
      expect([query, res.status, res.json.error.status]).toEqual([query, 400, "INVALID_ARGUMENT"]);
    }
  });

  test("PATCH changes displayName, callbackUrl and the SMS configuration at once", async () => {
    await seed({ phoneNumber: N, capability: ["SMS", "VOICE"] });
    const res = await patch({
      displayName: "Front desk",
      callbackUrl: "https://hooks.example/numbers",
      smsConfiguration: { servicePlanId: "plan-1" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      displayName: "Front desk",
      callbackUrl: "https://hooks.example/numbers",
      smsConfiguration: { servicePlanId: "plan-1", campaignId: "" },
      voiceConfiguration: { type: "RTC", appId: "" },
    });
    expect((await patch({ callbackUrl: "" })).json.callbackUrl).toBe("");
    expect((await patch({ callbackUrl: "http://hooks.example/plain" })).json.callbackUrl).toBe("http://hooks.example/plain");
    expect((await patch({})).status).toBe(200);
  });

  test.each([
    ["voiceConfiguration", "must be a non-empty configuration object", { voiceConfiguration: {} }],
    ["smsConfiguration", "must be a non-empty configuration object", { smsConfiguration: {} }],
    ["voiceConfiguration", "must be a non-empty configuration object", { voiceConfiguration: "FAX" }],
    ["voiceConfiguration", "must be a non-empty configuration object", { voiceConfiguration: [{ type: "RTC", appId: "" }] }],
    ["smsConfiguration", "must be a non-empty configuration object", { smsConfiguration: "plan-1" }],
    ["smsConfiguration", "must be a non-empty configuration object", { smsConfiguration: [{ servicePlanId: "p" }] }],
    ["voiceConfiguration", "must not be null", { voiceConfiguration: null }],
    ["displayName", "must not be null", { displayName: null }],
    ["displayName", "must be a string", { displayName: 5 }],
    ["voiceConfiguration.type", "must be one of RTC, EST, FAX", { voiceConfiguration: { serviceId: "x" } }],
    ["voiceConfiguration.type", "must be one of RTC, EST, FAX", { voiceConfiguration: { type: "SIP" } }],
    ["voiceConfiguration.appId", 'is required ("" unroutes the number)', { voiceConfiguration: { type: "RTC" } }],
    ["voiceConfiguration.serviceId", "is required", { voiceConfiguration: { type: "FAX" } }],
    ["voiceConfiguration.serviceId", "must not be empty", { voiceConfiguration: { type: "FAX", serviceId: "" } }],
    ["voiceConfiguration.trunkId", "must not be empty", { voiceConfiguration: { type: "EST", trunkId: "" } }],
    [
      "voiceConfiguration.serviceId",
      "must be the id of a fax service of this project",
      { voiceConfiguration: { type: "FAX", serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" } },
    ],
    ["voiceConfiguration.appId", "is not a field of a FAX voice configuration", { voiceConfiguration: { type: "FAX", appId: "a" } }],
    [
      "voiceConfiguration.lastUpdatedTime",
      "is read-only",
      { voiceConfiguration: { type: "RTC", appId: "", lastUpdatedTime: "2024-01-01T00:00:00Z" } },
    ],
    [
      "voiceConfiguration.scheduledVoiceProvisioning",
      "is read-only",
      { voiceConfiguration: { type: "RTC", appId: "", scheduledVoiceProvisioning: {} } },
    ],
    [
      "voiceConfiguration.colour",
      "is not a field of a voice configuration",
      { voiceConfiguration: { type: "RTC", appId: "", colour: "red" } },
    ],
    ["smsConfiguration.servicePlanId", "is required", { smsConfiguration: { campaignId: "c" } }],
    ["smsConfiguration.scheduledProvisioning", "is read-only", { smsConfiguration: { servicePlanId: "p", scheduledProvisioning: {} } }],
    ["callbackUrl", 'must be an absolute URL (or "" to remove it)', { callbackUrl: "hooks" }],
    ["callbackUrl", "must be an http(s) URL", { callbackUrl: "ftp://hooks.example/in" }],
    ["smsConfiguration.campaignId", "must be a string", { smsConfiguration: { servicePlanId: "p", campaignId: 5 } }],
    ["smsConfiguration.colour", "is not a field of an SMS configuration", { smsConfiguration: { servicePlanId: "p", colour: "red" } }],
    ["voiceConfiguration.appId", "must be a string", { voiceConfiguration: { type: "RTC", appId: 5 } }],
    ["regionCode", "is not a field of an active number request", { regionCode: "SE" }],
  ])("PATCH refuses with 400: %s %s", async (field, description, body) => {
    await seed({ phoneNumber: N });
    const res = await patch(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    expect(res.json.error.details[0]).toEqual({ type: "BadRequest", fieldViolations: [{ field, description }] });
    expect((await get()).json.voiceConfiguration).toEqual({ type: "RTC", appId: "" });
  });

  test("PATCH refuses a FAX service of another project, a number without VOICE, and a body that is not JSON", async () => {
    await seed({ phoneNumber: N });
    await seed({ phoneNumber: "+15555000009", capability: ["SMS"] });
    const theirs = fx.emulator.store.listServices("other-project")[0]!.id;
    const foreign = await patch({ voiceConfiguration: { type: "FAX", serviceId: theirs } });
    expect(foreign.json.error.details[0].fieldViolations[0].field).toBe("voiceConfiguration.serviceId");
    const ours = fx.emulator.store.listServices(fx.emulator.projectId)[0]!.id;
    const smsOnly = await patch({ voiceConfiguration: { type: "FAX", serviceId: ours } }, "+15555000009");
    expect(smsOnly.json.error.details[0].fieldViolations).toEqual([
      { field: "voiceConfiguration", description: "the number does not have the VOICE capability" },
    ]);
    // A configuration refused on its own is not refused again for the capability.
    const both = await patch({ voiceConfiguration: { type: "FAX" } }, "+15555000009");
    expect(both.json.error.details[0].fieldViolations).toEqual([{ field: "voiceConfiguration.serviceId", description: "is required" }]);
    const notJson = await rawRequest(fx.emulator, "PATCH", activeNumbersPath(fx.emulator, N), { body: "{" });
    expect([notJson.status, notJson.json.error.status]).toEqual([400, "INVALID_ARGUMENT"]);
    const text = await rawRequest(fx.emulator, "PATCH", activeNumbersPath(fx.emulator, N), {
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect([text.status, text.json.error.code]).toEqual([415, 415]);
  });
});
