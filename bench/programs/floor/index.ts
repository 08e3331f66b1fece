import * as pulumi from "@pulumi/pulumi";

// Installed into node_modules by the benchmark, so it is captured as require("sinch-fax-bench-floor").
// With test:sameState, the floor that carries FaxService's state, and a program that registers its outputs.
const sameState = new pulumi.Config("test").getBoolean("sameState") ?? false;
const floor: pulumi.dynamic.ResourceProvider = sameState ? require("sinch-fax-bench-floor/same-state") : require("sinch-fax-bench-floor");
/** What FaxService registers beside its arguments: every writable field and its outputs. */
const OUTPUTS = [
  ...["name", "incomingWebhookUrl", "webhookContentType", "defaultForProject", "defaultFrom", "numberOfRetries"],
  ...["retryDelaySeconds", "imageConversionMethod", "coverPageId", "saveOutboundFaxDocuments", "saveInboundFaxDocuments"],
  ...["scanIncomingBarcodes", "inProgressNotifications", "resolution", "coverPages", "coverPage", "projectId", "adopt"],
  ...["createdAt", "updatedAt", "numbers", "adopted"],
];

/** Registered as FaxService is: from a package module, no per-promise stack traces, the program's line as source position. */
const { FloorResource: Registered } = require("sinch-fax-bench-floor/resource") as {
  FloorResource: new (
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: Record<string, unknown>,
    type: string,
  ) => pulumi.CustomResource;
};

/** The same inputs as FaxService, and with test:sameState a key for each of its outputs. */
function propsOf(args: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = { ...args };
  if (sameState) for (const key of OUTPUTS) props[key] ??= undefined;
  return props;
}

// The same inputs as the FaxService benchmark (test:services, and test:routes
// of the whole-setup benchmark, each depending on its service as a
// FaxNumberRoute does).
const config = new pulumi.Config("test");
const services = config.requireObject<Record<string, Record<string, unknown>>>("services");
const routes = config.getObject<Record<string, { phoneNumber: string; service: string }>>("routes") ?? {};
const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(services)) ids[name] = new Registered(floor, name, propsOf(args), "FloorService").id;
for (const [name, { phoneNumber, service }] of Object.entries(routes))
  new Registered(floor, name, propsOf({ phoneNumber, serviceId: ids[service] }), "FloorRoute");
