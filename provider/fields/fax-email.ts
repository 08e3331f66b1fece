import { z } from "zod";
import { matching, oneOf, phoneNumber, ULID } from "./checks";
import { NUMBER_PERMISSIONS } from "./numbers";
import type { FieldTable, OutputTable } from "./table";

/** A number a fax-to-email address receives from, and what it may do with it. */
export interface EmailNumberInput {
  number: string;
  permissions: (typeof NUMBER_PERMISSIONS)[number];
}

/** Two number lists are the same when they hold the same numbers with the same permissions, in any order. */
export function sameNumbers(current: unknown, desired: unknown): boolean {
  const key = (list: unknown) => {
    const entries = (Array.isArray(list) ? (list as EmailNumberInput[]) : []).map((n) => `${n.number}:${n.permissions ?? "both"}`);
    // Stryker disable next-line StringLiteral: "number:permissions" entries cannot run together into another list's
    return entries.sort().join(",");
  };
  return key(current) === key(desired);
}

/** Every input of a FaxEmail: an address that receives a service's inbound faxes, and the service numbers it receives from. */
export const FAX_EMAIL_FIELDS = {
  serviceId: {
    kind: "input",
    schema: matching(ULID, "must be a fax service id (a ULID)"),
    replaces: true,
    required: true,
    doc: "The fax service whose inbound faxes the address receives",
    limits: "a service id (a FaxService's `id`)",
  },
  email: {
    kind: "api",
    // RFC 5321 bounds an address (its path, less the angle brackets) at 254 characters; Sinch refuses longer.
    schema: z.email({ error: "must be an email address" }).max(254, { error: "must be at most 254 characters (RFC 5321)" }),
    replaces: true,
    required: true,
    doc: "The email address; Sinch cannot change it in place, so a change replaces the resource",
    limits: "an email address, at most 254 characters",
  },
  phoneNumbers: {
    kind: "api",
    schema: z
      .array(
        z.object({
          number: phoneNumber.describe("One of the service's numbers, in E.164"),
          permissions: oneOf(NUMBER_PERMISSIONS).default("both").describe("What the address may do with it: both, send or receive"),
        }),
        {
          error: "must be a list of { number, permissions? }",
        },
      )
      .refine((list) => new Set(list.map((n) => n.number)).size === list.length, { error: "must not list a number twice" }),
    default: [],
    typeName: "FaxEmailNumber",
    same: sameNumbers,
    doc: "The service numbers whose faxes the address receives (order does not matter)",
    limits: "a list of `{ number, permissions? }`: E.164 numbers of the service; permissions `both` (default), `send` or `receive`",
  },
  projectId: {
    kind: "input",
    schema: z.string({ error: "must be a project id" }).min(1, { error: "must not be empty" }),
    replaces: true,
    defaultText: "`sinch:projectId`",
    doc: "The Sinch project",
    limits: "a Sinch project id",
  },
} as const satisfies FieldTable;

/** A FaxEmail's outputs besides its inputs. */
export const FAX_EMAIL_OUTPUTS = {
  createdAt: { schema: z.string(), doc: "When Sinch created the address (ISO 8601)" },
  updatedAt: { schema: z.string(), doc: "When Sinch last changed it (ISO 8601)" },
} as const satisfies OutputTable;
