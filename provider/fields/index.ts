/**
 * The field tables of every resource: the one description each resource's
 * validation, diff, request bodies, README inputs table and provider schema
 * derive from.
 */
import { FAX_EMAIL_FIELDS } from "./fax-email";
import { FAX_SERVICE_FIELDS } from "./fax-service";
import { NUMBER_ROUTE_FIELDS } from "./number-route";
import type { FieldTable } from "./table";

/** Every resource's field table, by resource name. */
export const RESOURCE_TABLES: Readonly<Record<string, FieldTable>> = {
  FaxService: FAX_SERVICE_FIELDS,
  FaxEmail: FAX_EMAIL_FIELDS,
  FaxNumberRoute: NUMBER_ROUTE_FIELDS,
};
