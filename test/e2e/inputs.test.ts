import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { engineStack, eventLog, steps, type EngineFixture } from "./harness";

jest.setTimeout(300_000);

test("engine: bad input fails at preview naming each field, and no API call is made", async () => {
  const fx = await engineStack("services", {
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
  let providerFile = "";
  beforeAll(async () => {
    fx = await engineStack("services", {
      config: { "test:services": JSON.stringify({ one: { name: "One" }, two: { name: "Two", defaultFrom: "+15551230000" } }) },
      ownNodeModules: (dir) => (providerFile = join(dir, "dist", "provider", "dynamic-provider.js")),
    });
  });
  afterAll(() => fx.close());

  test("changes the serialized provider but causes no update", async () => {
    await fx.stack.up();
    const code = readFileSync(providerFile, "utf8");
    const changed = code.replace("(req) => lifecycle.configure(req)", "(req) => { /* provider code changed */ return lifecycle.configure(req); }");
    expect(changed).not.toBe(code);
    writeFileSync(providerFile, changed);
    fx.emulator.requests = [];
    const log = eventLog();
    const preview = await fx.stack.preview({ onEvent: log.onEvent });
    expect(preview.changeSummary).toEqual({ same: 3 });
    expect(steps(log.events)).toEqual([]);
    const newProvider = log.events.find((e) => e.resourcePreEvent?.metadata.type.endsWith(":FaxService"))!.resourcePreEvent!.metadata.new!.inputs.__provider;
    expect(newProvider).toContain("provider code changed");
    const up = await fx.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 3 });
    expect(fx.emulator.requests).toEqual([]);
  });
});
