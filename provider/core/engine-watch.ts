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

/** An address to connect to. */
export interface Address {
  host: string;
  port: number;
}

/** The engine's address among a provider process's arguments: the first `host:port` (an IPv6 host in brackets). */
export function engineAddressOf(args: readonly string[]): Address | undefined {
  for (const arg of args) {
    const match = /^([\w.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(arg);
    if (match) return { host: (match[1] as string).replace(/^\[(.*)\]$/, "$1"), port: Number(match[2]) };
  }
  return undefined;
}

/** Whether something accepts connections at the address: false only when the connection is refused. */
export function isListening(address: Address, timeoutMs: number = ENGINE_WATCH.connectTimeoutMs): Promise<boolean> {
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
 * times in a row. Returns a function that stops watching. `probe` is how it
 * looks (a test gives its own).
 */
export function watchEngine(
  address: Address,
  onGone: () => void,
  options: { intervalMs?: number; refusalsToExit?: number; probe?: (address: Address) => Promise<boolean> } = {},
): () => void {
  const { intervalMs = ENGINE_WATCH.intervalMs, refusalsToExit = ENGINE_WATCH.refusalsToExit, probe = isListening } = options;
  let refusals = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(look, intervalMs);
    timer.unref();
  };
  const look = async () => {
    timer = undefined;
    const listening = await probe(address);
    if (stopped) return;
    refusals = listening ? 0 : refusals + 1;
    if (refusals >= refusalsToExit) onGone();
    else schedule();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

let watching = false;

/**
 * Starts watching this process's engine once (the address is in its
 * arguments); `exit` ends the process when the engine is gone. Does nothing
 * in a process that was not started by an engine (a test, say). Returns the
 * function that stops watching, when it started one.
 */
export function exitWithEngine(
  // Stryker disable next-line MethodExpression: process.argv[0] and [1] (node and its script) are never host:port
  args: readonly string[] = process.argv.slice(2),
  // Stryker disable next-line BlockStatement,ArrowFunction: ending the test process is no way to test it
  exit: () => void = () => process.exit(0),
): (() => void) | undefined {
  const address = engineAddressOf(args);
  if (watching || !address) return undefined;
  watching = true;
  return watchEngine(address, () => {
    log.warn(`the Pulumi engine at ${address.host}:${address.port} is gone; this provider process exits, abandoning its calls in flight`);
    exit();
  });
}
