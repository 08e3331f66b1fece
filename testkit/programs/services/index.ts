import * as pulumi from "@pulumi/pulumi";
import { FaxEmail, FaxNumberRoute, FaxService, type FaxServiceArgs } from "pulumi-sinch-fax";
import { LegacyFaxService } from "./legacy";

// test:services is {"<resource name>": {<FaxService args>}} (cover page files
// are under ./covers); test:secretWebhook (a secret) becomes the webhook of the
// service named by test:secretWebhookFor; test:legacyProvider registers them
// with the first release's provider shape. test:routes is {"<name>":
// {phoneNumber, service: "<service resource name>"}}; test:emails is
// {"<name>": {service, email, routes: ["<route name>"]}}.
const config = new pulumi.Config("test");
const services = config.requireObject<Record<string, FaxServiceArgs>>("services");
const routes = config.getObject<Record<string, { phoneNumber: string; service: string }>>("routes") ?? {};
const emails = config.getObject<Record<string, { service: string; email: string; routes: string[] }>>("emails") ?? {};
const secretWebhook = config.getSecret("secretWebhook");
const secretWebhookFor = config.get("secretWebhookFor");
const legacy = config.getBoolean("legacyProvider") ?? false;

const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(services)) {
  const full = { ...args, incomingWebhookUrl: name === secretWebhookFor ? secretWebhook : args.incomingWebhookUrl };
  ids[name] = (legacy ? new LegacyFaxService(name, full) : new FaxService(name, full)).id;
}

const routed: Record<string, FaxNumberRoute> = {};
for (const [name, { phoneNumber, service }] of Object.entries(routes)) {
  routed[name] = new FaxNumberRoute(name, { phoneNumber, serviceId: ids[service]! });
}

for (const [name, { service, email, routes: from }] of Object.entries(emails)) {
  const phoneNumbers = from.map((route) => ({ number: routed[route]!.phoneNumber }));
  new FaxEmail(name, { serviceId: ids[service]!, email, phoneNumbers }, { dependsOn: Object.values(routed) });
}

export { ids };
