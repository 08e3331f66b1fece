/**
 * Every resource, described once: what it is, its field table (the one
 * description its validation, diff, request bodies, README inputs table and
 * provider schema derive from) and its other outputs.
 */
import { FAX_EMAIL_FIELDS, FAX_EMAIL_OUTPUTS } from "./fax-email";
import { FAX_SERVICE_FIELDS, FAX_SERVICE_OUTPUTS } from "./fax-service";
import { NUMBER_ROUTE_FIELDS, NUMBER_ROUTE_OUTPUTS } from "./number-route";
import type { FieldTable, ResourceSpec } from "./table";

/** Every resource, by name (the last part of its type token). */
export const RESOURCES: Readonly<Record<string, ResourceSpec>> = {
  FaxService: {
    doc: "A Sinch fax service: a named bundle of settings (incoming webhook, retries, resolution, document storage, whether it is the project's default), with its cover pages. Its id is the service id.",
    fields: FAX_SERVICE_FIELDS,
    outputs: FAX_SERVICE_OUTPUTS,
  },
  FaxEmail: {
    doc: "An email address that receives a fax service's inbound faxes (Sinch's fax-to-email), with the service numbers it receives from. Its id is `<serviceId>/<email>`.",
    fields: FAX_EMAIL_FIELDS,
    outputs: FAX_EMAIL_OUTPUTS,
  },
  FaxNumberRoute: {
    doc: "Routes one of the project's active numbers to a fax service through Sinch's Numbers API, waiting for Sinch to provision it; destroy puts the number's earlier route back. Its id is the phone number.",
    fields: NUMBER_ROUTE_FIELDS,
    outputs: NUMBER_ROUTE_OUTPUTS,
  },
};

/** Every resource's field table, by resource name. */
export const RESOURCE_TABLES: Readonly<Record<string, FieldTable>> = Object.fromEntries(
  Object.entries(RESOURCES).map(([name, spec]) => [name, spec.fields]),
);
