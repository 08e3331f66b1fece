import { z } from "zod";
import { matching, text, ULID } from "../fields/checks";
import { FAX_SERVICE_FIELDS, FAX_SERVICE_OUTPUTS } from "../fields/fax-service";
import { type FieldTable, fieldNames, type OutputTable } from "../fields/table";

/** A function (invoke) of the plugin: what it is, its arguments (a field table) and its results. */
export interface FunctionSpec {
  doc: string;
  inputs: FieldTable;
  outputs: OutputTable;
}

const projectId = {
  kind: "input",
  schema: z.string({ error: "must be a project id" }).min(1, { error: "must not be empty" }),
  doc: "The Sinch project",
  limits: "a Sinch project id",
  defaultText: "`sinch-fax:projectId`",
} as const;

/** A service as the functions report it: every field as Sinch reports it (a webhook password shows as `***`). */
const SERVICE_INFO_FIELDS = {
  id: { schema: z.string(), always: true, doc: "The service id" },
  projectId: { schema: z.string(), always: true, doc: "The Sinch project" },
  ...Object.fromEntries(
    fieldNames(FAX_SERVICE_FIELDS, "api").map((name) => {
      const field = FAX_SERVICE_FIELDS[name];
      const masked = name === "incomingWebhookUrl" ? " (a password shows as `***`)" : "";
      return [name, { schema: field.schema, doc: `${field.doc}${masked}`, always: "default" in field }];
    }),
  ),
  createdAt: { schema: z.string(), doc: "When Sinch created the service (ISO 8601)" },
  updatedAt: { schema: z.string(), doc: "When Sinch last changed it (ISO 8601)" },
} satisfies OutputTable;

const SERVICE_INFO: OutputTable = { ...SERVICE_INFO_FIELDS, numbers: FAX_SERVICE_OUTPUTS.numbers };

/** The functions, by name (the last part of their token). */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  getFaxService: {
    doc: "Looks up one fax service by id or by name (a service this program does not manage, say), with its numbers. A name must match exactly one service.",
    inputs: {
      id: { kind: "input", schema: matching(ULID, "must be a service id (a ULID)"), doc: "The service id", limits: "a ULID" },
      name: { kind: "input", schema: text(60), doc: "The service's name, when no id is given", limits: "1 to 60 characters" },
      projectId,
    },
    outputs: SERVICE_INFO,
  },
  getDefaultFaxService: {
    doc: "The project's default fax service (used by every fax sent without a serviceId), with its numbers.",
    inputs: { projectId },
    outputs: SERVICE_INFO,
  },
  listFaxServices: {
    doc: "Every fax service of the project (all pages), without their numbers.",
    inputs: { projectId },
    outputs: {
      projectId: { schema: z.string(), always: true, doc: "The Sinch project" },
      services: {
        schema: z.array(z.object(Object.fromEntries(Object.entries(SERVICE_INFO_FIELDS).map(([k, v]) => [k, v.schema.describe(v.doc)])))),
        typeName: "FaxServiceInfo",
        always: true,
        doc: "The services, in the order Sinch lists them",
      },
    },
  },
};
