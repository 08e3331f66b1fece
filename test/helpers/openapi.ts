import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import type { LoggedRequest } from "../../emulator";
import { type Json, loadSpec, undocumentedProperties } from "./openapi-spec";

/**
 * Sinch's OpenAPI files, copied from the reference folder: the Fax API v3
 * (3.1, MIT) as `sinch#/…` and the Numbers API v1 (3.0) as `numbers#/…`.
 */
const fax = loadSpec("sinch-fax-v3-openapi.yaml", "sinch");
const numbers = loadSpec("sinch-numbers-v1-openapi.yaml", "numbers");
const SPECS = [fax, numbers];

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: fax.id, components: fax.ajvComponents });
ajv.addSchema({ $id: numbers.id, components: numbers.ajvComponents });

function compile(schema: Json): ValidateFunction {
  return ajv.compile(schema);
}

const path = (p: string) => fax.doc.paths[`/v3/projects/{projectId}/services${p}`];
const json = (operation: Json, status: string) => operation.responses[status].content["application/json"].schema;
const requestOf = (operation: Json) => operation.requestBody.content["application/json"].schema;
const numbersRef = (name: string) => ({ $ref: `numbers#/components/schemas/${name}` });

/** Validators of every response body of the Fax API endpoints the emulator serves. */
export const responseSchemas = {
  create: compile(json(path("").post, "201")),
  list: compile({ $ref: "sinch#/components/responses/ServiceList/content/application~1json/schema" }),
  get: compile(json(path("/{id}").get, "200")),
  update: compile(json(path("/{id}").patch, "200")),
  numbers: compile(json(path("/{id}/numbers").get, "200")),
  coverCreate: compile(json(path("/{id}/coverPages").post, "200")),
  coverList: compile(json(path("/{id}/coverPages").get, "200")),
  coverGet: compile(json(path("/{id}/coverPages/{coverPageId}").get, "200")),
  emailCreate: compile(json(path("/{serviceId}/emails").post, "201")),
  emailList: compile(json(path("/{serviceId}/emails").get, "200")),
  emailUpdate: compile(json(path("/{serviceId}/emails/{email}").put, "200")),
  emailNumbers: compile(json(path("/{serviceId}/emails/{email}/numbers").get, "200")),
  numberEmails: compile(json(path("/{id}/numbers/{phoneNumber}/emails").get, "200")),
  suspend: compile(json(path("/{id}/numbers/{phoneNumber}/suspend").patch, "200")),
  error: compile({ $ref: "sinch#/components/schemas/Error" }),
};

/** Validators of the Numbers API (active numbers) response bodies, errors by status. */
export const numbersSchemas = {
  list: compile(numbersRef("ListActiveNumbersResponse")),
  get: compile(numbersRef("ActiveNumberResponse")),
  update: compile(numbersRef("ActiveNumberResponse")),
  400: compile(numbersRef("InvalidArgument")),
  404: compile(numbersRef("NotFound")),
  413: compile(numbersRef("RequestEntityTooLarge")),
  500: compile(numbersRef("InternalError")),
  /** Any error: the envelope every Numbers error body shares (the file gives no schema for 403 and the rest). */
  error: compile({
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "status"],
        properties: { code: { type: "integer" }, message: { type: "string" }, status: { type: "string" }, details: { type: "array" } },
      },
    },
  }),
};

/** The request schema of each write the emulator logs, by operation, with the name used in messages. */
const REQUESTS: Partial<Record<LoggedRequest["operation"], { schema: Json; label: string }>> = {
  create: { schema: requestOf(path("").post), label: "Service" },
  update: { schema: requestOf(path("/{id}").patch), label: "Service" },
  "cover-create": { schema: requestOf(path("/{id}/coverPages").post), label: "CoverPage" },
  "email-create": { schema: requestOf(path("/{serviceId}/emails").post), label: "Email" },
  "email-update": { schema: requestOf(path("/{serviceId}/emails/{email}").put), label: "email update" },
  suspend: { schema: requestOf(path("/{id}/numbers/{phoneNumber}/suspend").patch), label: "SuspendRequest" },
  "numbers-update": { schema: numbersRef("ActiveNumberRequest"), label: "ActiveNumberRequest" },
};

