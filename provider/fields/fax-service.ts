import { z } from "zod";
import { bool, integer, matching, oneOf, phoneNumber, text, ULID, webhookUrl } from "./checks";
import { NUMBER_PERMISSIONS } from "./numbers";
import type { BodyOf, DesiredOf, FieldTable, OutputTable } from "./table";
import { sameWebhook } from "./webhook";

/** The largest cover page PDF accepted: Sinch documents no limit; cover pages are a page or two. */
export const MAX_COVER_PAGE_MIB = 5;

/** A PDF file: a path, or a `pulumi.asset.FileAsset` (which reaches the provider as an object with its `path`). */
const pdfFile = z.union([z.string().min(1), z.looseObject({ path: z.string().min(1) })], {
  error: "must be a file path or a FileAsset",
});

/** Values of `webhookContentType`. */
export const WEBHOOK_CONTENT_TYPES = ["multipart/form-data", "application/json"] as const;
/** Values of `imageConversionMethod`. */
export const IMAGE_CONVERSION_METHODS = ["HALFTONE", "MONOCHROME"] as const;
/** Values of `resolution`. */
export const RESOLUTIONS = ["FINE", "SUPERFINE"] as const;

/**
 * Every input of a FaxService: the writable fields of a Sinch fax service, in
 * the order the API documents them, then the provider's own inputs.
 */
export const FAX_SERVICE_FIELDS = {
  name: { kind: "api", schema: text(60), default: "Default service", doc: "A friendly name", limits: "1 to 60 characters" },
  incomingWebhookUrl: {
    kind: "api",
    schema: webhookUrl,
    clearable: true,
    sensitive: true,
    same: (current, desired) => sameWebhook(current as string | undefined, desired as string | undefined),
    doc: "Where Sinch posts incoming faxes; a `https://user:pass@…` password is kept secret (Sinch never shows it again)",
    limits: "http(s) URL",
  },
  webhookContentType: {
    kind: "api",
    schema: oneOf(WEBHOOK_CONTENT_TYPES),
    default: "multipart/form-data",
    doc: "How Sinch posts to the webhook",
    limits: "`multipart/form-data` or `application/json`",
  },
  defaultForProject: {
    kind: "api",
    schema: bool,
    default: false,
    defaultText: '`false` (`true` with `adopt: "default"`)',
    doc: "Whether this is the project's default service (used when a fax names none); promoted last, demoted only once another took over",
    limits: "boolean; declare at most one default per project",
  },
  defaultFrom: {
    kind: "api",
    schema: phoneNumber,
    clearable: true,
    doc: "The number faxes are sent from: one of the project's numbers or a verified one",
    limits: "E.164 number, e.g. `+15551234567`",
  },
  numberOfRetries: { kind: "api", schema: integer(0, 5), default: 3, doc: "Retries of a failed fax", limits: "whole number 0–5" },
  retryDelaySeconds: { kind: "api", schema: integer(30, 300), default: 60, doc: "Seconds between retries", limits: "whole number 30–300" },
  imageConversionMethod: {
    kind: "api",
    schema: oneOf(IMAGE_CONVERSION_METHODS),
    default: "HALFTONE",
    doc: "How outbound documents are turned black and white",
    limits: "`HALFTONE` or `MONOCHROME`",
  },
  coverPageId: {
    kind: "api",
    schema: matching(ULID, "must be a cover page id (a ULID)"),
    clearable: true,
    doc: "The cover page added to every outbound fax",
    limits: "a cover page ULID of this service",
  },
  saveOutboundFaxDocuments: {
    kind: "api",
    schema: bool,
    default: true,
    doc: "Keep documents of sent faxes (13 months)",
    limits: "boolean",
  },
  saveInboundFaxDocuments: {
    kind: "api",
    schema: bool,
    default: true,
    doc: "Keep documents of received faxes (13 months)",
    limits: "boolean",
  },
  scanIncomingBarcodes: { kind: "api", schema: bool, default: false, doc: "Detect barcodes on incoming faxes", limits: "boolean" },
  inProgressNotifications: {
    kind: "api",
    schema: bool,
    default: false,
    doc: "A webhook for each page sent of an outbound fax",
    limits: "boolean",
  },
  resolution: {
    kind: "api",
    schema: oneOf(RESOLUTIONS),
    // Sinch documents none; its reference's example of a service shows FINE, the emulator's default.
    default: "FINE",
    doc: "Fax resolution: `FINE` is 200 dpi, `SUPERFINE` 400 dpi",
    limits: "`FINE` or `SUPERFINE`",
  },
  coverPages: {
    kind: "input",
    schema: z
      .array(
        z.object(
          {
            name: text(100).describe("The page's name, unique among the service's pages"),
            file: pdfFile.describe("The PDF: a path relative to the program's folder (or, in TypeScript, a FileAsset)"),
          },
          { error: "must be a list of { name, file }" },
        ),
        {
          error: "must be a list of { name, file }",
        },
      )
      .refine((pages) => new Set(pages.map((p) => p.name)).size === pages.length, { error: "must not name two pages alike" }),
    typeName: "CoverPage",
    doc: "Cover pages of this service, each a PDF file of the program's (a path, or a `FileAsset`); state keeps each PDF's SHA-256 and size, never its content",
    limits: `a list of \`{ name, file }\`; names 1 to 100 characters, unique; PDFs up to ${MAX_COVER_PAGE_MIB} MiB`,
  },
  coverPage: {
    kind: "input",
    schema: text(100),
    doc: "The one of `coverPages` the service adds to every outbound fax (sets `coverPageId`)",
    limits: "the name of one of `coverPages`; not with `coverPageId`",
  },
  projectId: {
    kind: "input",
    schema: z.string({ error: "must be a project id" }).min(1, { error: "must not be empty" }),
    replaces: true,
    defaultText: "`sinch:projectId`",
    doc: "The Sinch project; services cannot move between projects, so a change replaces the service",
    limits: "a Sinch project id",
  },
  adopt: {
    kind: "input",
    schema: z
      .string({ error: 'must be "default" or a service id (a ULID)' })
      .refine((v) => v === "default" || ULID.test(v), { error: 'must be "default" or a service id (a ULID)' }),
    doc: "Take an existing service under management instead of creating one (read on create only); destroy releases it with its earlier settings",
    limits: '`"default"` or a service id',
  },
} as const satisfies FieldTable;

