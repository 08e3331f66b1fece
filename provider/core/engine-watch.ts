import { connect } from "node:net";
import { log } from "./log";

/**
 * A provider process must not outlive the engine that started it. The engine
 * starts the plugin and the dynamic provider with its own gRPC address as an
 * argument and, when it is killed (`kill -9`, a lost CI runner), nothing else
 * ends them: Pulumi starts them in process groups of their own, and the Node.js
 * dynamic provider has no health check at all. A provider left running after
 * its engine keeps calling Sinch for a run nobody records, and a later
 * `sinch-fax-recover` could look before it is done. So each provider process
 * watches its engine's address and exits once nothing listens there: the calls
 * in flight are abandoned (recovery finds what they made, as after any crash).
 */

/** How often the engine is looked at, and how many refusals in a row mean it is gone. */
export const ENGINE_WATCH = { intervalMs: 500, refusalsToExit: 2, connectTimeoutMs: 2_000 } as const;

/** The engine's address among a provider process's arguments: the first `host:port`. */
export function engineAddressOf(args: readonly string[]): { host: string; port: number } | undefined {
  for (const arg of args) {
    const match = /^(127\.0\.0\.1|localhost|\[::1\]|[\w.-]+):(\d{1,5})$/.exec(arg);
    if (match) return { host: (match[1] as string).replace(/^\[|\]$/g, ""), port: Number(match[2]) };
  }
  return undefined;
}

/** Whether something accepts connections at the address: false only when the connection is refused. */
export function isListening(address: { host: string; port: number }, timeoutMs = ENGINE_WATCH.connectTimeoutMs): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(true)); // slow, not gone
    socket.once("connect", () => done(true));
    socket.once("error", (e: NodeJS.ErrnoException) => done(e.code !== "ECONNREFUSED"));
  });
}

/**
 * Looks at the engine every interval (with a timer that keeps no process
 * alive) and calls `onGone` once it has refused connections `refusalsToExit`
 * times in a row. Returns a function that stops watching.
 */
export function watchEngine(
  address: { host: string; port: number },
  onGone: () => void,
  options: { intervalMs?: number; refusalsToExit?: number } = {},
): () => void {
  const intervalMs = options.intervalMs ?? ENGINE_WATCH.intervalMs;
  const needed = options.refusalsToExit ?? ENGINE_WATCH.refusalsToExit;
  let refusals = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const look = async () => {
    const listening = await isListening(address);
    if (stopped) return;
    refusals = listening ? 0 : refusals + 1;
    if (refusals >= needed) {
      stopped = true;
      onGone();
      return;
    }
    timer = setTimeout(look, intervalMs);
    timer.unref();
  };
  timer = setTimeout(look, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

let watching = false;

/**
 * Starts watching this process's engine once (the address is in its
 * arguments); the process exits when the engine is gone. Does nothing in a
 * process that was not started by an engine (a test, say).
 */
export function exitWithEngine(args: readonly string[] = process.argv.slice(2)): void {
  if (watching) return;
  const address = engineAddressOf(args);
  if (!address) return;
  watching = true;
  watchEngine(address, () => {
    log.warn(`the Pulumi engine at ${address.host}:${address.port} is gone; this provider process exits, abandoning its calls in flight`);
    process.exit(0);
  });
}
