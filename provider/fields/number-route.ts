import { z } from "zod";
import { bool, matching, phoneNumber, text, ULID } from "./checks";
import type { FieldTable, OutputTable } from "./table";

/** Every input of a FaxNumberRoute: one of the project's active numbers, routed to a fax service through the Numbers API. */
export const NUMBER_ROUTE_FIELDS = {
  phoneNumber: {
    kind: "input",
    schema: phoneNumber,
    replaces: true,
    required: true,
    doc: "One of the project's active numbers (Numbers API); it is the resource's id",
    limits: "E.164 number",
  },
  serviceId: {
    kind: "api",
    schema: matching(ULID, "must be a fax service id (a ULID)"),
    required: true,
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
    schema: text(500),
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

/** A FaxNumberRoute's outputs besides its inputs. */
export const NUMBER_ROUTE_OUTPUTS = {
  originalRoute: {
    schema: z.object({
      type: z.enum(["FAX", "RTC", "EST"]).describe("FAX (a fax service), RTC (an app; an empty appId: no route) or EST (a SIP trunk)"),
      serviceId: z.string().optional().describe("The fax service, for FAX"),
      appId: z.string().optional().describe("The app, for RTC"),
      trunkId: z.string().optional().describe("The trunk, for EST"),
    }),
    typeName: "VoiceRoute",
    always: true,
    doc: "The number's voice route before the stack routed it, which destroy puts back",
  },
} as const satisfies OutputTable;
