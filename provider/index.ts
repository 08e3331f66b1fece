/**
 * pulumi-sinch-fax: a Sinch Fax API setup as code with Pulumi.
 *
 * The resources: `FaxService` (with its cover pages), `FaxEmail` (fax-to-email
 * addresses) and `FaxNumberRoute` (which number delivers to which service).
 * The typed client is exported too; the emulator lives at
 * `pulumi-sinch-fax/emulator`, engine-event helpers at `pulumi-sinch-fax/automation`.
 */

export * from "./client";
export { SETTING_SOURCES } from "./core/config";
export { FaxProviderError, isFaxProviderError, SettingsError } from "./core/errors";
export { isPartialFailure, PartialFailureError, ServiceError } from "./core/operation-errors";
export { FaxEmail, type FaxEmailArgs, type FaxEmailNumberArgs } from "./program/fax-email";
export { type CoverPageArgs, FaxService, type FaxServiceArgs } from "./program/fax-service";
export { FaxNumberRoute, type FaxNumberRouteArgs } from "./program/number-route";
export type { CoverPageState, NumberState as FaxServiceNumber } from "./resources/fax-service/fields";
