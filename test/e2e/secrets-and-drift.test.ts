import { join } from "node:path";
import { changingSteps, type EngineFixture, engineStack, eventLog, ROOT, runNode } from "./harness";

jest.setTimeout(300_000);

describe("engine: the root project keeps secrets out of state", () => {
  let fx: EngineFixture;
  const password = "webhook-pass-7f3a";
  beforeAll(async () => {
    fx = await engineStack(".", {
      secrets: { "sinch-fax-services:inboundWebhookUrl": `https://faxbot:${password}@hooks.example.com/inbound` },
    });
    await fx.stack.up();
  });
  afterAll(() => fx.close());

  test("neither the key secret nor the webhook password is in the raw state file, after up and after refresh", async () => {
    const api = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === "Inbound faxes")!;
    expect(api.incomingWebhookUrl).toBe(`https://faxbot:${password}@hooks.example.com/inbound`);
    const check = () => {
      const raw = fx.rawState();
      expect(raw).not.toContain(fx.emulator.keySecret);
      expect(raw).not.toContain(password);
      const state = JSON.parse(raw);
      const inbound = state.checkpoint.latest.resources.find((r: { urn: string }) => r.urn.endsWith("::inbound"));
      // The webhook URL is a secret in both inputs and outputs.
      for (const bag of [inbound.inputs, inbound.outputs]) {
        expect(bag.incomingWebhookUrl).toHaveProperty("ciphertext");
      }
      for (const r of state.checkpoint.latest.resources.filter((r: { type: string }) => r.type.endsWith(":FaxService"))) {
        const provider: string = r.inputs.__provider;
        expect(provider).toContain('require("pulumi-sinch-fax/provider/handler")');
        expect(provider.length).toBeLessThan(400);
        for (const credential of [fx.emulator.keyId, fx.emulator.keySecret, fx.emulator.url, fx.emulator.projectId]) {
          expect(provider).not.toContain(credential);
        }
      }
    };
    check();
    await fx.stack.refresh();
    check();
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 3 });
  });

  test("state records the program's line as where each resource is declared, and no default the program did not give", () => {
    const state = JSON.parse(fx.rawState());
    const ours = state.checkpoint.latest.resources.filter((r: { type: string }) => r.type.includes("sinch-fax:"));
    expect(ours.length).toBeGreaterThan(0);
    for (const r of ours) {
      // The program is stack/index.ts; the project's folder is the repository's root.
      expect(r.sourcePosition).toMatch(/^project:\/\/\/stack\/index\.ts#\d+,\d+$/);
      expect(JSON.stringify(r.stackTrace)).not.toContain("provider/program");
    }
    // What the program gives is in the inputs; what it leaves to its default only in the outputs. (After the
    // refresh above, the inputs are the live fields as check would keep them: one given at its default is left out too.)
    const inbound = ours.find((r: { urn: string }) => r.urn.endsWith("::inbound"));
    expect(inbound.inputs).toMatchObject({ webhookContentType: "application/json", scanIncomingBarcodes: true });
    for (const field of ["resolution", "numberOfRetries", "inProgressNotifications"]) expect(inbound.inputs).not.toHaveProperty(field);
    expect(inbound.outputs).toMatchObject({ resolution: "FINE", numberOfRetries: 3, inProgressNotifications: false });
  });
});

describe("engine: drift, refresh and the pipeline script", () => {
  let fx: EngineFixture;
  const spec = { alpha: { name: "Alpha", numberOfRetries: 2 }, beta: { name: "Beta" } };
  // Asynchronous: the emulator serving the script's stack runs in this process.
  const pipeline = (...args: string[]) =>
    runNode(join(ROOT, "examples/pipeline/pipeline.ts"), [...args, "--stack", "e2e", "--dir", fx.workDir], fx.env);
  const byName = (name: string) => fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name === name);

  beforeAll(async () => {
    fx = await engineStack("services", { config: { "test:services": JSON.stringify(spec) } });
    await fx.stack.up();
  });
  afterAll(() => fx.close());

  test("the pipeline: a safe preview passes, no drift passes", async () => {
    expect(await pipeline("preview")).toMatchObject({ code: 0 });
    expect(await pipeline("drift")).toMatchObject({ code: 0 });
  });

  test("a change made by hand: refresh shows the drift, the pipeline lists the field, the next up restores it", async () => {
    const alpha = byName("Alpha")!;
    fx.emulator.store.updateService(fx.emulator.projectId, alpha, { numberOfRetries: 5, scanIncomingBarcodes: true }, "dashboard");
    const drift = await pipeline("drift");
    expect(drift.code).toBe(2);
    expect(drift.out).toContain("alpha: numberOfRetries is 5 (state says 2)");
    expect(drift.out).toContain("alpha: scanIncomingBarcodes is true (state says false)");
    expect(drift.out).not.toContain("beta");

    const log = eventLog();
    const refresh = await fx.stack.refresh({ onEvent: log.onEvent });
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    fx.emulator.requests = [];
    const preview = await fx.stack.preview();
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    await fx.stack.up();
    expect(fx.emulator.requests.map((r) => r.body)).toEqual([{ numberOfRetries: 2, scanIncomingBarcodes: false }]);
    expect(byName("Alpha")).toMatchObject({ numberOfRetries: 2, scanIncomingBarcodes: false });
  });

  test("a service deleted by hand: refresh drops it, the next up recreates it", async () => {
    const beta = byName("Beta")!;
    fx.emulator.store.deleteService(fx.emulator.projectId, beta, "dashboard");
    expect((await pipeline("drift")).out).toContain("beta: deleted outside Pulumi");
    const refresh = await fx.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
    const log = eventLog();
    await fx.stack.up({ onEvent: log.onEvent });
    expect(changingSteps(log.events)).toEqual(["create beta"]);
    expect(byName("Beta")!.id).not.toBe(beta.id);
  });

  test("the pipeline's preview refuses to delete a service unless allowed", async () => {
    await fx.stack.setConfig("test:services", { value: JSON.stringify({ alpha: spec.alpha }) });
    const blocked = await pipeline("preview");
    expect(blocked.code).toBe(3);
    expect(blocked.out).toContain("the plan would delete beta");
    expect((await pipeline("preview", "--allow-destructive")).code).toBe(0);
    expect(byName("Beta")).toBeDefined();
  });
});
