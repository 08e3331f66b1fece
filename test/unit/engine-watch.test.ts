import { createServer, type Server } from "node:net";
import { engineAddressOf, isListening, watchEngine } from "../../provider/core/engine-watch";

const listen = (): Promise<{ server: Server; port: number }> =>
  new Promise((resolve) => {
    const server = createServer((socket) => socket.end());
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the engine's address among a provider's arguments", () => {
  test("the first host:port argument, as the engine passes it to the plugin and the dynamic provider", () => {
    expect(engineAddressOf(["127.0.0.1:40123"])).toEqual({ host: "127.0.0.1", port: 40123 });
    expect(engineAddressOf(["--tracing", "x", "localhost:9"])).toEqual({ host: "localhost", port: 9 });
    expect(engineAddressOf(["[::1]:5000"])).toEqual({ host: "::1", port: 5000 });
  });
  test("none when no argument is an address (a test process, say)", () => {
    expect(engineAddressOf([])).toBeUndefined();
    expect(engineAddressOf(["test/e2e", "--runInBand", "http://127.0.0.1:80"])).toBeUndefined();
  });
});

describe("watching the engine", () => {
  test("a listening address is alive; a closed one is not", async () => {
    const { server, port } = await listen();
    expect(await isListening({ host: "127.0.0.1", port })).toBe(true);
    await close(server);
    expect(await isListening({ host: "127.0.0.1", port })).toBe(false);
  });

  test("onGone is called once the engine refuses connections twice in a row, and not while it listens", async () => {
    const { server, port } = await listen();
    let gone = 0;
    const stop = watchEngine({ host: "127.0.0.1", port }, () => gone++, { intervalMs: 30, refusalsToExit: 2 });
    await sleep(200);
    expect(gone).toBe(0);
    await close(server);
    for (let i = 0; i < 50 && gone === 0; i++) await sleep(20);
    expect(gone).toBe(1);
    await sleep(150);
    expect(gone).toBe(1);
    stop();
  });

  test("stopping the watch calls nothing later", async () => {
    const { server, port } = await listen();
    let gone = 0;
    const stop = watchEngine({ host: "127.0.0.1", port }, () => gone++, { intervalMs: 20, refusalsToExit: 1 });
    stop();
    await close(server);
    await sleep(120);
    expect(gone).toBe(0);
  });
});
