/**
 * A whole fax setup as code:
 * - "outbound" sends faxes, stamping one of its two cover pages (PDFs kept in
 *   ./covers) on each; the other stays available to faxes that name it.
 * - "inbound" receives faxes on two numbers, routed to it through Sinch's
 *   Numbers API, and mails them to a fax-to-email address.
 *
 * Config (full-setup:…): mainNumber and secondNumber (two of the project's
 * active numbers, E.164); secondTo (inbound or outbound, default outbound:
 * change it to move the number in one `up`); coverPage (Letterhead or
 * Confidential); email (default faxes@example.com); emailBoth (true: the
 * address also receives the second number's faxes, when it is inbound's).
 */
import * as pulumi from "@pulumi/pulumi";
import { FaxEmail, type FaxEmailNumberArgs, FaxNumberRoute, FaxService } from "pulumi-sinch-fax";

const config = new pulumi.Config();
const secondTo = config.get("secondTo") ?? "outbound";

const outbound = new FaxService("outbound", {
  name: "Outbound faxes",
  resolution: "SUPERFINE",
  coverPages: [
    { name: "Letterhead", file: "covers/letterhead.pdf" },
    { name: "Confidential", file: new pulumi.asset.FileAsset("covers/confidential.pdf") },
  ],
  coverPage: config.get("coverPage") ?? "Letterhead",
});

const inbound = new FaxService("inbound", { name: "Inbound faxes", webhookContentType: "application/json" });

const main = new FaxNumberRoute("main", { phoneNumber: config.require("mainNumber"), serviceId: inbound.id });
const second = new FaxNumberRoute("second", {
  phoneNumber: config.require("secondNumber"),
  serviceId: secondTo === "inbound" ? inbound.id : outbound.id,
});

// The address receives from numbers of its service: they are routed first.
const receivesFrom: FaxEmailNumberArgs[] = [{ number: main.phoneNumber }];
if (secondTo === "inbound" && config.getBoolean("emailBoth")) receivesFrom.push({ number: second.phoneNumber, permissions: "receive" });
const desk = new FaxEmail(
  "desk",
  { serviceId: inbound.id, email: config.get("email") ?? "faxes@example.com", phoneNumbers: receivesFrom },
  { dependsOn: [main, second] },
);

export const outboundServiceId = outbound.id;
export const coverPages = outbound.coverPages;
export const inboundServiceId = inbound.id;
export const inboundNumbers = inbound.numbers;
export const email = desk.email;
