import * as pulumi from "@pulumi/pulumi";
import * as sinchfax from "@pulumi/sinch-fax";

// The same config as the "services" program (test:services, test:routes,
// test:emails, test:secretWebhook/test:secretWebhookFor), served by the
// provider plugin (test:imports and test:lookups below too). test:second, when set ({projectId, keyId, url}, with the
// secret test:secondKeySecret), adds an explicit provider for a second project
// and one service through it.
const config = new pulumi.Config("test");
const services = config.requireObject<Record<string, sinchfax.FaxServiceArgs>>("services");
const routes = config.getObject<Record<string, { phoneNumber: string; service: string }>>("routes") ?? {};
const emails = config.getObject<Record<string, { service: string; email: string; routes: string[] }>>("emails") ?? {};
const secretWebhook = config.getSecret("secretWebhook");
const secretWebhookFor = config.get("secretWebhookFor");
const second = config.getObject<{ projectId: string; keyId: string; url: string }>("second");
// test:imports: {"<service resource name>": "<service id>"}, taken over with the `import` option.
const imports = config.getObject<Record<string, string>>("imports") ?? {};

const ids: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(services)) {
  const full: sinchfax.FaxServiceArgs = { ...args };
  if (name === secretWebhookFor && secretWebhook) full.incomingWebhookUrl = secretWebhook;
  ids[name] = new sinchfax.FaxService(name, full, imports[name] ? { import: imports[name] } : {}).id;
}

const routed: Record<string, sinchfax.FaxNumberRoute> = {};
for (const [name, { phoneNumber, service }] of Object.entries(routes)) {
  routed[name] = new sinchfax.FaxNumberRoute(name, { phoneNumber, serviceId: ids[service]! });
}

for (const [name, { service, email, routes: from }] of Object.entries(emails)) {
  const phoneNumbers = from.map((route) => ({ number: routed[route]!.phoneNumber }));
  new sinchfax.FaxEmail(name, { serviceId: ids[service]!, email, phoneNumbers }, { dependsOn: Object.values(routed) });
}

let secondServiceId: pulumi.Output<string> | undefined;
if (second) {
  const keySecret = config.requireSecret("secondKeySecret");
  const provider = new sinchfax.Provider("second", { projectId: second.projectId, keyId: second.keyId, keySecret, faxUrl: second.url });
  secondServiceId = new sinchfax.FaxService("in-second", { name: "In the second project" }, { provider }).id;
}

// test:lookups: the functions, for a program that reads services it does not manage.
export const lookups = config.getBoolean("lookups")
  ? {
      defaultService: sinchfax.getDefaultFaxServiceOutput({}).apply((s) => s.id),
      byName: sinchfax.getFaxServiceOutput({ name: "Default service" }).apply((s) => ({ id: s.id, numbers: s.numbers })),
      names: sinchfax.listFaxServicesOutput({}).apply((l) => l.services.map((s) => s.name).sort()),
    }
  : undefined;
export { ids, secondServiceId };
