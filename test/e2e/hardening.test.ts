import { type EngineFixture, engineStack } from "./harness";

jest.setTimeout(300_000);

const services = (spec: object) => ({ "test:services": JSON.stringify(spec) });
const apiServices = (fx: EngineFixture) => fx.emulator.store.listServices(fx.emulator.projectId);
const defaults = (fx: EngineFixture) => apiServices(fx).filter((s) => s.defaultForProject);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("expected a failure"),
    (e: Error) => e,
  );

describe("engine: adopting", () => {
  test("adopting the default without defaultForProject keeps it the default, with no wait", async () => {
    const fx = await engineStack("services", { config: services({ keep: { adopt: "default", name: "Kept default" } }) });
    try {
      const before = defaults(fx)[0]!;
      await fx.stack.up();
      // No demotion was attempted, so no wait for a successor (which polls the service with GET).
      // check reads the default and its cover pages (the adoption's record); create reads it again, then PATCHes.
      expect(fx.emulator.requests.map((r) => `${r.method} ${r.operation}`)).toEqual([
        "GET list",
        "GET cover-list",
        "GET get",
        "GET numbers",
        "PATCH update",
      ]);
      expect(defaults(fx).map((s) => [s.id, s.name])).toEqual([[before.id, "Kept default"]]);
      expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });
      await fx.stack.destroy();
      expect(defaults(fx).map((s) => [s.id, s.name])).toEqual([[before.id, "Default service"]]);
    } finally {
      await fx.close();
    }
  });

  test("two FaxServices adopting the same service in one up: one adopts it, the other fails; destroy works", async () => {
    const fx = await engineStack("services", {
      config: services({ one: { adopt: "default", name: "One" }, two: { adopt: "default", name: "One" } }),
    });
    try {
      const error = await failure(fx.stack.up());
      expect(String(error)).toContain("another FaxService of this stack already manages it");
      const state = await fx.stack.exportStack();
      const adopted = state.deployment.resources.filter((r: { type: string }) => r.type.endsWith(":FaxService"));
      expect(adopted).toHaveLength(1);
      await fx.stack.destroy();
      expect(apiServices(fx).map((s) => [s.name, s.defaultForProject])).toEqual([["Default service", true]]);
    } finally {
      await fx.close();
    }
  });
});

/**
 * Each partial failure (a later step failing after an earlier one applied)
 * leaves state that refresh, the next up and destroy can all use. The API is
 * lenient here, so destroy can delete the default without a successor.
 */
describe.each([
  ["create: the promotion fails after the POST", "create"],
  ["update: the promotion fails after the PATCH of fields", "update"],
  ["adopt: the promotion fails after the PATCH of fields", "adopt"],
] as const)("engine: partial failure of %s", (_title, kind) => {
  let fx: EngineFixture;
  beforeAll(async () => {
    fx = await engineStack("services", {
      emulator: { defaultPolicy: "lenient" },
      config: { ...services({}), "sinch:defaultHandoffTimeout": "2" },
    });
  });
  afterAll(() => fx.close());

  test("refresh, up and destroy all work afterwards", async () => {
    const e = fx.emulator;
    const existing = e.store.createService(e.projectId, { name: "Made by hand", numberOfRetries: 1 }, "by hand");
    const target = { name: "Partial", numberOfRetries: 5, defaultForProject: true };
    if (kind === "update") {
      await fx.stack.setConfig("test:services", { value: JSON.stringify({ p: { name: "Before" } }) });
      await fx.stack.up();
    }
    const spec = kind === "adopt" ? { ...target, adopt: existing.id } : target;
    await fx.stack.setConfig("test:services", { value: JSON.stringify({ p: spec }) });
    // The promotion PATCH fails; for update and adopt, it is the second PATCH.
    e.faults.set([{ operations: ["update"], status500: 1, skip: kind === "create" ? 0 : 1, times: 1 }]);
    const error = await failure(fx.stack.up());
    expect(String(error)).toContain("HTTP 500");
    e.faults.clear();
    const partial = apiServices(fx).find((s) => s.name === "Partial")!;
    expect(partial).toMatchObject({ numberOfRetries: 5, defaultForProject: false });

    await fx.stack.refresh();
    await fx.stack.up();
    expect(defaults(fx).map((s) => s.id)).toEqual([partial.id]);
    expect((await fx.stack.preview()).changeSummary).toEqual({ same: 2 });
    await fx.stack.destroy();
    const left = apiServices(fx)
      .map((s) => s.name)
      .sort();
    expect(left).toEqual(["Default service", "Made by hand"]);
  });
});

describe("engine: inputs are never printed with a password, nor silently ignored", () => {
  test.each([
    ["htps://faxbot:pw-leak-123@hooks.example.com/in", "plain"],
    ["ftp://faxbot:pw-leak-123@hooks.example.com/in", "plain"],
    ["htps://faxbot:pw-leak-123@hooks.example.com/in", "secret"],
  ])("a webhook URL with a password that fails validation (%s, %s config) is not printed by preview", async (url, kind) => {
    const config =
      kind === "plain"
        ? services({ inbound: { name: "Inbound", incomingWebhookUrl: url } })
        : { ...services({ inbound: { name: "Inbound" } }), "test:secretWebhookFor": "inbound" };
    const fx = await engineStack("services", { config, secrets: kind === "secret" ? { "test:secretWebhook": url } : {} });
    try {
      let output = "";
      const error = await failure(fx.stack.preview({ onOutput: (s) => (output += s) }));
      const text = `${String(error)}\n${output}`;
      expect(text).toContain("incomingWebhookUrl must be an absolute http(s) URL");
      expect(text).toContain(url.replace("pw-leak-123", "***"));
      expect(text).not.toContain("pw-leak-123");
      expect(fx.emulator.requests).toEqual([]);
    } finally {
      await fx.close();
    }
  });

  test("misspelt inputs fail at preview, naming each and the input meant; no API call", async () => {
    const fx = await engineStack("services", { config: services({ inbound: { nmae: "Inbound", numberOfRetrys: 5 } }) });
    try {
      const text = String(await failure(fx.stack.preview()));
      expect(text).toContain('"nmae" is not an input of FaxService; did you mean "name"?');
      expect(text).toContain('"numberOfRetrys" is not an input of FaxService; did you mean "numberOfRetries"?');
      expect(fx.emulator.requests).toEqual([]);
    } finally {
      await fx.close();
    }
  });
});
