import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";

import faxServiceProvider = require("../handlers/fax-service");

import type { ImageConversionMethod, Resolution, WebhookContentType } from "../client/schemas";
import { hasCredentials } from "../fields/webhook";
import { type CoverPageState, type NumberState, WRITABLE_FIELDS } from "../resources/fax-service/fields";
import { pathProblem } from "../resources/fax-service/pdf";
import { propsOf, SinchFaxResource } from "./register";

/** A cover page of a {@link FaxService}: a name and a PDF file. */
export interface CoverPageArgs {
  /** 1 to 100 characters, unique among the service's pages. */
  name: pulumi.Input<string>;
  /** The PDF: a path relative to the program, or a `pulumi.asset.FileAsset`. */
  file: pulumi.Input<string | pulumi.asset.FileAsset>;
}

/** The arguments of a {@link FaxService}: every writable field of a Sinch fax service. All are optional. */
export interface FaxServiceArgs {
  /**
   * A friendly name, 1 to 60 characters.
   * @default "Default service"
   * @example "Inbound faxes"
   */
  name?: pulumi.Input<string> | undefined;
  /**
   * Where Sinch posts incoming faxes (http or https). Basic-auth credentials
   * (`https://user:pass@host/…`) are kept secret in state; Sinch never shows
   * the password again. None by default.
   * @example "https://faxbot:s3cret@hooks.example.com/inbound"
   */
  incomingWebhookUrl?: pulumi.Input<string> | undefined;
  /**
   * How Sinch posts to the webhook.
   * @default "multipart/form-data"
   */
  webhookContentType?: pulumi.Input<WebhookContentType> | undefined;
  /**
   * Whether this is the project's default service (used when a fax names no
   * service). Promotion happens last, once the service is fully configured;
   * a demotion waits for another service to take over. Declare at most one
   * default per project.
   * @default false (true with `adopt: "default"`)
   */
  defaultForProject?: pulumi.Input<boolean> | undefined;
  /**
   * One of the project's Sinch numbers or a verified number, in E.164. None by default.
   * @example "+15551234567"
   */
  defaultFrom?: pulumi.Input<string> | undefined;
  /**
   * Retries of a failed fax, 0 to 5.
   * @default 3
   */
  numberOfRetries?: pulumi.Input<number> | undefined;
  /**
   * Seconds between retries, 30 to 300.
   * @default 60
   */
  retryDelaySeconds?: pulumi.Input<number> | undefined;
  /**
   * How outbound documents are turned black and white.
   * @default "HALFTONE"
   */
  imageConversionMethod?: pulumi.Input<ImageConversionMethod> | undefined;
  /**
   * A cover page of this service (its ULID), added to every outbound fax. None by default.
   * @example "01HV9Z6Q3C8Y0N4J2K7W5T1RBX"
   */
  coverPageId?: pulumi.Input<string> | undefined;
  /**
   * Keep documents of sent faxes (13 months).
   * @default true
   */
  saveOutboundFaxDocuments?: pulumi.Input<boolean> | undefined;
  /**
   * Keep documents of received faxes (13 months).
   * @default true
   */
  saveInboundFaxDocuments?: pulumi.Input<boolean> | undefined;
  /**
   * Detect barcodes on incoming faxes.
   * @default false
   */
  scanIncomingBarcodes?: pulumi.Input<boolean> | undefined;
  /**
   * A webhook for each page sent of an outbound fax.
   * @default false
   */
  inProgressNotifications?: pulumi.Input<boolean> | undefined;
  /**
   * `FINE` (200 dpi) or `SUPERFINE` (400 dpi).
   * @default "FINE"
   */
  resolution?: pulumi.Input<Resolution> | undefined;
  /**
   * Cover pages of this service, each a PDF file of the program: a path
   * (relative to the program) or a `pulumi.asset.FileAsset`. A page cannot be
   * changed in place: a changed PDF or name uploads a new page, repoints the
   * service, then deletes the old one. State keeps each PDF's SHA-256 and
   * size, never its content. Up to 5 MiB a PDF.
   * @example [{ name: "Letterhead", file: "covers/letterhead.pdf" }]
   */
  coverPages?: pulumi.Input<Array<pulumi.Input<CoverPageArgs>>> | undefined;
  /**
   * The one of `coverPages` (its name) the service adds to every outbound fax:
   * it sets `coverPageId`, so give one or the other.
   * @example "Letterhead"
   */
  coverPage?: pulumi.Input<string> | undefined;
  /**
   * The Sinch project. Changing it replaces the service.
   * @default the `sinch:projectId` config, or `SINCH_PROJECT_ID`
   */
  projectId?: pulumi.Input<string> | undefined;
  /**
   * Take an existing service under management instead of creating one: a
   * service id, or `"default"` for the project's current default service.
   * Only what differs is PATCHed; on destroy the service is released with its
   * previous settings restored, not deleted. (`pulumi import` cannot work for
   * dynamic providers.) Only read on create.
   * @example "default"
   */
  adopt?: pulumi.Input<string> | undefined;
}

