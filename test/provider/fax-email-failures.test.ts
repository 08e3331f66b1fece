import type { Emulator } from "../../emulator";
import { configureRuntime, resetRuntime } from "../../provider/core/runtime";
import * as email from "../../provider/resources/fax-email/lifecycle";
import type { EmailInputs } from "../../provider/resources/fax-email/plan";
import { calls, configureFor, withEmulator } from "../helpers/provider";

// FaxEmail when the program or Sinch does not cooperate: the project, lost or refused calls, errors.
let emulator: Emulator;
let service: string;
const N1 = "+15557770001";
const LABEL = 'Fax-to-email address "desk@example.com" of service';

withEmulator(
  (e) => {
    emulator = e;
  },
  {},
  // No retries of a transient failure: a fault injected once is the call's answer.
  { "sinch:maxRetries": "0" },
);
beforeEach(() => {
  service = emulator.store.createService(emulator.projectId, { name: "Inbound" }, "seed").id;
  emulator.numbers.seed({ phoneNumber: N1, voiceConfiguration: { type: "FAX", serviceId: service } });
});

const inputs = async (news: Record<string, unknown>): Promise<EmailInputs> => {
  const { inputs, failures } = await email.check({}, news);
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
};
const desk = () => inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: N1 }] });

describe("FaxEmail's project", () => {
  test("a projectId given wins over the configured one", async () => {
    expect((await email.check({}, { serviceId: service, email: "desk@example.com", projectId: "mine" })).inputs.projectId).toBe("mine");
  });

  test("with none given and none configured, check fails naming how to set it", async () => {
    resetRuntime();
    configureRuntime(() => undefined);
    const { inputs, failures } = await email.check({}, { serviceId: service, email: "desk@example.com" });
    expect(failures).toEqual([{ property: "projectId", reason: expect.stringContaining("projectId is not set on the FaxEmail") }]);
    expect(inputs).not.toHaveProperty("projectId");
  });
});

