import { z } from "zod";
import { bool, matching, phoneNumber, text, ULID } from "./checks";
import type { FieldTable } from "./table";

/** Every input of a FaxNumberRoute: one of the project's active numbers, routed to a fax service through the Numbers API. */
export const NUMBER_ROUTE_FIELDS = {
  phoneNumber: {
    kind: "input",
    schema: phoneNumber,
    replaces: true,
    doc: "One of the project's active numbers (Numbers API); it is the resource's id",
    limits: "E.164 number",
  },
  serviceId: {
    kind: "api",
    schema: matching(ULID, "must be a fax service id (a ULID)"),
    doc: "The fax service the number delivers to; a change moves the number in one `up`",
    limits: "a service id (a FaxService's `id`)",
  },
  suspended: {
    kind: "api",
    schema: bool,
    default: false,
    doc: "Suspend the number for the service (the Fax API's suspend endpoint)",
    limits: "boolean",
  },
  suspendNote: {
    kind: "api",
    schema: text(1, 500),
    clearable: true,
    doc: "Why the number is suspended (sent with `suspended: true`)",
    limits: "1 to 500 characters",
  },
  projectId: {
    kind: "input",
    schema: z.string({ error: "must be a project id" }).min(1, { error: "must not be empty" }),
    replaces: true,
    defaultText: "`sinch:projectId`",
    doc: "The Sinch project of the number and the service",
    limits: "a Sinch project id",
  },
} as const satisfies FieldTable;
