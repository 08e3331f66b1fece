import { spawn } from "node:child_process";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { isLoopback } from "../../emulator/control-access";
import { rawRequest, servicesPath } from "../helpers/emulator";
import { expectValid, responseSchemas } from "../helpers/openapi";

/** This machine's first non-loopback IPv4 address, if it has one. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

const state = (base: string, headers: Record<string, string> = {}) => fetch(`${base}/_emulator/state`, { headers });
const port = (e: Emulator) => new URL(e.url).port;

test.each([
  ["127.0.0.1", true],
  ["127.255.255.254", true],
  ["::1", true],
  ["::ffff:127.0.0.1", true],
  ["::ffff:7f00:1", true],
  ["0:0:0:0:0:0:0:1", true],
  ["192.0.2.2", false],
  ["10.0.0.1", false],
  ["128.0.0.1", false],
  ["126.255.255.255", false],
  ["::ffff:192.0.2.2", false],
  ["fd00::2", false],
  ["fe80::1%eth0", false],
  ["::", false],
  ["0.0.0.0", false],
  ["localhost", false],
  ["", false],
  [undefined, false],
])("isLoopback(%j) is %s", (address, expected) => {
  expect(isLoopback(address)).toBe(expected);
});

describe("control endpoints on a network interface", () => {
  let e: Emulator;
  const warnings: string[] = [];
  beforeAll(async () => {
    e = await startEmulator({ host: "0.0.0.0", onWarning: (m) => warnings.push(m) });
  });
  afterAll(() => e.close());

  test("binding to all interfaces is reported through onWarning", () => {
    expect(warnings).toEqual([expect.stringMatching(/listening on 0\.0\.0\.0, not loopback.*loopback clients only/)]);
  });

  test("loopback clients may use them, others get a 403; the API answers everyone", async () => {
    expect((await state(`http://127.0.0.1:${port(e)}`)).status).toBe(200);
    if (!external) return; // No other interface here: the isLoopback cases above stand in for this.
    const remote = `http://${external}:${port(e)}`;
    for (const [method, path] of [
      ["GET", "state"],
      ["GET", "requests"],
      ["POST", "reset"],
      ["PUT", "faults"],
    ] as const) {
      const res = await fetch(`${remote}/_emulator/${path}`, { method, body: method === "PUT" ? '{"rules":[{"drop":1}]}' : null });
      expect([path, res.status]).toEqual([path, 403]);
      expectValid(responseSchemas.error, await res.json());
    }
    expect(e.faults.list()).toEqual([]);
    const api = await fetch(remote + servicesPath(e), {
      headers: { authorization: `Basic ${Buffer.from(`${e.keyId}:${e.keySecret}`).toString("base64")}` },
    });
    expect(api.status).toBe(200);
  });
});

describe("control endpoints with a control token", () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await startEmulator({ host: "0.0.0.0", controlToken: "let-me-in" });
  });
  afterAll(() => e.close());

  test("every client must send it, loopback included", async () => {
    const bases = [`http://127.0.0.1:${port(e)}`, ...(external ? [`http://${external}:${port(e)}`] : [])];
    for (const base of bases) {
      const wrong: Record<string, string>[] = [
        {},
        { authorization: "Bearer wrong" },
        { "x-emulator-token": "let-me-i" },
        { authorization: "Basic bGV0LW1lLWlu" },
      ];
      for (const headers of wrong) {
        const res = await state(base, headers);
        expect([base, headers, res.status]).toEqual([base, headers, 401]);
        expectValid(responseSchemas.error, await res.json());
      }
      expect((await state(base, { authorization: "Bearer let-me-in" })).status).toBe(200);
      expect((await state(base, { "x-emulator-token": "let-me-in" })).status).toBe(200);
    }
  });

  test("an empty token is refused at start", async () => {
    await expect(startEmulator({ controlToken: "" })).rejects.toThrow(/controlToken/);
  });
});

test("the state dump masks key secrets and webhook passwords", async () => {
  const e = await startEmulator({
    keySecret: "key-secret-1",
    extraProjects: [{ projectId: "p2", keyId: "k2", keySecret: "key-secret-2" }],
  });
  try {
    const created = await rawRequest(e, "POST", servicesPath(e), {
      body: JSON.stringify({ incomingWebhookUrl: "https://alice:hook-pass@hooks.example/in" }),
    });
    expect(created.status).toBe(201);
    const res = await state(e.url);
    const text = await res.text();
    for (const secret of ["key-secret-1", "key-secret-2", "hook-pass"]) expect(text).not.toContain(secret);
    const dump = JSON.parse(text);
    expect(dump.keys.map((k: { keySecret: string }) => k.keySecret)).toEqual(["***", "***"]);
    const hook = dump.projects[e.projectId].services.find((s: { id: string }) => s.id === created.json.id);
    expect(hook.incomingWebhookUrl).toBe("https://alice:***@hooks.example/in");
    // In-process, the store still holds them.
    expect(e.store.keys[0]!.keySecret).toBe("key-secret-1");
  } finally {
    await e.close();
  }
});

test("library use is quiet: nothing is printed when listening on all interfaces", async () => {
  const write = jest.spyOn(process.stderr, "write");
  const log = jest.spyOn(console, "error");
  const e = await startEmulator({ host: "0.0.0.0" });
  await e.close();
  expect(write).not.toHaveBeenCalled();
  expect(log).not.toHaveBeenCalled();
  write.mockRestore();
  log.mockRestore();
});

test("the CLI warns on stderr when listening beyond loopback, and takes --control-token", async () => {
  const child = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      join(__dirname, "../../emulator/cli.ts"),
      "--host",
      "0.0.0.0",
      "--control-token",
      "cli-token",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${out}${err}`)), 20_000);
      child.stdout.on("data", () => {
        if (out.includes("SINCH_KEY_SECRET")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(err).toMatch(/sinch-fax-emulator: warning: listening on 0\.0\.0\.0, not loopback.*need the control token/);
    const local = `http://127.0.0.1:${/listening on http:\/\/[^:]+:(\d+)/.exec(out)![1]}`;
    expect((await state(local)).status).toBe(401);
    expect((await state(local, { "x-emulator-token": "cli-token" })).status).toBe(200);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exit).toBe(0);
});

test("the CLI's --help describes the control token and the loopback rule", async () => {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "../../emulator/cli.ts"), "--help"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.on("exit", resolve));
  expect(out).toContain("--control-token <t>");
  expect(out).toContain("loopback clients only");
});
