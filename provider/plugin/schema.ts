import { z } from "zod";
import { SETTING_SOURCES } from "../core/config";
import { RESOURCES } from "../fields";
import type { ResourceSpec } from "../fields/table";
import { FUNCTIONS } from "./function-specs";

/** The plugin's package name: resource tokens are `sinch-fax:index:<Resource>`, config keys `sinch-fax:<key>`. */
export const PACKAGE = "sinch-fax";

/** A resource's or function's type token. */
export function token(name: string): string {
  return `${PACKAGE}:index:${name}`;
}

/** A property of the Pulumi package schema (the subset this package uses). */
export interface SchemaProperty {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: SchemaProperty;
  $ref?: string;
  description?: string;
  secret?: boolean;
  willReplaceOnChanges?: boolean;
}

/** An object type of the schema. */
interface ObjectType {
  type: "object";
  description?: string;
  properties: Record<string, SchemaProperty>;
  required?: string[];
}

type Json = { type?: string; items?: Json; anyOf?: Json[]; properties?: Record<string, Json>; required?: string[]; description?: string };

/**
 * The schema type of a value, from its zod schema: objects become named types
 * (`typeName`), a choice of forms takes its first (a cover page's file is a
 * path; a TypeScript FileAsset is the dynamic resource's extra).
 */
function propertyOf(json: Json, typeName: string | undefined, types: Record<string, ObjectType>): SchemaProperty {
  if (json.anyOf?.[0]) return propertyOf(json.anyOf[0], typeName, types);
  if (json.type === "array" && json.items) return { type: "array", items: propertyOf(json.items, typeName, types) };
  if (json.type === "object") {
    if (!typeName) throw new Error("an object-valued field needs a typeName");
    const properties: Record<string, SchemaProperty> = {};
    for (const [name, value] of Object.entries(json.properties ?? {})) {
      properties[name] = withDescription(propertyOf(value, undefined, types), value.description);
    }
    types[token(typeName)] = { type: "object", properties, ...(json.required?.length ? { required: json.required } : {}) };
    return { $ref: `#/types/${token(typeName)}` };
  }
  const type = json.type === "integer" || json.type === "number" || json.type === "boolean" ? json.type : "string";
  return { type };
}

function withDescription(property: SchemaProperty, description: string | undefined): SchemaProperty {
  return description ? { ...property, description } : property;
}

function jsonOf(schema: z.ZodType, io: "input" | "output"): Json {
  return z.toJSONSchema(schema, { unrepresentable: "any", io }) as Json;
}

/** A resource's schema: inputs from its field table, outputs from the table and its other outputs. */
function resourceSchema(spec: ResourceSpec, types: Record<string, ObjectType>) {
  const inputProperties: Record<string, SchemaProperty> = {};
  const properties: Record<string, SchemaProperty> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(spec.fields)) {
    const description = `${field.doc}. Limits: ${field.limits}.${field.default === undefined ? "" : ` Default: ${JSON.stringify(field.default)}.`}`;
    const property: SchemaProperty = {
      ...propertyOf(jsonOf(field.schema, "input"), field.typeName, types),
      description,
      ...(field.sensitive ? { secret: true } : {}),
    };
    inputProperties[name] = field.replaces ? { ...property, willReplaceOnChanges: true } : property;
    properties[name] = property;
    if (field.required || field.default !== undefined) required.push(name);
  }
  for (const [name, output] of Object.entries(spec.outputs)) {
    properties[name] = { ...propertyOf(jsonOf(output.schema, "output"), output.typeName, types), description: output.doc };
    if (output.always && !required.includes(name)) required.push(name);
  }
  const requiredInputs = Object.entries(spec.fields)
    .filter(([, field]) => field.required)
    .map(([name]) => name);
  return { description: spec.doc, inputProperties, requiredInputs, properties, required };
}

/** The provider's settings, as config variables and as the inputs of an explicit provider resource. */
function configSchema(): Record<string, SchemaProperty> {
  const variables: Record<string, SchemaProperty> = {};
  for (const [name, source] of Object.entries(SETTING_SOURCES)) {
    variables[name] = {
      type: source.type,
      // The provider reads the variable itself: an SDK-side default would carry the secret through the program.
      description: `${source.doc}. Environment variable: ${source.env}.`,
      ...("secret" in source && source.secret ? { secret: true } : {}),
    };
  }
  return variables;
}

/** The Pulumi package schema of the plugin, derived from the field tables, the settings and the functions. */
export function packageSchema(version: string): Record<string, unknown> {
  const types: Record<string, ObjectType> = {};
  const resources: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(RESOURCES)) resources[token(name)] = resourceSchema(spec, types);
  const functions: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    const outputs = resourceSchema({ doc: fn.doc, fields: {}, outputs: fn.outputs }, types);
    const inputs = resourceSchema({ doc: fn.doc, fields: fn.inputs, outputs: {} }, types);
    functions[token(name)] = {
      description: fn.doc,
      inputs: { properties: inputs.inputProperties, required: inputs.requiredInputs },
      outputs: { properties: outputs.properties, required: outputs.required },
    };
  }
  const config = configSchema();
  return {
    name: PACKAGE,
    displayName: "Sinch Fax",
    version,
    description:
      "A Sinch Fax API setup as code: fax services with their cover pages, fax-to-email addresses, and numbers routed to services.",
    keywords: ["pulumi", "sinch", "fax", "category/utility"],
    license: "MIT",
    repository: "https://github.com/pulumi-sinch-fax/pulumi-sinch-fax",
    publisher: "pulumi-sinch-fax",
    meta: { moduleFormat: "(.*)" },
    config: { variables: config },
    provider: {
      description:
        "The Sinch Fax provider: one Sinch project's credentials and settings. Declare one per set of credentials to manage several projects from one program.",
      inputProperties: config,
      properties: Object.fromEntries(Object.entries(config).filter(([, p]) => !p.secret)),
    },
    types,
    resources,
    functions,
    language: { nodejs: { respectSchemaVersion: true }, python: { respectSchemaVersion: true } },
  };
}
