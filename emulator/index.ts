/**
 * A local emulator of the Sinch Fax API v3 services endpoints, for demos,
 * tests and offline pipelines. See `startEmulator`.
 */
export { startEmulator, Emulator, type EmulatorOptions, type LoggedRequest } from "./server";
export type { FaultRule, FaultCounts, Operation, ErrorBodyShape } from "./faults";
export type { DefaultPolicy, DefaultHistoryEntry, ProjectKey, StoredNumber } from "./store";
export type { StoredService } from "./service-rules";