/** Validators of the request bodies the emulated endpoints document. */
export const requestSchemas = {
  create: compile(REQUESTS.create!.schema),
  update: compile(REQUESTS.update!.schema),
  coverCreate: compile(REQUESTS["cover-create"]!.schema),
  emailCreate: compile(REQUESTS["email-create"]!.schema),
  emailUpdate: compile(REQUESTS["email-update"]!.schema),
  suspend: compile(REQUESTS.suspend!.schema),
  numbersUpdate: compile(REQUESTS["numbers-update"]!.schema),
};
const REQUEST_VALIDATORS: Partial<Record<LoggedRequest["operation"], ValidateFunction>> = {
  create: requestSchemas.create,
  update: requestSchemas.update,
  "cover-create": requestSchemas.coverCreate,
  "email-create": requestSchemas.emailCreate,
  "email-update": requestSchemas.emailUpdate,
  suspend: requestSchemas.suspend,
  "numbers-update": requestSchemas.numbersUpdate,
};

/** The property names the Fax file gives a schema (for checking that nothing extra is sent). */
export function schemaProperties(name: string): string[] {
  return Object.keys(fax.doc.components.schemas[name].properties);
}

/** The properties of a Fax schema a client may send: those not marked `readOnly` (on the property or what it refers to). */
export function writableProperties(name: string): string[] {
  const properties: Record<string, Json> = fax.doc.components.schemas[name].properties;
  const readOnly = (property: Json): boolean => {
    if (property.readOnly === true) return true;
    const ref = typeof property.$ref === "string" ? /^sinch#\/components\/schemas\/(.+)$/.exec(property.$ref) : null;
    return ref?.[1] !== undefined && fax.doc.components.schemas[ref[1]]?.readOnly === true;
  };
  return Object.entries(properties)
    .filter(([, property]) => !readOnly(property))
    .map(([key]) => key);
}

/** Asserts a body validates, with ajv's errors in the failure message. */
export function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  if (!ok) throw new Error(`body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}

/**
 * Asserts a response body holds only properties its schema documents, at
 * every depth. `schema` is a `$ref` such as `sinch#/components/schemas/Email`
 * or `numbers#/components/schemas/ActiveNumberResponse`.
 */
export function expectOnlyDocumented(schema: string, body: unknown): void {
  const extra = undocumentedProperties(SPECS, { $ref: schema }, body, false);
  if (extra.length > 0) throw new Error(`undocumented properties in ${schema}: ${extra.join(", ")}\n${JSON.stringify(body)}`);
}

/**
 * Asserts that every logged request with a body the files document (service
 * POST and PATCH, cover page POST, email POST and PUT, suspend PATCH, active
 * number PATCH) sent a JSON object that validates against its request schema
 * and holds only documented, writable properties, at every depth. Throws one
 * error listing every offending request.
 */
export function expectRequestsConform(requests: readonly LoggedRequest[]): void {
  const problems: string[] = [];
  for (const request of requests) {
    const validate = REQUEST_VALIDATORS[request.operation];
    const documented = REQUESTS[request.operation];
    if (!validate || !documented) continue;
    const where = `#${request.seq} ${request.method} ${request.path}`;
    const body = request.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      problems.push(`${where}: the body is not a JSON object: ${JSON.stringify(body)}`);
      continue;
    }
    if (!validate(body)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}: ${JSON.stringify(body)}`);
    const extra = undocumentedProperties(SPECS, documented.schema, body, true);
    if (extra.length > 0) problems.push(`${where}: not writable ${documented.label} properties: ${extra.join(", ")}`);
  }
  if (problems.length > 0) throw new Error(`requests that do not conform to the OpenAPI files:\n${problems.join("\n")}`);
}
