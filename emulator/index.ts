/**
 * A local emulator of the Sinch Fax API v3 (services, their numbers, cover
 * pages and fax-to-email) and of the Numbers API v1's active numbers, for
 * demos, tests and offline pipelines. See `startEmulator`.
 */

export type { ErrorBodyShape, FaultCounts, FaultRule, Operation } from "./faults";
export type { ActiveNumbers, ProvisioningSettings, SeedNumber, SeedVoice } from "./numbers";
export { Emulator, type EmulatorOptions, type LoggedRequest, startEmulator } from "./server";
export type { StoredService } from "./service-rules";
export type {
  Permission,
  ScheduledRoute,
  StoredActiveNumber,
  StoredCoverPage,
  StoredEmail,
  VoiceRoute,
  VoiceType,
} from "./snapshot";
export type { DefaultHistoryEntry, DefaultPolicy, ProjectKey, StoredNumber } from "./store";
