import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { changingSteps, type EngineFixture, engineStack, eventLog, FRONT_DOORS } from "./harness";

jest.setTimeout(300_000);

test.each(FRONT_DOORS)("engine (%s): bad input fails at preview naming each field, and no API call is made", async (door) => {
  const fx = await engineStack("services", {
    frontDoor: door,
    config: { "test:services": JSON.stringify({ bad: { name: "x".repeat(61), numberOfRetries: 9, webhookContentType: "text/xml" } }) },
  });
  try {
    const error = await fx.stack.preview().catch((e) => e);
    const text = String(error.message ?? error);
    expect(text).toContain("name must be at most 60 characters");
    expect(text).toContain("numberOfRetries must be a whole number from 0 to 5 (got 9)");
    expect(text).toContain('webhookContentType must be one of multipart/form-data, application/json (got "text/xml")');
    expect(fx.emulator.requests).toEqual([]);
  } finally {
    await fx.close();
  }
});

test("engine: inputs fed from another resource's outputs preview cleanly, then apply", async () => {
  const fx = await engineStack("unknowns");
  try {
    const log = eventLog();
    const preview = await fx.stack.preview({ onEvent: log.onEvent });
    expect(preview.changeSummary).toEqual({ create: 3 });
    expect(fx.emulator.requests).toEqual([]);
    await fx.stack.up();
    const second = fx.emulator.store.listServices(fx.emulator.projectId).find((s) => s.name.startsWith("After "))!;
    expect(second).toMatchObject({ numberOfRetries: 3, scanIncomingBarcodes: true, resolution: "SUPERFINE" });
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 3 });
  } finally {
    await fx.close();
  }
});

describe("engine: a change of provider code alone", () => {
  let fx: EngineFixture;
  let packageDir = "";
  beforeAll(async () => {
    fx = await engineStack("services", {
      config: { "test:services": JSON.stringify({ one: { name: "One" }, two: { name: "Two", defaultFrom: "+15551230000" } }) },
      ownPackage: (dir) => (packageDir = dir),
    });
    await fx.stack.up();
  });
  afterAll(() => fx.close());

  const patch = (file: string, from: string, to: string) => {
    const path = join(packageDir, file);
    const code = readFileSync(path, "utf8");
    expect(code).toContain(from);
    writeFileSync(path, code.replace(from, to));
  };
  const previewServices = async () => {
    fx.emulator.requests = [];
    const log = eventLog();
    const preview = await fx.stack.preview({ onEvent: log.onEvent });
    const provider = log.events.find((e) => e.resourcePreEvent?.metadata.type.endsWith(":FaxService"))!.resourcePreEvent!.metadata.new!
      .inputs.__provider as string;
    return { summary: preview.changeSummary, steps: changingSteps(log.events), provider };
  };

  test("new code in the provider's modules: no update", async () => {
    patch("dist/provider/resources/fax-service/check.js", "async function diff(", "/* a new release */ async function diff(");
    const preview = await previewServices();
    expect(preview).toMatchObject({ summary: { same: 3 }, steps: [] });
    expect(fx.emulator.requests).toEqual([]);
  });

  test("a different serialized provider (an upgrade from the first release's shape): no update either", async () => {
    await fx.stack.setConfig("test:legacyProvider", { value: "true" });
    await fx.stack.up();
    const legacy = (await previewServices()).provider;
    expect(legacy).toContain("handler.configure(req)");
    await fx.stack.setConfig("test:legacyProvider", { value: "false" });
    const preview = await previewServices();
    expect(preview.provider).toContain('require("pulumi-sinch-fax/provider/handler")');
    expect(preview).toMatchObject({ summary: { same: 3 }, steps: [] });
    const up = await fx.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 3 });
    expect(fx.emulator.requests).toEqual([]);
  });
});
