import type { Emulator, LoggedRequest } from "../../emulator";
import { expectRequestsConform } from "./openapi";

/**
 * Keeps every request the emulator logs, even when a test clears
 * `emulator.requests` to look at one step, so all of them can be checked
 * against the OpenAPI file at the end.
 */
export function keepEveryRequest(emulator: Emulator): LoggedRequest[] {
  const all: LoggedRequest[] = [];
  // Non-enumerable, so the log still equals a plain array in assertions.
  const tap = (log: LoggedRequest[]) => {
    const push = log.push.bind(log);
    const tapped = (...entries: LoggedRequest[]) => {
      all.push(...entries);
      return push(...entries);
    };
    Object.defineProperty(log, "push", { value: tapped, enumerable: false, configurable: true });
    return log;
  };
  let visible = tap(emulator.requests);
  Object.defineProperty(emulator, "requests", {
    configurable: true,
    get: () => visible,
    set: (log: LoggedRequest[]) => {
      visible = tap(log);
    },
  });
  return all;
}

/** Starts keeping every request; the returned check fails on any body the OpenAPI file does not allow. */
export function checkRequestsConform(emulator: Emulator): () => void {
  const all = keepEveryRequest(emulator);
  return () => expectRequestsConform(all);
}
