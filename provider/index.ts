/**
 * pulumi-sinch-fax: manage Sinch Fax API v3 services with Pulumi.
 *
 * `FaxService` is the resource; the typed client of the services endpoints is
 * exported too. The emulator lives at `pulumi-sinch-fax/emulator`.
 */

export * from "./client";
export { SETTING_SOURCES } from "./config";
export { FaxProviderError, isFaxProviderError, SettingsError } from "./errors";
export { isPartialFailure, PartialFailureError, ServiceError } from "./lifecycle/errors";
export type { NumberState as FaxServiceNumber } from "./model/fields";
export { FaxService, type FaxServiceArgs } from "./resource";
