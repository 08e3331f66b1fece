import * as pulumi from "@pulumi/pulumi";
import { FaxService, type FaxServiceArgs } from "pulumi-sinch-fax";

// test:services is {"<resource name>": {<FaxService args>}}; test:secretWebhook
// (a secret) becomes the webhook of the service named by test:secretWebhookFor.
const config = new pulumi.Config("test");
const services = config.requireObject<Record<string, FaxServiceArgs>>("services");
const secretWebhook = config.getSecret("secretWebhook");
const secretWebhookFor = config.get("secretWebhookFor");

const created: Record<string, FaxService> = {};
for (const [name, args] of Object.entries(services)) {
  created[name] = new FaxService(name, {
    ...args,
    incomingWebhookUrl: name === secretWebhookFor ? secretWebhook : args.incomingWebhookUrl,
  });
}

export const ids = Object.fromEntries(Object.entries(created).map(([name, s]) => [name, s.id]));
