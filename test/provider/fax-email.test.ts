import type { Emulator } from "../../emulator";
import * as email from "../../provider/resources/fax-email/lifecycle";
import type { EmailInputs } from "../../provider/resources/fax-email/plan";
import { calls, withEmulator } from "../helpers/provider";

let emulator: Emulator;
let service: string;
const [N1, N2] = ["+15557770001", "+15557770002"];

withEmulator((e) => {
  emulator = e;
});
beforeEach(() => {
  service = emulator.store.createService(emulator.projectId, { name: "Inbound" }, "seed").id;
  for (const phoneNumber of [N1, N2]) emulator.numbers.seed({ phoneNumber, voiceConfiguration: { type: "FAX", serviceId: service } });
});

const inputs = async (news: Record<string, unknown>): Promise<EmailInputs> => {
  const { inputs, failures } = await email.check({}, news);
  if (failures.length > 0) throw new Error(JSON.stringify(failures));
  return inputs;
};

describe("FaxEmail against the emulator", () => {
  test("create is one POST; the number list in any order is no change; a new list is one PUT", async () => {
    const { id, outs } = await email.create(
      await inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: N1 }] }),
    );
    expect(id).toBe(`${service}/desk@example.com`);
    expect(outs.phoneNumbers).toEqual([{ number: N1, permissions: "both" }]);
    expect(calls(emulator)).toEqual(["POST email-create"]);
    const two = await inputs({
      serviceId: service,
      email: "desk@example.com",
      phoneNumbers: [{ number: N2, permissions: "receive" }, { number: N1 }],
    });
    expect((await email.diff(id, outs, two)).changes).toBe(true);
    emulator.requests = [];
    const { outs: after } = await email.update(id, outs, two);
    expect(emulator.requests.map((r) => [r.method, r.operation, r.body])).toEqual([
      [
        "PUT",
        "email-update",
        {
          phoneNumbers: [
            { number: N2, permissions: "receive" },
            { number: N1, permissions: "both" },
          ],
        },
      ],
    ]);
    const reordered = await inputs({
      serviceId: service,
      email: "desk@example.com",
      phoneNumbers: [{ number: N1 }, { number: N2, permissions: "receive" }],
    });
    expect(await email.diff(id, after, reordered)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: true, diffs: [] });
  });

  test("another address or service replaces it; the same address in other letters does not", async () => {
    const { id, outs } = await email.create(await inputs({ serviceId: service, email: "desk@example.com" }));
    expect((await email.diff(id, outs, await inputs({ serviceId: service, email: "other@example.com" }))).replaces).toEqual(["email"]);
    expect((await email.diff(id, outs, await inputs({ serviceId: service, email: "Desk@Example.com" }))).changes).toBe(false);
  });

  test("refresh: a list changed by hand is drift; an address removed by hand is dropped; delete of one gone is success", async () => {
    const { id, outs } = await email.create(
      await inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: N1 }] }),
    );
    await fetch(`${emulator.url}/v3/projects/${emulator.projectId}/services/${service}/emails/desk%40example.com`, {
      method: "PUT",
      headers: {
        authorization: `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ phoneNumbers: [{ number: N2 }] }),
    });
    const read = await email.read(id, outs);
    expect(read.props!.phoneNumbers).toEqual([{ number: N2, permissions: "both" }]);
    await email.remove(id, outs);
    expect(await email.read(id, outs)).toEqual({});
    await email.remove(id, outs);
  });

  test("an address that already exists is an error that says so; a lost POST answer makes no second one", async () => {
    await email.create(await inputs({ serviceId: service, email: "desk@example.com" }));
    const error = await email.create(await inputs({ serviceId: service, email: "desk@example.com" })).catch((e) => e);
    expect(error.message).toContain('Fax-to-email address "desk@example.com"');
    expect(error.message).toContain("already exists, and this stack does not manage it");
    emulator.faults.set([{ operations: ["email-create"], lost: 1, times: 1 }]);
    const { outs } = await email.create(await inputs({ serviceId: service, email: "lost@example.com" }));
    expect(outs.email).toBe("lost@example.com");
    expect(calls(emulator).slice(-2)).toEqual(["POST email-create", "GET email-list"]);
  });

  test("a number that is not on the service is refused by Sinch, and the error names it; nothing is made", async () => {
    const error = await email
      .create(await inputs({ serviceId: service, email: "desk@example.com", phoneNumbers: [{ number: "+15557770009" }] }))
      .catch((e) => e);
    expect(error.message).toContain('Fax-to-email address "desk@example.com"');
    expect(error.message).toContain("+15557770009 is not a number of this service");
    expect(emulator.store.projectState(emulator.projectId).emails).toEqual([]);
  });

  test("check: required inputs and their limits, before any call", async () => {
    const { failures } = await email.check({}, { email: "not-an-email", phoneNumbers: [{ number: N1 }, { number: N1 }] });
    expect(failures.map((f) => f.reason)).toEqual([
      'email must be an email address (got "not-an-email")',
      "phoneNumbers must not list a number twice (got a list)",
      "serviceId is required",
    ]);
    expect(emulator.requests).toEqual([]);
  });
});
