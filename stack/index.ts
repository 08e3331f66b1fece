/**
 * The root stack: a realistic pair of Sinch fax services.
 *
 * - "inbound" receives faxes: a webhook whose basic-auth credentials come from
 *   a secret config value, JSON webhooks, barcode scanning.
 * - "outbound" is the project's default service (used by every fax sent
 *   without a serviceId), taken under management with `adopt: "default"`:
 *   retries, resolution and document storage set for outbound traffic. On
 *   destroy it is released with its previous settings, so the project never
 *   loses its default.
 *
 * Config: sinch:projectId, sinch:keyId, sinch:keySecret (secret), optionally
 * sinch:region or sinch:faxUrl; and sinch-fax-services:inboundWebhookUrl (secret).
 */
import * as pulumi from "@pulumi/pulumi";
import { FaxService } from "pulumi-sinch-fax";

const config = new pulumi.Config();

const inbound = new FaxService("inbound", {
  name: config.get("inboundName") ?? "Inbound faxes",
  incomingWebhookUrl: config.requireSecret("inboundWebhookUrl"),
  webhookContentType: "application/json",
  scanIncomingBarcodes: true,
  saveInboundFaxDocuments: true,
});

const outbound = new FaxService("outbound", {
  adopt: "default",
  name: "Outbound faxes",
  defaultForProject: true,
  numberOfRetries: config.getNumber("outboundRetries") ?? 5,
  retryDelaySeconds: 120,
  resolution: "SUPERFINE",
  imageConversionMethod: "MONOCHROME",
  saveOutboundFaxDocuments: false,
});

export const inboundServiceId = inbound.id;
export const inboundNumbers = inbound.numbers;
export const outboundServiceId = outbound.id;
export const outboundRetries = outbound.numberOfRetries;
