/** The typed REST client of the Sinch Fax API v3 services endpoints. */
export { type ServicePage, SinchFaxClient } from "./client";
export {
  type CallFailure,
  type FieldViolation,
  type HttpFailure,
  isRefusal,
  isSinchFaxError,
  isSinchHttpError,
  SinchFaxError,
  SinchHttpError,
  SinchNetworkError,
  SinchResponseError,
  SinchTimeoutError,
} from "./errors";
export {
  DEFAULT_AUTH_URL,
  GLOBAL_FAX_URL,
  REGIONS,
  type Region,
  type RetryOptions,
  regionUrl,
  type SinchFaxClientOptions,
} from "./options";
export {
  IMAGE_CONVERSION_METHODS,
  type ImageConversionMethod,
  NUMBER_PERMISSIONS,
  type NumberPermission,
  RESOLUTIONS,
  type Resolution,
  type Service,
  type ServiceFields,
  type ServicePhoneNumber,
  WEBHOOK_CONTENT_TYPES,
  type WebhookContentType,
} from "./schemas";
