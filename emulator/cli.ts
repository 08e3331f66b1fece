#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./server";

const USAGE = `sinch-fax-emulator: a local emulator of the Sinch Fax API v3 (services, their
numbers, cover pages, fax-to-email) and of the Numbers API v1's active numbers

Options:
  --port <n>              port to listen on (0 = any free port; default 0)
  --host <host>           interface to listen on (default 127.0.0.1); any other
                          than loopback makes the API reachable from the network
                          and prints a warning
  --project-id <id>       project id (default: random, or the data file's)
  --key-id <id>           access key id (default: random, or the data file's)
  --key-secret <secret>   access key secret (default: random, or the data file's)
  --default-policy <p>    strict (exactly one default service) or lenient (default strict)
  --data-file <path>      keep state in this JSON file across restarts
  --token-ttl <seconds>   lifetime of OAuth2 tokens (default 3600)
  --provisioning-delay <ms>
                          time a Numbers API voice provisioning takes
                          (default 1000; PUT /_emulator/provisioning changes it)
  --control-token <t>     require this token on the control endpoints (/_emulator/),
                          from every client, as "authorization: Bearer <t>" or
                          "x-emulator-token: <t>"; without it they answer
                          loopback clients only
  --help                  show this help

Requests: bodies over 1 MiB (a cover page upload: 8 MiB) get 413; API bodies
must be application/json (the token endpoint: application/x-www-form-urlencoded),
else 415.
Service fields: null is refused (422); "" clears incomingWebhookUrl,
defaultFrom and coverPageId; resolution defaults to FINE; coverPageId must name
a cover page of the service itself.
Cover pages: PDF only, at most 5 MiB decoded, names of at most 100 characters.
Active numbers (/v1/projects/<id>/activeNumbers): seed them with
POST /_emulator/active-numbers; a voiceConfiguration PATCH completes after the
provisioning delay; {"type":"FAX","serviceId":...} makes the number one of that
fax service's numbers, {"type":"RTC","appId":""} unroutes it.
A key id is one key: it authenticates only with its own secret and project.
GET /_emulator/state masks key secrets, webhook and callback passwords as ***
and shows cover pages without their PDF.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "project-id": { type: "string" },
      "key-id": { type: "string" },
      "key-secret": { type: "string" },
      "default-policy": { type: "string" },
      "data-file": { type: "string" },
      "token-ttl": { type: "string" },
      "provisioning-delay": { type: "string" },
      "control-token": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const policy = values["default-policy"] ?? "strict";
  if (policy !== "strict" && policy !== "lenient") throw new Error("--default-policy must be strict or lenient");
  const delay = values["provisioning-delay"];
  if (delay !== undefined && !/^\d{1,6}$/.test(delay)) throw new Error("--provisioning-delay must be milliseconds, 0 to 999999");
  const emulator = await startEmulator({
    port: values.port === undefined ? 0 : Number(values.port),
    host: values.host,
    projectId: values["project-id"],
    keyId: values["key-id"],
    keySecret: values["key-secret"],
    defaultPolicy: policy,
    dataFile: values["data-file"],
    tokenTtlSeconds: values["token-ttl"] === undefined ? undefined : Number(values["token-ttl"]),
    provisioningDelayMs: delay === undefined ? undefined : Number(delay),
    controlToken: values["control-token"],
    onWarning: (message) => console.error(`sinch-fax-emulator: warning: ${message}`),
  });
  console.log(`Sinch Fax emulator listening on ${emulator.url} (policy ${policy})`);
  console.log(`  SINCH_FAX_URL=${emulator.url}`);
  console.log(`  SINCH_AUTH_URL=${emulator.url}/oauth2/token`);
  console.log(`  SINCH_PROJECT_ID=${emulator.projectId}`);
  console.log(`  SINCH_KEY_ID=${emulator.keyId}`);
  console.log(`  SINCH_KEY_SECRET=${emulator.keySecret}`);
  console.log(`  the Numbers API (active numbers) is served on the same URL`);
  if (values["data-file"]) console.log(`  state: ${values["data-file"]}`);
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: Error) => {
  console.error(`sinch-fax-emulator: ${e.message}`);
  process.exit(2);
});
