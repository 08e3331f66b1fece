/** The typed REST client of the Sinch Fax API v3 services endpoints. */
export { SinchFaxClient, type ServicePage } from "./client";
export {
  SinchFaxError,
  SinchHttpError,
  SinchNetworkError,
  SinchTimeoutError,
  SinchResponseError,
  isSinchFaxError,
  isSinchHttpError,
  isRefusal,
  type CallFailure,
  type HttpFailure,
  type FieldViolation,
} from "./errors";
export {
  REGIONS,
  GLOBAL_FAX_URL,
  DEFAULT_AUTH_URL,
  regionUrl,
  type Region,
  type RetryOptions,
  type SinchFaxClientOptions,
} from "./options";
export {
  WEBHOOK_CONTENT_TYPES,
  IMAGE_CONVERSION_METHODS,
  RESOLUTIONS,
  NUMBER_PERMISSIONS,
  type Service,
  type ServiceFields,
  type ServicePhoneNumber,
} from "./schemas";
