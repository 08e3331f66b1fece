import { z } from "zod";
import { matching, oneOf, phoneNumber, ULID } from "./checks";
import { NUMBER_PERMISSIONS } from "./numbers";
import type { FieldTable } from "./table";

/** A number a fax-to-email address receives from, and what it may do with it. */
export interface EmailNumberInput {
  number: string;
  permissions: (typeof NUMBER_PERMISSIONS)[number];
}

/** Two number lists are the same when they hold the same numbers with the same permissions, in any order. */
export function sameNumbers(current: unknown, desired: unknown): boolean {
  const key = (list: unknown) =>
    (Array.isArray(list) ? (list as EmailNumberInput[]) : [])
      .map((n) => `${n.number}:${n.permissions ?? "both"}`)
      .sort()
      .join(",");
  return key(current) === key(desired);
}

/** Every input of a FaxEmail: an address that receives a service's inbound faxes, and the service numbers it receives from. */
export const FAX_EMAIL_FIELDS = {
  serviceId: {
    kind: "input",
    schema: matching(ULID, "must be a fax service id (a ULID)"),
    replaces: true,
    doc: "The fax service whose inbound faxes the address receives",
    limits: "a service id (a FaxService's `id`)",
  },
  email: {
    kind: "api",
    schema: z.email({ error: "must be an email address" }),
    replaces: true,
    doc: "The email address; Sinch cannot change it in place, so a change replaces the resource",
    limits: "an email address",
  },
  phoneNumbers: {
    kind: "api",
    schema: z
      .array(z.object({ number: phoneNumber, permissions: oneOf(NUMBER_PERMISSIONS).default("both") }), {
        error: "must be a list of { number, permissions? }",
      })
      .refine((list) => new Set(list.map((n) => n.number)).size === list.length, { error: "must not list a number twice" }),
    default: [],
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
