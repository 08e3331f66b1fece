import { DEFAULTS, UNKNOWN, withDefaults } from "../../provider/resources/fax-service/fields";
import { checkInputs } from "../../provider/resources/fax-service/validate";

const check = (news: Record<string, unknown>, project: string | undefined = "proj-1") =>
  checkInputs(news, project, "no project configured");

describe("check: validation of every input", () => {
  const longName = "n".repeat(61);
  test.each([
    ["name", longName, "name must be at most 60 characters"],
    ["name", "", "name must not be empty"],
    ["name", 42, "name must be a string of 1 to 60 characters (got 42)"],
    ["name", true, "name must be a string of 1 to 60 characters"],
    ["name", ["a"], "name must be a string of 1 to 60 characters (got a list)"],
    ["incomingWebhookUrl", "hooks.example.com/fax", "incomingWebhookUrl must be an absolute http(s) URL"],
    ["incomingWebhookUrl", "ftp://hooks.example.com/fax", "incomingWebhookUrl must be an absolute http(s) URL"],
    ["incomingWebhookUrl", "https://bob:***@hooks.example.com/fax", "incomingWebhookUrl holds Sinch's masked password"],
    ["incomingWebhookUrl", 17, "incomingWebhookUrl must be a URL"],
    ["webhookContentType", "text/xml", "webhookContentType must be one of multipart/form-data, application/json"],
    ["webhookContentType", "JSON", "webhookContentType must be one of multipart/form-data, application/json"],
    ["defaultForProject", "true", 'defaultForProject must be true or false (got "true")'],
    ["defaultForProject", 1, "defaultForProject must be true or false (got 1)"],
    ["defaultFrom", "5551234567", "defaultFrom must be a phone number in E.164 format"],
    ["defaultFrom", "+0551234567", "defaultFrom must be a phone number in E.164 format"],
    ["defaultFrom", "+1 555 123 4567", "defaultFrom must be a phone number in E.164 format"],
    ["defaultFrom", "+1234567890123456", "defaultFrom must be a phone number in E.164 format"],
    ["numberOfRetries", 9, "numberOfRetries must be a whole number from 0 to 5 (got 9)"],
    ["numberOfRetries", -1, "numberOfRetries must be a whole number from 0 to 5"],
    ["numberOfRetries", 2.5, "numberOfRetries must be a whole number from 0 to 5"],
    ["numberOfRetries", "3", 'numberOfRetries must be a whole number from 0 to 5 (got "3")'],
    ["retryDelaySeconds", 29, "retryDelaySeconds must be a whole number from 30 to 300"],
    ["retryDelaySeconds", 301, "retryDelaySeconds must be a whole number from 30 to 300"],
    ["retryDelaySeconds", Number.NaN, "retryDelaySeconds must be a whole number from 30 to 300"],
    ["imageConversionMethod", "halftone", "imageConversionMethod must be one of HALFTONE, MONOCHROME"],
    ["imageConversionMethod", "COLOR", "imageConversionMethod must be one of HALFTONE, MONOCHROME"],
    ["coverPageId", "cover-1", "coverPageId must be a cover page id (a ULID)"],
    ["coverPageId", "01ARZ3NDEKTSV4RRFFQ69G5FAU", "coverPageId must be a cover page id (a ULID)"],
    ["saveOutboundFaxDocuments", "no", "saveOutboundFaxDocuments must be true or false"],
    ["saveInboundFaxDocuments", 0, "saveInboundFaxDocuments must be true or false"],
    ["scanIncomingBarcodes", "false", "scanIncomingBarcodes must be true or false"],
    ["inProgressNotifications", {}, "inProgressNotifications must be true or false (got an object)"],
    ["resolution", "ULTRA", "resolution must be one of FINE, SUPERFINE"],
    ["resolution", "fine", "resolution must be one of FINE, SUPERFINE"],
    ["projectId", "", "projectId must not be empty"],
    ["projectId", 12, "projectId must be a project id"],
    ["adopt", "the-default", 'adopt must be "default" or a service id (a ULID)'],
    ["adopt", true, 'adopt must be "default" or a service id (a ULID)'],
    ["colour", "red", '"colour" is not an input of FaxService (its inputs: name, incomingWebhookUrl,'],
  ])("%s = %j fails: %s", (property, value, reason) => {
    const { failures } = check({ [property]: value });
    expect(failures).toHaveLength(1);
    // The engine prints the value of a named property: a webhook URL (which may hold a password) and an unknown input are not named.
    expect(failures[0]!.property).toBe(["incomingWebhookUrl", "colour"].includes(property) ? "" : property);
    expect(failures[0]!.reason).toContain(reason);
  });

  test("every bad field is reported, one failure each", () => {
    const { failures } = check({ name: "x".repeat(61), numberOfRetries: 9, resolution: "ULTRA", defaultFrom: "1" });
    expect(failures.map((f) => f.property)).toEqual(["name", "numberOfRetries", "resolution", "defaultFrom"]);
  });

  test.each([
    ["gopher://alice:hunter2@hooks.example.com/x", "incomingWebhookUrl must be an absolute http(s) URL"],
    ["htps://alice:hunter2@hooks.example.com/x", "incomingWebhookUrl must be an absolute http(s) URL"],
    ["ftp://alice:hunter2@hooks.example.com/x", "incomingWebhookUrl must be an absolute http(s) URL"],
  ])("a webhook password never appears in a failure, and the failure names no property: %s", (url, reason) => {
    const { failures } = check({ incomingWebhookUrl: url });
    expect(failures).toEqual([{ property: "", reason: expect.stringContaining(reason) }]);
    expect(failures[0]!.reason).toContain(url.replace("hunter2", "***"));
    expect(JSON.stringify(failures)).not.toContain("hunter2");
  });

  test("a password given in any input is masked in its failure", () => {
    const { failures } = check({ name: `https://alice:hunter2@${"x".repeat(60)}`, defaultFrom: "sip://bob:s3cret@pbx" });
    expect(failures.map((f) => f.property)).toEqual(["name", "defaultFrom"]);
    expect(JSON.stringify(failures)).not.toMatch(/hunter2|s3cret/);
  });

  test.each([
    ["nmae", "name"],
    ["numberOfRetrys", "numberOfRetries"],
    ["defaultforproject", "defaultForProject"],
    ["resolutoin", "resolution"],
    ["incomingWebhookURL", "incomingWebhookUrl"],
  ])("a misspelt input %s fails at check, naming the closest one (%s)", (typo, meant) => {
    const { failures, inputs } = check({ [typo]: "https://alice:hunter2@h/x" });
    expect(failures).toEqual([{ property: "", reason: `"${typo}" is not an input of FaxService; did you mean "${meant}"?` }]);
    expect(inputs).not.toHaveProperty(typo);
  });

  test("accepts the limits themselves", () => {
    const { failures } = check({
      name: "n".repeat(60),
      incomingWebhookUrl: "http://user:pw@10.0.0.1:8080/in?x=1",
      webhookContentType: "application/json",
      defaultForProject: true,
      defaultFrom: "+15551234567",
      numberOfRetries: 0,
      retryDelaySeconds: 300,
      imageConversionMethod: "MONOCHROME",
      coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      saveOutboundFaxDocuments: false,
      saveInboundFaxDocuments: false,
      scanIncomingBarcodes: true,
      inProgressNotifications: true,
      resolution: "SUPERFINE",
      projectId: "p",
      adopt: "default",
    });
    expect(failures).toEqual([]);
    expect(check({ numberOfRetries: 5, retryDelaySeconds: 30 }).failures).toEqual([]);
  });
});

