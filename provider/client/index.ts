/** The typed REST client of the Sinch Fax API v3 (services, their numbers, cover pages, fax-to-email) and the Numbers API's active numbers. */
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
export { NumbersClient, type VoiceRoute } from "./numbers";
export {
  DEFAULT_AUTH_URL,
  GLOBAL_FAX_URL,
  GLOBAL_NUMBERS_URL,
  REGIONS,
  type Region,
  type RetryOptions,
  regionUrl,
  type SinchFaxClientOptions,
} from "./options";
export {
  type ActiveNumber,
  type CoverPage,
  type EmailNumber,
  type FaxEmail,
  IMAGE_CONVERSION_METHODS,
  type ImageConversionMethod,
  NUMBER_PERMISSIONS,
  type NumberPermission,
  RESOLUTIONS,
  type Resolution,
  type Service,
  type ServiceFields,
  type ServicePhoneNumber,
  type VoiceConfiguration,
  WEBHOOK_CONTENT_TYPES,
  type WebhookContentType,
} from "./schemas";
