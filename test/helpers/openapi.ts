import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { parse } from "yaml";

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

/** The property names the OpenAPI file gives a schema (for checking that nothing extra is sent). */
export function schemaProperties(name: string): string[] {
  return Object.keys(spec.components.schemas[name].properties);
}

/** Asserts a body validates, with ajv's errors in the failure message. */
export function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  if (!ok) throw new Error(`body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}
