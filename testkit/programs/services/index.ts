import * as pulumi from "@pulumi/pulumi";
import { FaxService, type FaxServiceArgs } from "pulumi-sinch-fax";
import { LegacyFaxService } from "./legacy";

// test:services is {"<resource name>": {<FaxService args>}}; test:secretWebhook
// (a secret) becomes the webhook of the service named by test:secretWebhookFor;
// test:legacyProvider registers them with the first release's provider shape.
const config = new pulumi.Config("test");
const services = config.requireObject<Record<string, FaxServiceArgs>>("services");
const secretWebhook = config.getSecret("secretWebhook");
const secretWebhookFor = config.get("secretWebhookFor");
const legacy = config.getBoolean("legacyProvider") ?? false;

const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(services)) {
  const full = { ...args, incomingWebhookUrl: name === secretWebhookFor ? secretWebhook : args.incomingWebhookUrl };
  ids[name] = (legacy ? new LegacyFaxService(name, full) : new FaxService(name, full)).id;
}

export { ids };
