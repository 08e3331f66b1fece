import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { type EngineFixture, engineStack, eventLog, FRONT_DOORS, runIn } from "./harness";

jest.setTimeout(600_000);

// What outside testers and a newcomer found (issue 21), each met where a user meets it: through the engine.
const NUMBER = "+15554000001";
const writes = (fx: EngineFixture) => fx.emulator.requests.filter((r) => r.method !== "GET");
const services = (spec: object) => ({ "test:services": JSON.stringify(spec) });
const voiceOf = (fx: EngineFixture) =>
  (fx.emulator.numbers.get(NUMBER) as { voiceConfiguration: Record<string, unknown> }).voiceConfiguration;
const diagnostics = (events: EngineEvent[]) => events.flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent.message] : []));

async function withStack(door: "dynamic" | "plugin", config: Record<string, string>, run: (fx: EngineFixture) => Promise<void>) {
  const fx = await engineStack("services", { frontDoor: door, config, emulator: { provisioningDelayMs: 200 } });
  try {
    await run(fx);
  } finally {
    await fx.close();
  }
}

describe.each(FRONT_DOORS)("engine (%s): nothing a stack must not take or lose", (door) => {
  test("adopting a default whose own stamped page is named and made like a declared one: never taken, and stamped again after destroy", async () => {
    const pdf = readFileSync(join(__dirname, "..", "..", "testkit", "programs", "services", "covers", "a.pdf"));
    await withStack(
      door,
      services({ k: { adopt: "default", name: "K", coverPages: [{ name: "Letterhead", file: "covers/a.pdf" }], coverPage: "Letterhead" } }),
      async (fx) => {
        const { store, projectId } = fx.emulator;
        const [original] = store.listServices(projectId);
        const now = new Date().toISOString();
        const handmade = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
        store.change(projectId, (p) =>
          p.coverPages.push({
            id: handmade,
            name: "Letterhead",
            file: { fileContent: pdf.toString("base64"), fileType: "PDF" },
            projectId,
            serviceId: original!.id,
            createdTime: now,
            updatedTime: now,
          }),
        );
        store.updateService(projectId, original!, { coverPageId: handmade }, "by hand");
        await fx.stack.up();
        expect(store.getService(projectId, original!.id)!.coverPageId).not.toBe(handmade);
        await fx.stack.destroy();
        expect(store.getService(projectId, original!.id)!.coverPageId).toBe(handmade);
        expect(store.projectState(projectId).coverPages.map((p) => p.id)).toEqual([handmade]);
      },
    );
  });

  test("a field back to its default after a change by hand: the plan says what it is set to, not a removal", async () => {
    await withStack(door, services({ s: { name: "S" } }), async (fx) => {
      await fx.stack.up();
      const service = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "S")!;
      fx.emulator.store.updateService(fx.emulator.projectId, service, { resolution: "SUPERFINE" }, "by hand");
      await fx.stack.refresh();
      const { events, onEvent } = eventLog();
      await fx.stack.preview({ onEvent, diff: true });
      const step = events.find((e) => e.resourcePreEvent?.metadata.urn.endsWith("::s"))!.resourcePreEvent!.metadata;
      expect(step.op).toBe("update");
      expect(step.old?.inputs.resolution).toBe("SUPERFINE");
      expect(step.new?.inputs.resolution).toBe("FINE");
      await fx.stack.up();
      expect(writes(fx).at(-1)!.body).toEqual({ resolution: "FINE" });
      await fx.stack.destroy();
    });
  });

  test("destroy of a service with a stamped page, deleted by hand since, succeeds the first time", async () => {
    await withStack(door, services({ s: { name: "S", coverPages: [{ name: "A", file: "covers/a.pdf" }], coverPage: "A" } }), async (fx) => {
      await fx.stack.up();
      const service = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "S")!;
      fx.emulator.store.deleteService(fx.emulator.projectId, service, "by hand");
      await fx.stack.destroy();
    });
  });
});

describe("engine (plugin): pulumi import of a service whose webhook has a password", () => {
  test("the webhook Sinch shows masked is never cleared because the program does not declare it", async () => {
    await withStack("plugin", services({}), async (fx) => {
      const hand = fx.emulator.store.createService(
        fx.emulator.projectId,
        { name: "Hand", incomingWebhookUrl: "https://bot:s3cret@hooks.example.com/in" },
        "dashboard",
      );
      const imported = await runIn(fx, "pulumi", [
        "import",
        "sinch-fax:index:FaxService",
        "hand",
        hand.id,
        "--yes",
        "--protect=false",
        "--stack",
        "e2e",
        "--non-interactive",
      ]);
      expect(imported.code).toBe(0);
      expect(imported.out).toContain("give incomingWebhookUrl (as a secret) in the program");
      // Declared as `pulumi import` printed it: no webhook.
      await fx.stack.setConfig("test:services", { value: JSON.stringify({ hand: { name: "Hand" } }) });
      const { events, onEvent } = eventLog();
      expect((await fx.stack.preview({ onEvent })).changeSummary).toEqual({ same: 2 });
      expect(diagnostics(events).join("\n")).toContain("it is kept as it is until the program declares incomingWebhookUrl (as a secret)");
      fx.emulator.requests = [];
      await fx.stack.up();
      expect(writes(fx)).toEqual([]);
      expect(fx.emulator.store.getService(fx.emulator.projectId, hand.id)!.incomingWebhookUrl).toBe(
        "https://bot:s3cret@hooks.example.com/in",
      );
    });
  });
});

