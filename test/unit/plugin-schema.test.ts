import { SETTING_SOURCES } from "../../provider/core/config";
import { RESOURCES } from "../../provider/fields";
import { FUNCTIONS } from "../../provider/plugin/function-specs";
import { packageSchema, token } from "../../provider/plugin/schema";

type Property = { type?: string; $ref?: string; items?: Property; secret?: boolean; willReplaceOnChanges?: boolean; description?: string };
type Resource = {
  inputProperties: Record<string, Property>;
  requiredInputs: string[];
  properties: Record<string, Property>;
  required: string[];
};

const schema = packageSchema("1.2.3") as {
  name: string;
  version: string;
  config: { variables: Record<string, Property> };
  provider: { inputProperties: Record<string, Property>; properties: Record<string, Property> };
  types: Record<string, { properties: Record<string, Property>; required?: string[] }>;
  resources: Record<string, Resource>;
  functions: Record<string, { inputs: { properties: Record<string, Property> }; outputs: { properties: Record<string, Property> } }>;
};

describe("the plugin's schema, derived from the field tables", () => {
  test("one resource per table, every field an input with its doc, type, secrecy and replacement", () => {
    expect(schema.name).toBe("sinch-fax");
    expect(schema.version).toBe("1.2.3");
    expect(Object.keys(schema.resources).sort()).toEqual(Object.keys(RESOURCES).map(token).sort());
    for (const [name, spec] of Object.entries(RESOURCES)) {
      const resource = schema.resources[token(name)]!;
      expect(Object.keys(resource.inputProperties)).toEqual(Object.keys(spec.fields));
      expect(Object.keys(resource.properties)).toEqual([...new Set([...Object.keys(spec.fields), ...Object.keys(spec.outputs)])]);
      for (const [field, fieldSpec] of Object.entries(spec.fields)) {
        const input = resource.inputProperties[field]!;
        expect(input.description).toContain(fieldSpec.doc);
        expect(input.secret === true).toBe(fieldSpec.sensitive === true);
        expect(input.willReplaceOnChanges === true).toBe(fieldSpec.replaces === true);
        expect(resource.requiredInputs.includes(field)).toBe(fieldSpec.required === true);
      }
    }
  });

  test("types follow the values: integers, booleans, lists of named object types", () => {
    const service = schema.resources[token("FaxService")]!;
    expect(service.inputProperties.numberOfRetries!.type).toBe("integer");
    expect(service.inputProperties.scanIncomingBarcodes!.type).toBe("boolean");
    expect(service.inputProperties.coverPages).toMatchObject({ type: "array", items: { $ref: `#/types/${token("CoverPage")}` } });
    expect(service.properties.coverPages).toMatchObject({ type: "array", items: { $ref: `#/types/${token("UploadedCoverPage")}` } });
    expect(schema.types[token("CoverPage")]).toMatchObject({
      properties: { name: { type: "string" }, file: { type: "string" } },
      required: ["name", "file"],
    });
    expect(schema.types[token("UploadedCoverPage")]!.properties.size!.type).toBe("integer");
    expect(schema.resources[token("FaxEmail")]!.inputProperties.phoneNumbers!.items!.$ref).toBe(`#/types/${token("FaxEmailNumber")}`);
    expect(schema.resources[token("FaxNumberRoute")]!.properties.originalRoute!.$ref).toBe(`#/types/${token("VoiceRoute")}`);
    expect(service.required).toEqual(expect.arrayContaining(["name", "resolution", "numbers", "adopted", "projectId"]));
    expect(service.required).not.toContain("incomingWebhookUrl");
  });

  test("config: every setting, the key secret secret, also as the inputs of an explicit provider", () => {
    expect(Object.keys(schema.config.variables)).toEqual(Object.keys(SETTING_SOURCES));
    expect(schema.config.variables.keySecret!.secret).toBe(true);
    expect(schema.config.variables.defaultHandoffTimeout!.type).toBe("integer");
    expect(schema.config.variables.keyId!.description).toContain("SINCH_KEY_ID");
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
    expect(schema.provider.properties.keySecret).toBeUndefined();
  });

  test("functions: arguments and results", () => {
    expect(Object.keys(schema.functions).sort()).toEqual(Object.keys(FUNCTIONS).map(token).sort());
    const get = schema.functions[token("getFaxService")]!;
    expect(Object.keys(get.inputs.properties)).toEqual(["id", "name", "projectId"]);
    expect(get.outputs.properties.numbers!.items!.$ref).toBe(`#/types/${token("ServiceNumber")}`);
    expect(get.outputs.properties.incomingWebhookUrl!.description).toContain("***");
    const list = schema.functions[token("listFaxServices")]!;
    expect(list.outputs.properties.services!.items!.$ref).toBe(`#/types/${token("FaxServiceInfo")}`);
    expect(Object.keys(schema.types[token("FaxServiceInfo")]!.properties)).toEqual(
      expect.arrayContaining(["id", "name", "defaultForProject"]),
    );
  });
});
