import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

const control = (url: string, method: string, path: string, body?: unknown) =>
  fetch(`${url}/_emulator/${path}`, { method, body: body === undefined ? null : JSON.stringify(body) });
const controlJson = async (url: string, path: string): Promise<any> => (await control(url, "GET", path)).json();

describe("emulator faults", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator({ faultSeed: 42 });
  });
  afterEach(() => fx.close());

  test("injected statuses, with or without Retry-After, in every body shape", async () => {
    const e = fx.emulator;
    await control(e.url, "PUT", "faults", {
      rules: [
        { operations: ["list"], status429: 1, retryAfterSeconds: 3, times: 1 },
        { operations: ["list"], status429: 1, times: 1 },
        { operations: ["list"], status503: 1, errorBody: "text", times: 1 },
        { operations: ["list"], status500: 1, errorBody: "empty", times: 1 },
        { operations: ["list"], status503: 1, errorBody: "legacy", times: 1 },
      ],
    });
    const path = servicesPath(e);
    const a = await rawRequest(e, "GET", path);
    expect([a.status, a.headers.get("retry-after"), a.json.status]).toEqual([429, "3", "RESOURCE_EXHAUSTED"]);
    const b = await rawRequest(e, "GET", path);
    expect([b.status, b.headers.get("retry-after")]).toEqual([429, null]);
    const c = await rawRequest(e, "GET", path);
    expect([c.status, c.text]).toEqual([503, "<html><body>Service unavailable</body></html>"]);
    const d = await rawRequest(e, "GET", path);
    expect([d.status, d.text]).toEqual([500, ""]);
    const f = await rawRequest(e, "GET", path);
    expect([f.status, f.json]).toEqual([503, { code: "503", error: "Service unavailable", message: "Service unavailable" }]);
    expect((await rawRequest(e, "GET", path)).status).toBe(200);
    const faults = await controlJson(e.url, "faults");
    expect(faults.counts).toMatchObject({ status429: 2, status500: 1, status503: 2 });
  });

  test("a dropped connection applies nothing; a lost response applies the change", async () => {
    const e = fx.emulator;
    e.faults.set([
      { operations: ["create"], drop: 1, times: 1 },
      { operations: ["create"], lost: 1, times: 1 },
    ]);
    await expect(rawRequest(e, "POST", servicesPath(e), { body: '{"name":"dropped"}' })).rejects.toThrow();
    await expect(rawRequest(e, "POST", servicesPath(e), { body: '{"name":"lost"}' })).rejects.toThrow();
    const names = e.store.listServices(e.projectId).map((s) => s.name);
    expect(names).toEqual(["Default service", "lost"]);
    expect(e.requests.map((r) => [r.status, r.fault])).toEqual([
      [0, "drop"],
      [201, "lost"],
    ]);
  });

  test("faults target operations and methods, and latency is added", async () => {
    const e = fx.emulator;
    e.faults.set([
      { operations: ["update"], methods: ["PATCH"], status503: 1 },
      { operations: ["get"], latencyMs: { min: 150, max: 150 } },
    ]);
    const [first] = e.store.listServices(e.projectId);
    expect((await rawRequest(e, "PATCH", servicesPath(e, first!.id), { body: '{"name":"n"}' })).status).toBe(503);
    const started = Date.now();
    expect((await rawRequest(e, "GET", servicesPath(e, first!.id))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await rawRequest(e, "GET", servicesPath(e))).status).toBe(200);
  });

  test("skip lets the first matching requests through", async () => {
    const e = fx.emulator;
    e.faults.set([{ operations: ["list"], status503: 1, skip: 2, times: 1 }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await rawRequest(e, "GET", servicesPath(e))).status);
    expect(statuses).toEqual([200, 200, 503, 200]);
  });

  test("the same seed injects the same faults", async () => {
    const run = async () => {
      const e = await startEmulator({ faultSeed: 7 });
      e.faults.set([{ status503: 0.5 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await rawRequest(e, "GET", servicesPath(e))).status);
      await e.close();
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  test("the rate limit answers 429 beyond its rate", async () => {
    const e = fx.emulator;
    await control(e.url, "PUT", "rate-limit", { perSecond: 5, burst: 5 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => rawRequest(e, "GET", servicesPath(e))));
    const limited = statuses.filter((s) => s.status === 429);
    expect(statuses.filter((s) => s.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    await control(e.url, "DELETE", "rate-limit");
    expect((await rawRequest(e, "GET", servicesPath(e))).status).toBe(200);
  });
});

describe("emulator control endpoints", () => {
  test("request log, default history, state, expire tokens and reset", async () => {
    const fx = await withEmulator();
    const e = fx.emulator;
    try {
      const created = await rawRequest(e, "POST", `${servicesPath(e)}?x=1`, { body: '{"name":"logged","defaultForProject":true}' });
      const log = await controlJson(e.url, "requests");
      expect(log.requests).toEqual([
        expect.objectContaining({
          seq: 1,
          method: "POST",
          path: servicesPath(e),
          query: { x: "1" },
          body: { name: "logged", defaultForProject: true },
          status: 201,
          operation: "create",
        }),
      ]);
      expect(JSON.stringify(log)).not.toContain(e.keySecret);
      expect((await controlJson(e.url, "requests?since=1")).requests).toEqual([]);
      const history = await controlJson(e.url, `default-history?projectId=${e.projectId}`);
      expect(history.history.map((h: { cause: string }) => h.cause)).toEqual(["init", `POST ${servicesPath(e)}`]);
      expect(history.history[1].defaultServiceIds).toEqual([created.json.id]);
      const state = await controlJson(e.url, "state");
      expect(state.policy).toBe("strict");
      expect(state.projects[e.projectId].services).toHaveLength(2);
      expect((await control(e.url, "POST", "reset")).status).toBe(204);
      expect(e.store.listServices(e.projectId).map((s) => s.name)).toEqual(["Default service"]);
      expect(e.requests).toEqual([]);
      expect((await control(e.url, "GET", "nothing")).status).toBe(404);
    } finally {
      await fx.close();
    }
  });

  test("a data file keeps services and keys across restarts", async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), "emu-")), "state.json");
    const first = await startEmulator({ dataFile });
    const created = await rawRequest(first, "POST", servicesPath(first), { body: '{"name":"kept"}' });
    await first.close();
    const second = await startEmulator({ dataFile });
    try {
      expect([second.projectId, second.keyId, second.keySecret]).toEqual([first.projectId, first.keyId, first.keySecret]);
      const got = await rawRequest(second, "GET", servicesPath(second, created.json.id));
      expect(got.json.name).toBe("kept");
      expect(JSON.parse(readFileSync(dataFile, "utf8")).projects[first.projectId].services).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});

test("the CLI prints its URL and credentials and stops cleanly on SIGTERM", async () => {
  const child = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      join(__dirname, "../../emulator/cli.ts"),
      "--project-id",
      "p-cli",
      "--key-id",
      "k-cli",
      "--key-secret",
      "s-cli",
      "--default-policy",
      "lenient",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 20_000);
    child.stdout.on("data", () => {
      if (out.includes("SINCH_KEY_SECRET")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const url = /listening on (\S+)/.exec(out)![1];
  expect(out).toContain("policy lenient");
  expect(out).toContain("SINCH_PROJECT_ID=p-cli");
  const res = await fetch(`${url}/v3/projects/p-cli/services`, {
    headers: { authorization: `Basic ${Buffer.from("k-cli:s-cli").toString("base64")}` },
  });
  expect(res.status).toBe(200);
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
});
