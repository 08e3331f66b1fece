import { createServer, type Server } from "node:net";
import { type Address, ENGINE_WATCH, engineAddressOf, exitWithEngine, isListening, watchEngine } from "../../provider/core/engine-watch";
import { printed } from "../helpers/provider";

const listen = (): Promise<{ server: Server; port: number; connections: () => number }> =>
  new Promise((resolve) => {
    let count = 0;
    const server = createServer((socket) => {
      count++;
      socket.end();
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, connections: () => count }));
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await sleep(10);
};
const timersKeepingAlive = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

/** A probe that answers from a script (true: listening), one answer a look, and counts its looks. */
const scripted = (...answers: boolean[]) => {
  const probe = Object.assign(async (_a: Address) => answers[Math.min(probe.looks++, answers.length - 1)] as boolean, { looks: 0 });
  return probe;
};

describe("the engine's address among a provider's arguments", () => {
  test("the first host:port argument, as the engine passes it to the plugin and the dynamic provider", () => {
    expect(engineAddressOf(["127.0.0.1:40123"])).toEqual({ host: "127.0.0.1", port: 40123 });
    expect(engineAddressOf(["--tracing", "x", "localhost:9", "127.0.0.1:1"])).toEqual({ host: "localhost", port: 9 });
    expect(engineAddressOf(["my-host.local:99"])).toEqual({ host: "my-host.local", port: 99 });
    expect(engineAddressOf(["a:1"])).toEqual({ host: "a", port: 1 });
    expect(engineAddressOf(["[::1]:5000"])).toEqual({ host: "::1", port: 5000 });
  });
  test("none when no argument is one (a test process, say)", () => {
    expect(engineAddressOf([])).toBeUndefined();
    expect(engineAddressOf(["test/e2e", "--runInBand", "http://127.0.0.1:80", "127.0.0.1:80x", "h:", "127.0.0.1:123456"])).toBeUndefined();
  });
});

describe("looking at the engine", () => {
  test("a listening address is alive; a closed one is not", async () => {
    const { server, port } = await listen();
    expect(await isListening({ host: "127.0.0.1", port })).toBe(true);
    await close(server);
    expect(await isListening({ host: "127.0.0.1", port })).toBe(false);
  });

  test("an address that does not answer in time is slow, not gone", async () => {
    const started = Date.now();
    expect(await isListening({ host: "10.255.255.1", port: 9 }, 150)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("watching the engine", () => {
  test("onGone once the engine refused refusalsToExit times in a row; a look that answers starts the count again", async () => {
    const probe = scripted(false, true, false, false, false);
    let gone = 0;
    watchEngine({ host: "h", port: 1 }, () => gone++, { intervalMs: 5, refusalsToExit: 2, probe });
    await until(() => gone > 0);
    expect([gone, probe.looks]).toEqual([1, 4]);
    await sleep(60);
    expect([gone, probe.looks]).toEqual([1, 4]);
  });

  test("by default two refusals, one look every 500 ms", async () => {
    expect(ENGINE_WATCH).toEqual({ intervalMs: 500, refusalsToExit: 2, connectTimeoutMs: 2_000 });
    const probe = scripted(false);
    let gone = 0;
    const started = Date.now();
    watchEngine({ host: "h", port: 1 }, () => gone++, { probe });
    await until(() => gone > 0);
    expect(probe.looks).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000 - 20);
  });

  test("a watch keeps no process alive: its timer is unreferenced", async () => {
    // Other tests' timers may end meanwhile: the watch's never count.
    const probe = scripted(true);
    const before = timersKeepingAlive();
    const stop = watchEngine({ host: "h", port: 1 }, () => undefined, { intervalMs: 10, probe });
    expect(timersKeepingAlive()).toBeLessThanOrEqual(before);
    await until(() => probe.looks >= 2);
    expect(timersKeepingAlive()).toBeLessThanOrEqual(before);
    stop();
  });

  test("stopped, it looks no more: neither the look that was due nor one in flight goes on", async () => {
    const { server, port, connections } = await listen();
    let gone = 0;
    const due = watchEngine({ host: "127.0.0.1", port }, () => gone++, { intervalMs: 30, refusalsToExit: 1 });
    due();
    await sleep(80);
    expect(connections()).toBe(0);
    await close(server);
    let release: (v: boolean) => void = () => undefined;
    const inFlight = Object.assign(() => new Promise<boolean>((r) => (release = r)), {});
    const stop = watchEngine({ host: "h", port: 1 }, () => gone++, { intervalMs: 5, refusalsToExit: 1, probe: inFlight });
    await sleep(30);
    stop();
    release(false);
    await sleep(30);
    expect(gone).toBe(0);
  });
});

describe("a provider process exits with its engine", () => {
  test("once, from its arguments, saying why; a second call and a process without an engine address start nothing", async () => {
    const { server, port } = await listen();
    let exits = 0;
    expect(exitWithEngine(["--no-engine-here"], () => exits++)).toBeUndefined();
    const lines = await printed(async () => {
      const stop = exitWithEngine([`127.0.0.1:${port}`], () => exits++);
      expect(stop).toEqual(expect.any(Function));
      expect(exitWithEngine([`127.0.0.1:${port}`], () => exits++)).toBeUndefined();
      await close(server);
      await until(() => exits > 0);
    });
    expect(exits).toBe(1);
    expect(lines).toEqual([
      `sinch-fax: warning: the Pulumi engine at 127.0.0.1:${port} is gone; this provider process exits, abandoning its calls in flight`,
    ]);
  });
});
