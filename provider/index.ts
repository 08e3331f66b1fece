/**
 * pulumi-sinch-fax: manage Sinch Fax API v3 services with Pulumi.
 *
 * `FaxService` is the resource; the typed client of the services endpoints is
 * exported too. The emulator lives at `pulumi-sinch-fax/emulator`.
 */

export * from "./client";
export { SETTING_SOURCES } from "./core/config";
export { FaxProviderError, isFaxProviderError, SettingsError } from "./core/errors";
export { FaxService, type FaxServiceArgs } from "./resource";
export { isPartialFailure, PartialFailureError, ServiceError } from "./resources/fax-service/errors";
export type { NumberState as FaxServiceNumber } from "./resources/fax-service/fields";