describe("engine: no destroy of a route that can never finish", () => {
  const routed = (service: string) => ({
    ...services({ a: { name: "A" } }),
    "test:routes": JSON.stringify({ r: { phoneNumber: NUMBER, service } }),
  });

  test("an earlier route to a fax service deleted since: the number is left unrouted and the log names the lost service", async () => {
    await withStack("dynamic", routed("a"), async (fx) => {
      const lost = fx.emulator.store.createService(fx.emulator.projectId, { name: "Lost" }, "seed");
      fx.emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "FAX", serviceId: lost.id } });
      await fx.stack.up();
      fx.emulator.store.deleteService(fx.emulator.projectId, lost, "by hand");
      const { events, onEvent } = eventLog();
      await fx.stack.destroy({ onEvent });
      expect(voiceOf(fx)).toMatchObject({ type: "RTC", appId: "" });
      expect(diagnostics(events).join("\n")).toContain(`fax service ${lost.id}, no longer exists; the number is left unrouted`);
    });
  });

  test("a route changed by hand since the stack set it is left, and the log says what was not put back", async () => {
    await withStack("plugin", routed("a"), async (fx) => {
      fx.emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "RTC", appId: "app-original" } });
      await fx.stack.up();
      fx.emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "EST", trunkId: "by-hand" } });
      const { events, onEvent } = eventLog();
      await fx.stack.destroy({ onEvent });
      expect(voiceOf(fx)).toMatchObject({ type: "EST", trunkId: "by-hand" });
      expect(diagnostics(events).join("\n")).toContain(
        "routed to EST by-hand since this stack routed it; left there (its route before the stack, RTC app-original, is not put back)",
      );
    });
  });

  test("a route still provisioning past sinch:numberRoutingTimeout is destroyed once Sinch is done, not refused", async () => {
    await withStack("dynamic", { ...routed("a"), "sinch:numberRoutingTimeout": "1" }, async (fx) => {
      fx.emulator.numbers.seed({ phoneNumber: NUMBER, voiceConfiguration: { type: "RTC", appId: "app-original" } });
      fx.emulator.numbers.setProvisioning({ delayMs: 2500 });
      expect(String(await fx.stack.up().catch((e: Error) => e))).toContain("not routed yet");
      fx.emulator.numbers.setProvisioning({ delayMs: 200 });
      await fx.stack.setConfig("sinch:numberRoutingTimeout", { value: "10" });
      await fx.stack.destroy();
      expect(voiceOf(fx)).toMatchObject({ type: "RTC", appId: "app-original" });
      expect(voiceOf(fx)).not.toHaveProperty("scheduledVoiceProvisioning");
    });
  });
});

describe.each(FRONT_DOORS)("engine (%s): bad input fails at preview, before any call that changes anything", (door) => {
  test.each<[string, (dir: string) => Record<string, string>, string]>([
    [
      "a coverPageId on a service being created",
      () => services({ s: { name: "S", coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" } }),
      "coverPageId cannot name one: declare the page in coverPages",
    ],
    [
      "an email address of 264 characters",
      () => ({
        ...services({ s: { name: "S" } }),
        "test:emails": JSON.stringify({ e: { service: "s", email: `${"a".repeat(64)}@${"b".repeat(190)}.example`, routes: [] } }),
      }),
      "email must be at most 254 characters (RFC 5321)",
    ],
    [
      "a cover page that is a symlink to /dev/zero",
      (dir) => {
        symlinkSync("/dev/zero", join(dir, "covers", "zero.pdf"));
        return services({ s: { name: "S", coverPages: [{ name: "Z", file: "covers/zero.pdf" }] } });
      },
      "covers/zero.pdf is not a regular file",
    ],
    [
      "a cover page path outside the program's folder",
      (dir) => {
        mkdirSync(join(dir, "..", "elsewhere"), { recursive: true });
        writeFileSync(join(dir, "..", "elsewhere", "x.pdf"), "%PDF-1.4\n");
        return services({ s: { name: "S", coverPages: [{ name: "X", file: "../elsewhere/x.pdf" }] } });
      },
      "../elsewhere/x.pdf is outside the program's folder",
    ],
  ])("%s", async (_what, configOf, message) => {
    const fx = await engineStack("services", { frontDoor: door });
    try {
      await fx.stack.setAllConfig(Object.fromEntries(Object.entries(configOf(fx.workDir)).map(([k, v]) => [k, { value: v }])));
      const started = Date.now();
      const failed = await fx.stack.preview().catch((e: Error) => e);
      expect(String(failed)).toContain(message);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(writes(fx)).toEqual([]);
    } finally {
      await fx.close();
    }
  });
});

describe("engine: a newcomer's set-up", () => {
  test("the plugin starts whatever the program's TypeScript: a tsconfig.json no compiler accepts beside a YAML program", async () => {
    const fx = await engineStack("examples/yaml", {
      frontDoor: "plugin",
      secrets: { "sinch-fax-yaml:inboundWebhookUrl": "https://h.example.com/in" },
    });
    try {
      writeFileSync(join(fx.workDir, "tsconfig.json"), JSON.stringify({ compilerOptions: { moduleResolution: "bogus", target: "nope" } }));
      fx.emulator.numbers.seed({ phoneNumber: "+15550200001", voiceConfiguration: { type: "RTC", appId: "a" } });
      const { events, onEvent } = eventLog();
      const preview = await fx.stack.preview({ onEvent });
      expect(preview.changeSummary.create).toBeGreaterThan(0);
      // The dynamic provider's launcher is found beside the CLI: no warning on every command.
      expect(diagnostics(events).join("\n")).not.toContain("from $PATH");
    } finally {
      await fx.close();
    }
  });
});
