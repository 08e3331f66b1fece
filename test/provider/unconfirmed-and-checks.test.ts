import { closeSync, mkdtempSync, openSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { clientFor } from "../../provider/core/runtime";
import { UNKNOWN } from "../../provider/fields/table";
import * as email from "../../provider/resources/fax-email/lifecycle";
import { findCreatedEmail } from "../../provider/resources/fax-email/reconcile";
import * as service from "../../provider/resources/fax-service";
import { inspectPdf } from "../../provider/resources/fax-service/pdf";
import * as route from "../../provider/resources/number-route/lifecycle";
import { calls, configureFor, printed, withEmulator } from "../helpers/provider";

// The lifecycle edges of what issues 20 and 21 added: unconfirmed addresses, what check records, the warnings.
let emulator: Emulator;
withEmulator(
  (e) => {
    emulator = e;
  },
  { provisioningDelayMs: 50 },
  { "sinch:maxRetries": "0" },
);
const N1 = "+15557770001";
const seedAddress = (serviceId: string, createdAt: string, phoneNumbers: Array<{ number: string; permissions: "both" }> = []) =>
  emulator.store.change(emulator.projectId, (p) =>
    p.emails.push({ email: "desk@example.com", phoneNumbers, projectId: emulator.projectId, serviceId, createdAt, updatedAt: createdAt }),
  );

describe("FaxEmail: an unconfirmed create", () => {
  let serviceId: string;
  beforeEach(() => {
    serviceId = emulator.store.createService(emulator.projectId, { name: "Inbound" }, "seed").id;
    emulator.numbers.seed({ phoneNumber: N1, voiceConfiguration: { type: "FAX", serviceId } });
  });
  const state = (startedAt: string | undefined, numbers: unknown[] = []) => ({
    serviceId,
    email: "desk@example.com",
    phoneNumbers: numbers,
    projectId: emulator.projectId,
    unconfirmedCreate: startedAt === undefined ? ({} as { startedAt: string }) : { startedAt },
  });

  test("always differs, so up resolves it, as the one change of its number list", async () => {
    const olds = state(new Date().toISOString()) as never;
    const news = { serviceId, email: "desk@example.com", phoneNumbers: [], projectId: emulator.projectId };
    expect(await email.diff("x", olds, news)).toEqual({ changes: true, replaces: [], diffs: ["phoneNumbers"], deleteBeforeReplace: true });
  });

  test("an address made after its start is its own; one older than its start is someone else's, and the log says so", async () => {
    seedAddress(serviceId, new Date().toISOString());
    const id = `${serviceId}/desk@example.com`;
    expect((await email.read(id, state(new Date(Date.now() - 60_000).toISOString()) as never)).id).toBe(id);
    const lines = await printed(async () =>
      expect(await email.read(id, state(new Date(Date.now() + 3_600_000).toISOString()) as never)).toEqual({}),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^sinch-fax: warning: Fax-to-email address "desk@example\.com" of service \S+: the create was never confirmed, and desk@example\.com existed before the run \(created .+\); it is not this stack's$/,
      ),
    ]);
    // With no start recorded, any address of that email and numbers could be its own.
    expect((await email.read(id, state(undefined) as never)).id).toBe(id);
  });

  test("made nothing, and the create up makes instead is refused: the error names the address once", async () => {
    const news = {
      serviceId,
      email: "desk@example.com",
      phoneNumbers: [{ number: "+15559999999", permissions: "both" as const }],
      projectId: emulator.projectId,
    };
    const error = await email.update("x", state(new Date().toISOString()) as never, news).catch((e) => e);
    expect(error.message.match(/Fax-to-email address "desk@example\.com"/g)).toHaveLength(1);
  });

  test("a lost answer whose look finds the address takes it: no second POST", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([{ operations: ["email-create"], lost: 1, times: 1 }]);
    const { id } = await email.create({
      serviceId,
      email: "desk@example.com",
      phoneNumbers: [{ number: N1, permissions: "both" }],
      projectId: emulator.projectId,
    });
    expect(id).toBe(`${serviceId}/desk@example.com`);
    expect(calls(emulator)).toEqual(["POST email-create", "GET email-list"]);
  });

  test("the look of a service that is gone finds none", async () => {
    const gone = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    expect(await findCreatedEmail(clientFor(emulator.projectId), { serviceId: gone, email: "a@b.c", phoneNumbers: [] }, 0)).toEqual({
      kind: "none",
      why: `service ${gone} no longer exists`,
    });
  });
});