/** Outputs besides the service's writable fields. */
const OUTPUTS = ["coverPages", "coverPage", "projectId", "adopt", "createdAt", "updatedAt", "numbers", "adopted"];

/**
 * A Sinch Fax API v3 service managed by Pulumi. The resource id is the
 * service id. Outputs hold every field as the API reports it, server
 * defaults included.
 */
export class FaxService extends SinchFaxResource {
  /** The service's name, 1 to 60 characters. */
  declare readonly name: pulumi.Output<string>;
  /** Where Sinch posts incoming faxes; secret in state when it holds credentials. */
  declare readonly incomingWebhookUrl: pulumi.Output<string | undefined>;
  /** `multipart/form-data` or `application/json`. */
  declare readonly webhookContentType: pulumi.Output<WebhookContentType>;
  /** Whether this is the project's default service. */
  declare readonly defaultForProject: pulumi.Output<boolean>;
  /** The number faxes are sent from by default (E.164), if set. */
  declare readonly defaultFrom: pulumi.Output<string | undefined>;
  /** Retries of a failed fax, 0 to 5. */
  declare readonly numberOfRetries: pulumi.Output<number>;
  /** Seconds between retries, 30 to 300. */
  declare readonly retryDelaySeconds: pulumi.Output<number>;
  /** `HALFTONE` or `MONOCHROME`. */
  declare readonly imageConversionMethod: pulumi.Output<ImageConversionMethod>;
  /** The cover page added to every outbound fax, if set. */
  declare readonly coverPageId: pulumi.Output<string | undefined>;
  /** Whether documents of sent faxes are kept. */
  declare readonly saveOutboundFaxDocuments: pulumi.Output<boolean>;
  /** Whether documents of received faxes are kept. */
  declare readonly saveInboundFaxDocuments: pulumi.Output<boolean>;
  /** Whether barcodes are detected on incoming faxes. */
  declare readonly scanIncomingBarcodes: pulumi.Output<boolean>;
  /** Whether a webhook is sent for each page of an outbound fax. */
  declare readonly inProgressNotifications: pulumi.Output<boolean>;
  /** `FINE` or `SUPERFINE` (`FINE` when Sinch reports none). */
  declare readonly resolution: pulumi.Output<Resolution>;
  /** The cover pages of the service this stack manages: name, id, the PDF's SHA-256 and size, and its file. */
  declare readonly coverPages: pulumi.Output<CoverPageState[]>;
  /** The name of the cover page stamped on every outbound fax, when it is one of `coverPages`. */
  declare readonly coverPage: pulumi.Output<string | undefined>;
  /** The project the service belongs to. */
  declare readonly projectId: pulumi.Output<string>;
  /** When Sinch created the service (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When Sinch last changed the service (ISO 8601). */
  declare readonly updatedAt: pulumi.Output<string>;
  /** The phone numbers attached to the service (through Sinch's Numbers API), all pages. */
  declare readonly numbers: pulumi.Output<NumberState[]>;
  /** True when the service was adopted: destroy releases it instead of deleting it. */
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: FaxServiceArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const props = propsOf(args, [...WRITABLE_FIELDS, ...OUTPUTS]);
    if (args.incomingWebhookUrl !== undefined) props.incomingWebhookUrl = secretIfCredentials(args.incomingWebhookUrl);
    if (args.coverPages !== undefined) props.coverPages = withAbsolutePaths(args.coverPages);
    super(faxServiceProvider, "FaxService", name, props, opts);
  }
}

/**
 * Cover page files as absolute paths, resolved where the program runs (its
 * working directory, as for a FileAsset): the provider process may run
 * elsewhere.
 */
function withAbsolutePaths(pages: NonNullable<FaxServiceArgs["coverPages"]>): pulumi.Output<Array<{ name: string; file: string }>> {
  return pulumi.output(pages).apply((list) =>
    Promise.all(
      list.map(async ({ name, file }) => {
        const path = typeof file === "string" ? file : await (file as { path: string | Promise<string> }).path;
        // The rule check applies to the plugin's paths too, made here while the path is still as given.
        const problem = pathProblem(path, process.cwd());
        if (problem) throw new Error(`FaxService cover page ${JSON.stringify(name)}: ${problem}`);
        return { name, file: resolve(path) };
      }),
    ),
  );
}

/** A webhook URL with a password becomes a secret, so neither inputs nor outputs hold it in plain text. */
function secretIfCredentials(url: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(url).apply((u) => (typeof u === "string" && hasCredentials(u) ? pulumi.secret(u) : pulumi.output(u)));
}