describe("FaxEmail create when the POST's outcome is unknown", () => {
  test("a POST that failed before applying is looked for, then sent again", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([{ operations: ["email-create"], drop: 1, times: 1 }]);
    const { id, outs } = await email.create(await desk());
    expect(id).toBe(`${service}/desk@example.com`);
    expect(outs.email).toBe("desk@example.com");
    expect(calls(emulator)).toEqual(["POST email-create", "GET email-list", "POST email-create"]);
  });

  test("after sinch:maxRetries more attempts it gives up, naming the address; nothing is made", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([{ operations: ["email-create"], drop: 1 }]);
    const error = await email.create(await desk()).catch((e) => e);
    expect(error.message).toContain(LABEL);
    // The last attempt's outcome is unknown too: it is looked for before giving up.
    expect(calls(emulator)).toEqual(["POST email-create", "GET email-list", "POST email-create", "GET email-list"]);
    expect(emulator.store.projectState(emulator.projectId).emails).toEqual([]);
    expect(error).not.toHaveProperty("id");
  });

  test("a 409 after an attempt whose answer was lost is that attempt's address: taken, not an error", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "2" });
    emulator.faults.set([
      { operations: ["email-create"], lost: 1, times: 1 },
      // The look after it fails (each GET is tried three times).
      { operations: ["email-list"], status503: 1, times: 3 },
    ]);
    const { id, outs } = await email.create(await desk());
    expect(id).toBe(`${service}/desk@example.com`);
    expect(outs.phoneNumbers).toEqual([{ number: N1, permissions: "both" }]);
    expect(calls(emulator)).toEqual(["POST email-create", ...Array(3).fill("GET email-list"), "POST email-create", "GET email-list"]);
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
  });

  test("an address that exists before the first attempt is not taken: the error says what to do", async () => {
    emulator.store.change(emulator.projectId, (p) =>
      p.emails.push({
        email: "desk@example.com",
        phoneNumbers: [{ number: N1, permissions: "both" }],
        projectId: emulator.projectId,
        serviceId: service,
        createdAt: "2020-01-01T00:00:00Z",
        updatedAt: "2020-01-01T00:00:00Z",
      }),
    );
    const error = await email.create(await desk()).catch((e) => e);
    expect(error.message).toContain("it already exists, and this stack does not manage it");
    expect(error.message).toContain("npx sinch-fax-recover");
    expect(calls(emulator)).toEqual(["POST email-create"]);
  });

  test("a lost answer whose looks fail too is recorded as an unconfirmed create; the next up resolves it to the address made", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([
      { operations: ["email-create"], lost: 1, times: 1 },
      { operations: ["email-create"], drop: 1, times: 1 },
      // Both looks fail (each GET is tried twice).
      { operations: ["email-list"], status503: 1, times: 4 },
    ]);
    const news = await desk();
    const error = await email.create(news).catch((e) => e);
    expect(error.message).toContain("the next refresh or `up` looks again");
    expect(error.id).toBe(`${service}/desk@example.com`);
    expect(error.properties.unconfirmedCreate.startedAt).toEqual(expect.any(String));
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
    const state = error.properties;
    // The next up: diff sees the unconfirmed create, update takes the address the attempt made.
    expect((await email.diff(error.id, state, news)).changes).toBe(true);
    emulator.requests = [];
    const { outs } = await email.update(error.id, state, news);
    expect(outs).not.toHaveProperty("unconfirmedCreate");
    expect(calls(emulator)).toEqual(["GET email-list", "PUT email-update"]);
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
    // A refresh resolves it too.
    expect((await email.read(error.id, state)).props).not.toHaveProperty("unconfirmedCreate");
  });

  test("an unconfirmed create that made nothing: refresh drops it, up creates it, destroy deletes nothing", async () => {
    const news = await desk();
    const state = { ...news, unconfirmedCreate: { startedAt: new Date().toISOString() } };
    const id = `${service}/desk@example.com`;
    expect(await email.read(id, state)).toEqual({});
    await email.remove(id, state);
    expect(calls(emulator)).toEqual(["GET email-list", "GET email-list"]);
    const { outs } = await email.update(id, state, news);
    expect(outs.email).toBe("desk@example.com");
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
  });

  test("an unconfirmed create with someone else's address in the way never takes or deletes it", async () => {
    const news = await desk();
    const state = { ...news, unconfirmedCreate: { startedAt: new Date().toISOString() } };
    emulator.store.change(emulator.projectId, (p) =>
      p.emails.push({
        email: "desk@example.com",
        phoneNumbers: [],
        projectId: emulator.projectId,
        serviceId: service,
        createdAt: "2020-01-01T00:00:00Z",
        updatedAt: "2020-01-01T00:00:00Z",
      }),
    );
    const id = `${service}/desk@example.com`;
    expect(await email.read(id, state)).toEqual({});
    await email.remove(id, state);
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
    expect(calls(emulator).filter((c) => !c.startsWith("GET"))).toEqual([]);
  });

  test("an answer that is not in doubt is not retried: one POST, and its error", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "3" });
    const error = await email
      .create(await inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: "+15557770009" }] }))
      .catch((e) => e);
    expect(error.message).toContain(LABEL);
    expect(calls(emulator)).toEqual(["POST email-create"]);
  });
});

describe("FaxEmail errors name the address and its service", () => {
  test("refresh: a failed listing is an error; a service gone drops the address", async () => {
    const { id, outs } = await email.create(await desk());
    emulator.faults.set([{ operations: ["email-list"], status500: 1, times: 1 }]);
    const error = await email.read(id, outs).catch((e) => e);
    expect(error.message).toContain(`${LABEL} ${service}`);
    const stored = emulator.store.getService(emulator.projectId, service)!;
    emulator.store.deleteService(emulator.projectId, stored, "by hand");
    expect(await email.read(id, outs)).toEqual({});
  });

  test("update: Sinch's refusal is an error naming the address and Sinch's reason", async () => {
    const { id, outs } = await email.create(await desk());
    const error = await email
      .update(id, outs, await inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: "+15557770009" }] }))
      .catch((e) => e);
    expect(error.message).toContain(`${LABEL} ${service}`);
    expect(error.message).toContain("+15557770009 is not a number of this service");
  });

  test("delete: a failure other than gone is an error, and the address stays", async () => {
    const { id, outs } = await email.create(await desk());
    emulator.faults.set([{ operations: ["email-delete"], status500: 1, times: 1 }]);
    const error = await email.remove(id, outs).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(`${LABEL} ${service}`);
    expect(emulator.store.projectState(emulator.projectId).emails).toHaveLength(1);
  });
});