/** A FaxService's outputs besides its inputs. */
export const FAX_SERVICE_OUTPUTS = {
  projectId: { schema: z.string(), always: true, doc: "The Sinch project" },
  coverPages: {
    schema: z.array(
      z.object({
        name: z.string().describe("The page's name"),
        file: z.string().describe("The path the PDF was read from"),
        sha256: z.string().describe("The PDF's SHA-256 (hex)"),
        size: z.number().int().describe("The PDF's size in bytes"),
        id: z.string().describe("The cover page's id in Sinch"),
      }),
    ),
    typeName: "UploadedCoverPage",
    doc: "The cover pages the stack made for the service: the PDF each was made from (never its content) and its id",
  },
  coverPage: { schema: z.string(), doc: "The name of the cover page stamped on every outbound fax, when it is one of `coverPages`" },
  createdAt: { schema: z.string(), doc: "When Sinch created the service (ISO 8601)" },
  updatedAt: { schema: z.string(), doc: "When Sinch last changed it (ISO 8601)" },
  numbers: {
    schema: z.array(
      z.object({
        phoneNumber: z.string().describe("The number, in E.164"),
        permissions: z.enum(NUMBER_PERMISSIONS).describe("What the service may do with it: both, send or receive"),
        country: z.string().optional().describe("Its country (ISO 3166-1 alpha-2)"),
        suspended: z.boolean().optional().describe("Whether it is suspended for the service"),
        note: z.string().optional().describe("Why it is suspended"),
      }),
    ),
    typeName: "ServiceNumber",
    always: true,
    doc: "The phone numbers routed to the service",
  },
  adopted: {
    schema: z.boolean(),
    always: true,
    doc: "True when the service existed before the stack: destroy releases it instead of deleting it",
  },
} as const satisfies OutputTable;

/** A service's request body: its writable fields (none nullable; `""` clears one without a default). */
export type ServiceFields = BodyOf<typeof FAX_SERVICE_FIELDS>;

/** A service's fields after `check`: every field with a default present. */
export type DesiredFields = DesiredOf<typeof FAX_SERVICE_FIELDS>;