describe("FaxService: what check reads, and the warning of a masked webhook", () => {
  test("an adoption's record is kept from the state's inputs; none is made up; nothing is read for a service in state or an adopt not known yet", async () => {
    const record = { serviceId: "S", settings: {}, pageIds: [] };
    const kept = await service.check(
      { name: "K", adopt: "default", adoption: record, projectId: emulator.projectId },
      { adopt: "default", name: "K" },
    );
    expect(kept.inputs.adoption).toEqual(record);
    const none = await service.check({ name: "K", projectId: emulator.projectId }, { adopt: "default", name: "K" });
    expect("adoption" in none.inputs).toBe(false);
    expect((await service.check({}, { adopt: UNKNOWN, name: "K" })).failures).toEqual([]);
    expect(emulator.requests).toEqual([]);
  });

  test("no call when another input fails", async () => {
    expect((await service.check({}, { adopt: "default", numberOfRetries: 9 })).failures).toHaveLength(1);
    expect(emulator.requests).toEqual([]);
  });

  test("a failed read of the service to adopt is an error naming it, or the name for the default", async () => {
    emulator.faults.set([{ operations: ["get", "list"], status503: 1 }]);
    const byId = await service.check({}, { adopt: "01ARZ3NDEKTSV4RRFFQ69G5FAV", name: "K" }).catch((e) => e);
    expect(byId.message).toMatch(/^Fax service "K" \(01ARZ3NDEKTSV4RRFFQ69G5FAV\): /);
    const byDefault = await service.check({}, { adopt: "default", name: "K" }).catch((e) => e);
    expect(byDefault.message).toMatch(/^Fax service "K": /);
  });

  test("diff says a masked webhook the program does not declare is kept; nothing said otherwise", async () => {
    const olds = { name: "S", projectId: "p", numbers: [], adopted: false, incomingWebhookUrl: "https://u:***@h.example.com/x" };
    const lines = await printed(() => service.diff("S1", olds, { name: "S", projectId: "p" }));
    expect(lines).toEqual([
      'sinch-fax: warning: Fax service "S" (S1): its webhook URL (https://u:***@h.example.com/x) has a password Sinch does not show; it is kept as it is until the program declares incomingWebhookUrl (as a secret)',
    ]);
    expect(
      await printed(() => service.diff("S1", olds, { name: "S", projectId: "p", incomingWebhookUrl: "https://u:pw@h.example.com/x" })),
    ).toEqual([]);
    expect(
      await printed(() => service.diff("S1", { ...olds, incomingWebhookUrl: "https://h.example.com/x" }, { name: "S", projectId: "p" })),
    ).toEqual([]);
    expect(await printed(() => service.diff("S1", { ...olds, incomingWebhookUrl: 7 }, { name: "S", projectId: "p" }))).toEqual([]);
  });

  test("reading a PDF leaves no file open; a file far over the limit says its size", () => {
    const dir = mkdtempSync(join(tmpdir(), "fds-"));
    writeFileSync(join(dir, "a.pdf"), "%PDF-1.4\n");
    writeFileSync(join(dir, "big.pdf"), Buffer.alloc(6 * 1024 * 1024, "%PDF-"));
    const open = () => readdirSync("/proc/self/fd").length;
    closeSync(openSync(join(dir, "a.pdf"), "r"));
    const before = open();
    for (let i = 0; i < 20; i++) inspectPdf("a.pdf", dir);
    expect(open()).toBe(before);
    expect(inspectPdf("big.pdf", dir)).toEqual({ problem: "big.pdf is 6.0 MiB; a cover page can be at most 5 MiB" });
  });
});

describe("FaxNumberRoute: what check reads", () => {
  test("a route in state of the same number and project reads nothing; another project is a new route, read again", async () => {
    emulator.numbers.seed({ phoneNumber: N1, voiceConfiguration: { type: "RTC", appId: "app-1" } });
    const serviceId = emulator.store.createService(emulator.projectId, { name: "A" }, "seed").id;
    const news = { phoneNumber: N1, serviceId };
    const same = { phoneNumber: N1, projectId: emulator.projectId, originalRoute: { type: "EST", trunkId: "t" } };
    expect((await route.check(same, news)).inputs.originalRoute).toEqual({ type: "EST", trunkId: "t" });
    expect("originalRoute" in (await route.check({ phoneNumber: N1, projectId: emulator.projectId }, news)).inputs).toBe(false);
    expect(emulator.requests).toEqual([]);
    const otherProject = await route.check({ ...same, projectId: "elsewhere" }, news);
    expect(otherProject.inputs.originalRoute).toEqual({ type: "RTC", appId: "app-1" });
    const otherNumber = await route.check({ ...same, phoneNumber: "+15557770009" }, news);
    expect(otherNumber.inputs.originalRoute).toEqual({ type: "RTC", appId: "app-1" });
    expect(calls(emulator)).toEqual(["GET numbers-get", "GET numbers-get"]);
  });

  test("a number not known yet (a preview) is read at up; a failed read is Sinch's error, not 'not in the project'", async () => {
    const serviceId = emulator.store.createService(emulator.projectId, { name: "A" }, "seed").id;
    expect(await route.check({}, { phoneNumber: UNKNOWN, serviceId })).toMatchObject({ failures: [] });
    expect(emulator.requests).toEqual([]);
    emulator.faults.set([{ operations: ["numbers-get"], status500: 1 }]);
    const error = await route.check({}, { phoneNumber: N1, serviceId }).catch((e) => e);
    expect(error.message).toContain(`Number ${N1} (to fax service ${serviceId}): `);
    expect(error.message).not.toContain("not an active number");
  });
});
