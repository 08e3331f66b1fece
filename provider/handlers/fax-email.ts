import type * as pulumi from "@pulumi/pulumi";
import * as lifecycle from "../resources/fax-email/lifecycle";
import type { EmailInputs, EmailState } from "../resources/fax-email/plan";
import { configureDynamic } from "./configure";

/**
 * The FaxEmail provider the engine runs, as this module's whole exports: each
 * resource's `__provider` is `require("pulumi-sinch-fax/provider/handlers/fax-email")`,
 * so that package entry must stay in every release.
 */
const faxEmailProvider: pulumi.dynamic.ResourceProvider<EmailInputs, EmailState> = {
  configure: (req) => configureDynamic(req),
  check: (olds, news) => lifecycle.check(olds, news),
  diff: (id, olds, news) => lifecycle.diff(id, olds, news),
  create: (inputs) => lifecycle.create(inputs),
  // The SDK types a read's `inputs` as outputs; ours are the program's inputs, as refresh wants them.
  read: async (id, props) => (await lifecycle.read(id, props as EmailState)) as pulumi.dynamic.ReadResult<EmailState>,
  update: (id, olds, news) => lifecycle.update(id, olds, news),
  delete: (id, props) => lifecycle.remove(id, props),
};

export = faxEmailProvider;
