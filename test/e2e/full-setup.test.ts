import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type EngineFixture, engineStack } from "./harness";

jest.setTimeout(600_000);

const MAIN = "+15557770001";
const SECOND = "+15557770002";
const APP = { type: "RTC" as const, appId: "voice-app-1" };

/** The API calls that change something, in order (reads are polling and lookups). */
const writes = (fx: EngineFixture) => fx.emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.operation}`);
const sorted = (list: string[]) => [...list].sort();

describe("engine: the whole fax setup (examples/full-setup)", () => {
  let fx: EngineFixture;
  const e = () => fx.emulator;
  const project = () => e().store.projectState(e().projectId);
  const servicesNamed = (name: string) =>
    e()
      .store.listServices(e().projectId)
      .filter((s) => s.name === name);
  const numbersOf = (serviceId: string) =>
    e()
      .store.listNumbers(e().projectId, serviceId)
      .map((n) => n.phoneNumber)
      .sort();
  const voice = (phoneNumber: string) =>
    (e().numbers.get(phoneNumber) as { voiceConfiguration: Record<string, unknown> }).voiceConfiguration;
  const config = (values: Record<string, string>) =>
    fx.stack.setAllConfig(Object.fromEntries(Object.entries(values).map(([k, v]) => [`full-setup:${k}`, { value: v }])));

  beforeAll(async () => {
    fx = await engineStack("examples/full-setup", { emulator: { provisioningDelayMs: 300 } });
    for (const phoneNumber of [MAIN, SECOND]) e().numbers.seed({ phoneNumber, voiceConfiguration: APP });
    await config({ mainNumber: MAIN, secondNumber: SECOND });
  });
  afterAll(() => fx.close());

  test("preview changes nothing (it reads each new route's number); up creates it all; no-op preview and up make no call", async () => {
    expect((await fx.stack.preview()).changeSummary).toEqual({ create: 6 });
    // check records each number's route before a create could change it (the engine's record of the create holds it).
    expect(sorted(e().requests.map((r) => `${r.method} ${r.operation} ${decodeURIComponent(r.path.split("/").pop()!)}`))).toEqual(
      sorted([`GET numbers-get ${MAIN}`, `GET numbers-get ${SECOND}`]),
    );
    await fx.stack.up();
    expect(sorted(writes(fx))).toEqual(
      sorted([
        "POST create",
        "POST create",
        "POST cover-create",
        "POST cover-create",
        "PATCH update",
        "PATCH numbers-update",
        "PATCH numbers-update",
        "POST email-create",
      ]),
    );
    const [outbound] = servicesNamed("Outbound faxes");
    const [inbound] = servicesNamed("Inbound faxes");
    const pages = project().coverPages.filter((p) => p.serviceId === outbound!.id);
    expect(pages.map((p) => p.name).sort()).toEqual(["Confidential", "Letterhead"]);
    expect(outbound!.coverPageId).toBe(pages.find((p) => p.name === "Letterhead")!.id);
    expect([numbersOf(inbound!.id), numbersOf(outbound!.id)]).toEqual([[MAIN], [SECOND]]);
    expect(project().emails.map((m) => m.email)).toEqual(["faxes@example.com"]);

    // State keeps each PDF's SHA-256 and size, never its content.
    const raw = fx.rawState();
    const pdf = readFileSync(join(fx.workDir, "covers", "letterhead.pdf"));
    expect(raw).not.toContain(pdf.toString("base64").slice(0, 40));
    // Older CLIs write the state file indented: compare values, not layout.
    expect(raw).toMatch(new RegExp(`"size":\\s*${pdf.length}\\b`));

    e().requests = [];
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 6 });
    expect((await fx.stack.up()).summary.resourceChanges).toEqual({ same: 6 });
    expect(e().requests).toEqual([]);
  });

  test("a changed PDF: one upload, the PATCH that repoints the service, then one delete", async () => {
    const file = join(fx.workDir, "covers", "letterhead.pdf");
    writeFileSync(file, readFileSync(file, "latin1").replace("Example Corp", "Example Inc."), "latin1");
    e().requests = [];
    await fx.stack.up();
    expect(writes(fx)).toEqual(["POST cover-create", "PATCH update", "DELETE cover-delete"]);
    const [outbound] = servicesNamed("Outbound faxes");
    expect(project().coverPages.filter((p) => p.serviceId === outbound!.id)).toHaveLength(2);
  });

  test("a number moved from one service to the other in one up, then a number list change that is one PUT", async () => {
    await config({ secondTo: "inbound" });
    e().requests = [];
    await fx.stack.up();
    expect(writes(fx)).toEqual(["PATCH numbers-update"]);
    const [inbound] = servicesNamed("Inbound faxes");
    expect(numbersOf(inbound!.id)).toEqual([MAIN, SECOND]);

    await config({ emailBoth: "true" });
    e().requests = [];
    await fx.stack.up();
    expect(writes(fx)).toEqual(["PUT email-update"]);
  });

  test("refresh shows what was changed by hand; the next up puts back what the program declares", async () => {
    const [outbound] = servicesNamed("Outbound faxes");
    const [inbound] = servicesNamed("Inbound faxes");
    const confidential = project().coverPages.find((p) => p.serviceId === outbound!.id && p.name === "Confidential")!;
    e().store.updateService(e().projectId, outbound!, { coverPageId: confidential.id }, "by hand");
    e().numbers.seed({ phoneNumber: MAIN, voiceConfiguration: { type: "FAX", serviceId: outbound!.id } });
    e().store.change(e().projectId, (p) => {
      p.emails = [];
    });

    const seen: Record<string, string> = {};
    await fx.stack.refresh({
      onEvent: (ev) => {
        const m = ev.resOutputsEvent?.metadata;
        if (m) seen[m.urn.split("::").pop()!] = m.op;
      },
    });
    expect(seen).toMatchObject({ outbound: "update", main: "update", desk: "delete" });
    e().requests = [];
    await fx.stack.up();
    expect(sorted(writes(fx))).toEqual(sorted(["PATCH update", "PATCH numbers-update", "POST email-create"]));
    expect(e().store.getService(e().projectId, outbound!.id)!.coverPageId).not.toBe(confidential.id);
    expect(numbersOf(inbound!.id)).toEqual([MAIN, SECOND]);

    // The inbound service's numbers output reflects the routing (after a refresh).
    await fx.stack.refresh();
    const state = await fx.stack.exportStack();
    const inboundState = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::inbound"));
    expect(inboundState.outputs.numbers.map((n: { phoneNumber: string }) => n.phoneNumber).sort()).toEqual([MAIN, SECOND]);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 6 });
  });

  test("destroy leaves the emulator as it was: the default service alone, the numbers on their earlier route", async () => {
    await fx.stack.destroy();
    expect(
      e()
        .store.listServices(e().projectId)
        .map((s) => s.name),
    ).toEqual(["Default service"]);
    expect(project().coverPages).toEqual([]);
    expect(project().emails).toEqual([]);
    for (const phoneNumber of [MAIN, SECOND]) {
      expect(voice(phoneNumber)).toMatchObject(APP);
      expect(voice(phoneNumber)).not.toHaveProperty("scheduledVoiceProvisioning");
    }
  });
});
