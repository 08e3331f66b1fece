import { createHash } from "node:crypto";
import { z } from "zod";

import { IMAGE_CONVERSION_METHODS, RESOLUTIONS, WEBHOOK_CONTENT_TYPES } from "../fields/fax-service";

export { IMAGE_CONVERSION_METHODS, RESOLUTIONS, type ServiceFields, WEBHOOK_CONTENT_TYPES } from "../fields/fax-service";

import { NUMBER_PERMISSIONS } from "../fields/numbers";

export { NUMBER_PERMISSIONS } from "../fields/numbers";

/** How Sinch posts a fax to the incoming webhook. */
export type WebhookContentType = (typeof WEBHOOK_CONTENT_TYPES)[number];
/** How outbound documents are turned black and white. */
export type ImageConversionMethod = (typeof IMAGE_CONVERSION_METHODS)[number];
/** `FINE` (200 dpi) or `SUPERFINE` (400 dpi). */
export type Resolution = (typeof RESOLUTIONS)[number];
/** What a number of a service may do. */
export type NumberPermission = (typeof NUMBER_PERMISSIONS)[number];

// Sinch may send null for an unset field; the client treats it as absent.
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();

// A string field without a default: `""` (how it is cleared) reads as absent too.
const clearable = z
  .string()
  .nullish()
  .transform((v) => v || undefined)
  .optional();

/** A fax service as the API returns it. */
export const serviceSchema = z.object({
  id: z.string().min(1),
  projectId: optional(z.string()),
  name: z.string(),
  incomingWebhookUrl: clearable,
  webhookContentType: optional(z.enum(WEBHOOK_CONTENT_TYPES)),
  defaultForProject: z.boolean(),
  defaultFrom: clearable,
  numberOfRetries: optional(z.number().int()),
  retryDelaySeconds: optional(z.number().int()),
  imageConversionMethod: optional(z.enum(IMAGE_CONVERSION_METHODS)),
  coverPageId: clearable,
  saveOutboundFaxDocuments: optional(z.boolean()),
  saveInboundFaxDocuments: optional(z.boolean()),
  scanIncomingBarcodes: optional(z.boolean()),
  inProgressNotifications: optional(z.boolean()),
  resolution: optional(z.enum(RESOLUTIONS)),
  createdAt: optional(z.string()),
  updatedAt: optional(z.string()),
});

/** A fax service as the API returns it. */
export type Service = z.infer<typeof serviceSchema>;

/** A phone number attached to a service. */
export const servicePhoneNumberSchema = z.object({
  phoneNumber: z.string(),
  permissions: optional(z.enum(NUMBER_PERMISSIONS)).transform((v) => v ?? "both"),
  country: optional(z.string()),
  suspended: optional(z.boolean()),
  note: optional(z.string()),
  projectId: optional(z.string()),
  serviceId: optional(z.string()),
});

/** A phone number attached to a service. */
export type ServicePhoneNumber = z.infer<typeof servicePhoneNumberSchema>;

const pagination = {
  page: z.coerce.number().int(),
  totalPages: z.coerce.number().int(),
  pageSize: z.coerce.number().int(),
  totalItems: z.coerce.number().int(),
};

/** One page of `GET /services`. */
export const serviceListSchema = z.object({
  services: optional(z.array(serviceSchema)).transform((v) => v ?? []),
  ...pagination,
});

/** One page of `GET /services/{id}/numbers`. */
export const numberListSchema = z.object({
  numbers: optional(z.array(servicePhoneNumberSchema)).transform((v) => v ?? []),
  ...pagination,
});

/**
 * A cover page as the API returns it. Its `file` (the whole PDF, base64) is
 * dropped here, so nothing downstream can keep it: only its SHA-256 remains.
 */
export const coverPageSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    projectId: optional(z.string()),
    serviceId: optional(z.string()),
    createdTime: optional(z.string()),
    updatedTime: optional(z.string()),
    file: optional(z.looseObject({ fileContent: optional(z.string()), fileType: optional(z.string()) })),
  })
  .transform(({ file, ...page }) => ({
    ...page,
    fileSha256: file?.fileContent ? createHash("sha256").update(Buffer.from(file.fileContent, "base64")).digest("hex") : undefined,
  }));

/** A cover page as the client returns it (its content reduced to a SHA-256). */
export type CoverPage = z.infer<typeof coverPageSchema>;

/** `GET /coverPages`: every page at once (the endpoint takes no paging parameters). */
export const coverPageListSchema = z.object({
  coverPages: optional(z.array(coverPageSchema)).transform((v) => v ?? []),
});

/** A number of a fax-to-email address, and what the address may do with it. */
export const emailNumberSchema = z.object({
  number: z.string(),
  permissions: optional(z.enum(NUMBER_PERMISSIONS)).transform((v) => v ?? "both"),
});

/** A number of a fax-to-email address, as requests send it. */
export type EmailNumber = z.input<typeof emailNumberSchema>;

/** A fax-to-email address of a service. */
export const emailSchema = z.object({
  email: z.string(),
  phoneNumbers: optional(z.array(emailNumberSchema)).transform((v) => v ?? []),
  projectId: optional(z.string()),
  createdAt: optional(z.string()),
  updatedAt: optional(z.string()),
});

/** A fax-to-email address as the API returns it. */
export type FaxEmail = z.infer<typeof emailSchema>;

/** One page of `GET /emails`. */
export const emailListSchema = z.object({
  emails: optional(z.array(emailSchema)).transform((v) => v ?? []),
  ...pagination,
});

const provisioningSchema = z.looseObject({
  type: optional(z.string()),
  status: optional(z.string()),
  serviceId: optional(z.string()),
  appId: optional(z.string()),
  trunkId: optional(z.string()),
  lastUpdatedTime: optional(z.string()),
});

/** A number's voice configuration (Numbers API): RTC (`appId`), EST (`trunkId`) or FAX (`serviceId`). */
export const voiceConfigurationSchema = z.looseObject({
  type: optional(z.string()),
  appId: optional(z.string()),
  trunkId: optional(z.string()),
  serviceId: optional(z.string()),
  lastUpdatedTime: optional(z.string()),
  /** Present while a change is provisioning, or when it failed. */
  scheduledVoiceProvisioning: optional(provisioningSchema),
});

/** A number's voice configuration as the API returns it. */
export type VoiceConfiguration = z.infer<typeof voiceConfigurationSchema>;

/** An active number of the project (Numbers API). */
export const activeNumberSchema = z.looseObject({
  phoneNumber: z.string(),
  projectId: optional(z.string()),
  displayName: optional(z.string()),
  regionCode: optional(z.string()),
  type: optional(z.string()),
  capability: optional(z.array(z.string())),
  voiceConfiguration: optional(voiceConfigurationSchema),
});

/** An active number as the API returns it. */
export type ActiveNumber = z.infer<typeof activeNumberSchema>;

/** One page of `GET /activeNumbers`; an empty or absent `nextPageToken` ends the list. */
export const activeNumberListSchema = z.object({
  activeNumbers: optional(z.array(activeNumberSchema)).transform((v) => v ?? []),
  nextPageToken: optional(z.string()),
  totalSize: optional(z.coerce.number().int()),
});

/** The OAuth2 token endpoint's answer. */
export const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

/**
 * Sinch's error bodies: the OpenAPI `Error` (`code` a number), the prose pages'
 * variant (`code` a string, plus `error`), with or without field violations.
 */
export const errorBodySchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  details: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        fieldViolations: z.array(z.object({ field: z.string(), description: z.string() })).optional(),
      }),
    )
    .optional(),
});
