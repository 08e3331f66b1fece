/**
 * A local emulator of the Sinch Fax API v3 services endpoints, for demos,
 * tests and offline pipelines. See `startEmulator`.
 */

export type { ErrorBodyShape, FaultCounts, FaultRule, Operation } from "./faults";
export { Emulator, type EmulatorOptions, type LoggedRequest, startEmulator } from "./server";
export type { StoredService } from "./service-rules";
export type { DefaultHistoryEntry, DefaultPolicy, ProjectKey, StoredNumber } from "./store";
