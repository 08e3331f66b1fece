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
    expect(calls(emulator)).toEqual(["POST email-create", "GET email-list", "POST email-create"]);
    expect(emulator.store.projectState(emulator.projectId).emails).toEqual([]);
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
