/**
 * The root stack: a realistic fax setup.
 *
 * - "inbound" receives faxes: a webhook whose basic-auth credentials come from
 *   a secret config value, JSON webhooks, barcode scanning. With
 *   `inboundNumber` set, that number is routed to it (Numbers API) and its
 *   faxes are mailed to `inboundEmail` too.
 * - "outbound" is the project's default service (used by every fax sent
 *   without a serviceId), taken under management with `adopt: "default"`:
 *   retries, resolution and document storage set for outbound traffic, and
 *   two cover pages (PDFs in ./covers), one stamped on every fax. On destroy
 *   it is released with its previous settings and the stack's pages deleted,
 *   so the project never loses its default.
 *
 * Config: sinch:projectId, sinch:keyId, sinch:keySecret (secret), optionally
 * sinch:region or sinch:faxUrl (and sinch:numbersUrl); and
 * sinch-fax-services:inboundWebhookUrl (secret), optionally inboundNumber,
 * inboundEmail, outboundCoverPage (Letterhead or Confidential), outboundRetries.
 */
import * as pulumi from "@pulumi/pulumi";
import { FaxEmail, FaxNumberRoute, FaxService } from "pulumi-sinch-fax";

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
  coverPages: [
    { name: "Letterhead", file: "covers/letterhead.pdf" },
    { name: "Confidential", file: "covers/confidential.pdf" },
  ],
  coverPage: config.get("outboundCoverPage") ?? "Letterhead",
});

const inboundNumber = config.get("inboundNumber");
if (inboundNumber) {
  const route = new FaxNumberRoute("inbound-number", { phoneNumber: inboundNumber, serviceId: inbound.id });
  new FaxEmail("inbound-desk", {
    serviceId: inbound.id,
    email: config.get("inboundEmail") ?? "faxes@example.com",
    phoneNumbers: [{ number: route.phoneNumber }],
  });
}

export const inboundServiceId = inbound.id;
export const inboundNumbers = inbound.numbers;
export const outboundServiceId = outbound.id;
export const outboundRetries = outbound.numberOfRetries;