describe("check: defaults, unknowns and the project", () => {
  test("keeps what the program gave and the configured project; the defaults stay out of state and come back where inputs are used", () => {
    const { inputs, failures } = check({ name: "Only a name", numberOfRetries: 5, __provider: "x" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ name: "Only a name", numberOfRetries: 5, projectId: "proj-1" });
    expect(withDefaults(inputs)).toEqual({ ...DEFAULTS, name: "Only a name", numberOfRetries: 5, projectId: "proj-1" });
    expect(withDefaults(inputs)).not.toHaveProperty("incomingWebhookUrl");
  });

  test("a value given equal to its default is kept as given", () => {
    expect(check({ resolution: "FINE", defaultForProject: false }).inputs).toEqual({
      resolution: "FINE",
      defaultForProject: false,
      projectId: "proj-1",
    });
  });

  test("null and undefined mean not given", () => {
    const { inputs } = check({ numberOfRetries: null, resolution: undefined });
    expect(inputs).toEqual({ projectId: "proj-1" });
    expect(withDefaults(inputs).numberOfRetries).toBe(3);
    expect(withDefaults(inputs).resolution).toBe("FINE");
  });

  test("unknown values pass in any field, even booleans and numbers", () => {
    const { inputs, failures } = check({ numberOfRetries: UNKNOWN, defaultForProject: UNKNOWN, name: UNKNOWN, projectId: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ numberOfRetries: UNKNOWN, defaultForProject: UNKNOWN, name: UNKNOWN, projectId: UNKNOWN });
  });

  test("an explicit project wins; none at all is a failure naming how to set one", () => {
    expect(check({ projectId: "mine" }).inputs.projectId).toBe("mine");
    expect(checkInputs({}, undefined, "no project configured").failures).toEqual([
      { property: "projectId", reason: "no project configured" },
    ]);
  });

  test("adopting the default keeps it the default unless the program says otherwise", () => {
    expect(check({ adopt: "default" }).inputs.defaultForProject).toBe(true);
    expect(check({ adopt: "default", defaultForProject: false }).inputs.defaultForProject).toBe(false);
    expect(check({ adopt: "default", defaultForProject: null }).inputs.defaultForProject).toBe(true);
    expect(check({ adopt: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }).inputs.defaultForProject).toBeUndefined();
    expect(withDefaults(check({ adopt: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }).inputs).defaultForProject).toBe(false);
  });

  test("outputs fed back as inputs are ignored, not rejected", () => {
    expect(check({ createdAt: "x", updatedAt: "y", numbers: [], adopted: false }).failures).toEqual([]);
  });
});
