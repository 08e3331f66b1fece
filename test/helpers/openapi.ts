import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { parse } from "yaml";
import type { LoggedRequest } from "../../emulator";

/** Sinch's OpenAPI 3.1 file (MIT), copied from the reference folder. */
const SPEC_FILE = join(__dirname, "..", "fixtures", "sinch-fax-v3-openapi.yaml");

type Json = Record<string, any>;

/** The OpenAPI document with every local `$ref` made absolute, so sub-schemas compile alone. */
function loadSpec(): Json {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === "object") {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `sinch${v}` : rewrite(v);
      }
      return out;
    }
    return node;
  };
  return rewrite(parse(readFileSync(SPEC_FILE, "utf8"))) as Json;
}

const spec = loadSpec();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: "sinch", components: spec.components });

function compile(schema: Json): ValidateFunction {
  return ajv.compile(schema);
}

const servicesPath = spec.paths["/v3/projects/{projectId}/services"];
const servicePath = spec.paths["/v3/projects/{projectId}/services/{id}"];
const numbersPath = spec.paths["/v3/projects/{projectId}/services/{id}/numbers"];

/** Validators of every response body the services endpoints document. */
export const responseSchemas = {
  create: compile(servicesPath.post.responses["201"].content["application/json"].schema),
  list: compile({ $ref: "sinch#/components/responses/ServiceList/content/application~1json/schema" }),
  get: compile(servicePath.get.responses["200"].content["application/json"].schema),
  update: compile(servicePath.patch.responses["200"].content["application/json"].schema),
  numbers: compile(numbersPath.get.responses["200"].content["application/json"].schema),
  error: compile({ $ref: "sinch#/components/schemas/Error" }),
};

/** Validators of the request bodies the services endpoints document (both are the Service schema). */
export const requestSchemas = {
  create: compile(servicesPath.post.requestBody.content["application/json"].schema),
  update: compile(servicePath.patch.requestBody.content["application/json"].schema),
};

/** The property names the OpenAPI file gives a schema (for checking that nothing extra is sent). */
export function schemaProperties(name: string): string[] {
  return Object.keys(spec.components.schemas[name].properties);
}

/** Asserts a body validates, with ajv's errors in the failure message. */
export function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  if (!ok) throw new Error(`body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}

/** The properties of a schema a client may send: those not marked `readOnly` (on the property or what it refers to). */
export function writableProperties(name: string): string[] {
  const properties: Record<string, Json> = spec.components.schemas[name].properties;
  const readOnly = (property: Json): boolean => {
    if (property.readOnly === true) return true;
    const ref = typeof property.$ref === "string" ? /^sinch#\/components\/schemas\/(.+)$/.exec(property.$ref) : null;
    return ref?.[1] !== undefined && spec.components.schemas[ref[1]]?.readOnly === true;
  };
  return Object.entries(properties)
    .filter(([, property]) => !readOnly(property))
    .map(([key]) => key);
}

const writableService = new Set(writableProperties("Service"));

/**
 * Asserts that every logged services request with a body (POST /services,
 * PATCH /services/{id}) sent a JSON object that validates against the OpenAPI
 * request schema and holds only documented, writable Service properties.
 * Throws one error listing every offending request.
 */
export function expectRequestsConform(requests: readonly LoggedRequest[]): void {
  const problems: string[] = [];
  for (const request of requests) {
    const validate =
      request.operation === "create" ? requestSchemas.create : request.operation === "update" ? requestSchemas.update : undefined;
    if (!validate) continue;
    const where = `#${request.seq} ${request.method} ${request.path}`;
    const body = request.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      problems.push(`${where}: the body is not a JSON object: ${JSON.stringify(body)}`);
      continue;
    }
    if (!validate(body)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}: ${JSON.stringify(body)}`);
    const extra = Object.keys(body).filter((key) => !writableService.has(key));
    if (extra.length > 0) problems.push(`${where}: not writable Service properties: ${extra.join(", ")}`);
  }
  if (problems.length > 0) throw new Error(`requests that do not conform to the OpenAPI file:\n${problems.join("\n")}`);
}
