import type { LoggedRequest } from "../../emulator";
import { activeNumbersPath, createService, type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import {
  expectOnlyDocumented,
  expectRequestsConform,
  expectValid,
  numbersSchemas,
  requestSchemas,
  responseSchemas,
} from "../helpers/openapi";
import { coverPageBody } from "../helpers/pdf";

const FAX = "sinch#/components/schemas";
const NUMBERS = "numbers#/components/schemas";

// Every response body of the new endpoints validates against Sinch's OpenAPI files, with nothing undocumented.
describe("fax set-up and active numbers against the OpenAPI files", () => {
  let fx: EmulatorFixture;
  let serviceId: string;
  const N = "+15557000001";
  beforeAll(async () => {
    fx = await withEmulator({ provisioningDelayMs: 20 });
    serviceId = await createService(fx.emulator, { name: "Conformance" });
    fx.emulator.numbers.seed({ phoneNumber: N, voiceConfiguration: { type: "FAX", serviceId } });
  });
  afterAll(() => fx.close());

  const call = (method: string, path: string, body?: unknown) =>
    rawRequest(fx.emulator, method, path, { body: body === undefined ? undefined : JSON.stringify(body) });
  const each = (items: unknown[], schema: string) => {
    for (const item of items) expectOnlyDocumented(schema, item);
  };

  test("the validators reject bodies that break the schemas", () => {
    expect(responseSchemas.coverGet({ name: "A" })).toBe(false);
    expect(responseSchemas.emailCreate({ email: "a@example.com", phoneNumbers: [{ permissions: "all" }] })).toBe(false);
    expect(numbersSchemas.get({ voiceConfiguration: { type: "FAX", serviceId: 5 } })).toBe(false);
    expect(numbersSchemas.get({ voiceConfiguration: { type: "FAX", scheduledVoiceProvisioning: { type: "FAX", status: "DONE" } } })).toBe(
      false,
    );
    expect(numbersSchemas.get({ voiceConfiguration: { type: "FAX", lastUpdatedTime: null } })).toBe(false);
    expect(numbersSchemas.get({ voiceConfiguration: { type: "FAX", serviceId: "S" } })).toBe(true);
    expect(() => expectOnlyDocumented(`${FAX}/Email`, { email: "a@example.com", phoneNumbers: [{ number: N, extra: 1 }] })).toThrow(
      /phoneNumbers\[0\]\.extra/,
    );
  });

  test("cover pages", async () => {
    const added = await call("POST", `${servicesPath(fx.emulator, serviceId)}/coverPages`, coverPageBody("Conformance"));
    expectValid(responseSchemas.coverCreate, added.json);
    expectOnlyDocumented(`${FAX}/CoverPage`, added.json);
    const got = await call("GET", `${servicesPath(fx.emulator, serviceId)}/coverPages/${added.json.id}`);
    expectValid(responseSchemas.coverGet, got.json);
    const list = await call("GET", `${servicesPath(fx.emulator, serviceId)}/coverPages`);
    expectValid(responseSchemas.coverList, list.json);
    each(list.json.coverPages, `${FAX}/CoverPage`);
  });

  test("emails, their numbers, a number's emails, and suspension", async () => {
    const base = `${servicesPath(fx.emulator, serviceId)}/emails`;
    const created = await call("POST", base, { email: "c@example.com", phoneNumbers: [{ number: N }] });
    expectValid(responseSchemas.emailCreate, created.json);
    expectOnlyDocumented(`${FAX}/Email`, created.json);
    const updated = await call("PUT", `${base}/c%40example.com`, { phoneNumbers: [{ number: N, permissions: "send" }] });
    expectValid(responseSchemas.emailUpdate, updated.json);
    expectOnlyDocumented(`${FAX}/Email`, updated.json);
    const list = await call("GET", base);
    expectValid(responseSchemas.emailList, list.json);
    each(list.json.emails, `${FAX}/Email`);
    const numbers = await call("GET", `${base}/c%40example.com/numbers`);
    expectValid(responseSchemas.emailNumbers, numbers.json);
    each(numbers.json.phoneNumbers, `${FAX}/ServicePhoneNumber`);
    const emails = await call("GET", `${servicesPath(fx.emulator, serviceId)}/numbers/${encodeURIComponent(N)}/emails`);
    expectValid(responseSchemas.numberEmails, emails.json);
    const suspended = await call("PATCH", `${servicesPath(fx.emulator, serviceId)}/numbers/${encodeURIComponent(N)}/suspend`, {
      suspended: true,
      note: "why",
    });
    expectValid(responseSchemas.suspend, suspended.json);
    expectOnlyDocumented(`${FAX}/ServicePhoneNumber`, suspended.json);
  });

  test("active numbers: fresh, waiting, failed, routed; the list; errors", async () => {
    const other = "+15557000002";
    const fresh = await rawRequest(fx.emulator, "POST", "/_emulator/active-numbers", { body: JSON.stringify({ phoneNumber: other }) });
    const bodies = [fresh.json];
    bodies.push((await call("PATCH", activeNumbersPath(fx.emulator, other), { voiceConfiguration: { type: "FAX", serviceId } })).json);
    await new Promise((r) => setTimeout(r, 60));
    bodies.push((await call("GET", activeNumbersPath(fx.emulator, other))).json);
    fx.emulator.numbers.setProvisioning({ failNumbers: [other] });
    bodies.push((await call("PATCH", activeNumbersPath(fx.emulator, other), { voiceConfiguration: { type: "EST", trunkId: "t" } })).json);
    fx.emulator.numbers.completePending();
    bodies.push((await call("GET", activeNumbersPath(fx.emulator, other))).json);
    expect(bodies.map((b) => b.voiceConfiguration.scheduledVoiceProvisioning?.status)).toEqual([
      undefined,
      "WAITING",
      undefined,
      "WAITING",
      "FAILED",
    ]);
    for (const body of bodies) {
      expectValid(numbersSchemas.get, body);
      expectOnlyDocumented(`${NUMBERS}/ActiveNumberResponse`, body);
    }
    const list = await call("GET", `${activeNumbersPath(fx.emulator)}?pageSize=1`);
    expectValid(numbersSchemas.list, list.json);
    each(list.json.activeNumbers, `${NUMBERS}/ActiveNumberResponse`);
    expect(list.json.nextPageToken).not.toBe("");

    const invalid = await call("PATCH", activeNumbersPath(fx.emulator, other), { voiceConfiguration: {} });
    const missing = await call("GET", activeNumbersPath(fx.emulator, "+15557999999"));
    expect([invalid.status, missing.status]).toEqual([400, 404]);
    expectValid(numbersSchemas[400], invalid.json);
    expectValid(numbersSchemas[404], missing.json);
    for (const b of [invalid, missing]) expectValid(numbersSchemas.error, b.json);
  });

  test("Fax API errors of the new endpoints match the Error schema", async () => {
    const bodies = [
      await call("POST", `${servicesPath(fx.emulator, serviceId)}/coverPages`, { name: "" }),
      await call("GET", `${servicesPath(fx.emulator, serviceId)}/coverPages/nope`),
      await call("POST", `${servicesPath(fx.emulator, serviceId)}/emails`, { email: "c@example.com", phoneNumbers: [] }),
      await call("PATCH", `${servicesPath(fx.emulator, serviceId)}/numbers/%2B15550000000/suspend`, { suspended: true }),
    ];
    expect(bodies.map((b) => b.status)).toEqual([422, 404, 409, 404]);
    for (const b of bodies) expectValid(responseSchemas.error, b.json);
  });
});

// The request-side check provider and engine tests run over the emulator's log, for the new writes.
describe("request bodies of the fax set-up against the OpenAPI files", () => {
  const logged = (operation: LoggedRequest["operation"], body: unknown): LoggedRequest => ({
    seq: 7,
    time: new Date().toISOString(),
    method: "POST",
    path: "/somewhere",
    query: {},
    body,
    status: 200,
    durationMs: 0,
    operation,
  });

  test("the request validators accept documented bodies", () => {
    expect(requestSchemas.coverCreate(coverPageBody())).toBe(true);
    expect(requestSchemas.emailCreate({ email: "a@example.com", phoneNumbers: [{ number: "+15551230000" }] })).toBe(true);
    expect(requestSchemas.emailUpdate({ phoneNumbers: [] })).toBe(true);
    expect(requestSchemas.suspend({ suspended: false })).toBe(true);
    expect(requestSchemas.numbersUpdate({ voiceConfiguration: { type: "FAX", serviceId: "S" } })).toBe(true);
    expect(requestSchemas.numbersUpdate({ voiceConfiguration: { type: "RTC", appId: "" }, displayName: "x" })).toBe(true);
  });

  test.each([
    ["numbers-update", { voiceConfiguration: null }, /voiceConfiguration/],
    ["numbers-update", { voiceConfiguration: { type: "SIP" } }, /voiceConfiguration/],
    ["numbers-update", { voiceConfiguration: { type: "FAX", serviceId: 5 } }, /serviceId/],
    ["numbers-update", { displayName: null }, /displayName/],
    ["numbers-update", { smsConfiguration: { campaignId: "c" } }, /servicePlanId/],
    [
      "numbers-update",
      { voiceConfiguration: { type: "FAX", serviceId: "S", lastUpdatedTime: "2024-01-01T00:00:00Z" } },
      /not writable ActiveNumberRequest properties: voiceConfiguration\.lastUpdatedTime/,
    ],
    ["numbers-update", { voiceConfiguration: { type: "FAX", serviceId: "S", appId: "A" } }, /voiceConfiguration\.appId/],
    ["numbers-update", { regionCode: "US" }, /not writable ActiveNumberRequest properties: regionCode/],
    ["email-create", { email: "a@example.com" }, /phoneNumbers/],
    ["email-create", { email: "a@example.com", phoneNumbers: [{ number: "+1555", permissions: "all" }] }, /permissions/],
    ["email-create", { email: "a@example.com", phoneNumbers: [{ number: "+1555", colour: "red" }] }, /phoneNumbers\[0\]\.colour/],
    [
      "email-create",
      { email: "a@example.com", phoneNumbers: [], createdAt: "2024-01-01T00:00:00Z" },
      /not writable Email properties: createdAt/,
    ],
    ["email-update", {}, /phoneNumbers/],
    ["email-update", { email: "a@example.com", phoneNumbers: [] }, /not writable email update properties: email/],
    ["cover-create", { file: coverPageBody().file }, /name/],
    ["cover-create", { name: "A", file: { fileContent: "JVBERi0=" } }, /fileType/],
    ["cover-create", { ...coverPageBody(), id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }, /not writable CoverPage properties: id/],
    ["suspend", { suspended: "yes" }, /suspended/],
    ["suspend", { suspended: true, reason: "x" }, /not writable SuspendRequest properties: reason/],
    ["suspend", "suspended=true", /not a JSON object/],
  ] as [LoggedRequest["operation"], unknown, RegExp][])("expectRequestsConform refuses %s %j", (operation, body, message) => {
    expect(() => expectRequestsConform([logged(operation, body)])).toThrow(message);
  });

  test("it works on an emulator's log", async () => {
    const fx = await withEmulator({ provisioningDelayMs: 0 });
    try {
      const serviceId = await createService(fx.emulator);
      fx.emulator.numbers.seed({ phoneNumber: "+15557000003" });
      const path = activeNumbersPath(fx.emulator, "+15557000003");
      await rawRequest(fx.emulator, "PATCH", path, { body: JSON.stringify({ voiceConfiguration: { type: "FAX", serviceId } }) });
      await rawRequest(fx.emulator, "POST", `${servicesPath(fx.emulator, serviceId)}/coverPages`, {
        body: JSON.stringify(coverPageBody()),
      });
      expectRequestsConform(fx.emulator.requests);
      await rawRequest(fx.emulator, "PATCH", path, { body: '{"voiceConfiguration":null}' });
      expect(() => expectRequestsConform(fx.emulator.requests)).toThrow(/#4 PATCH .*voiceConfiguration/);
    } finally {
      await fx.close();
    }
  });
});
