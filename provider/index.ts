/**
 * pulumi-sinch-fax: manage Sinch Fax API v3 services with Pulumi.
 *
 * `FaxService` is the resource; the typed client of the services endpoints is
 * exported too. The emulator lives at `pulumi-sinch-fax/emulator`.
 */
export { FaxService, type FaxServiceArgs } from "./resource";
export type { NumberState as FaxServiceNumber } from "./model/fields";
export { SETTING_SOURCES } from "./config";
export { FaxProviderError, SettingsError, isFaxProviderError } from "./errors";
export { ServiceError, PartialFailureError, isPartialFailure } from "./lifecycle/errors";
export * from "./client";
