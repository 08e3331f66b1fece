import type * as pulumi from "@pulumi/pulumi";
import * as lifecycle from "./lifecycle";

/**
 * The provider the engine runs. The program serializes this object into every
 * resource's `__provider`; since `lifecycle` resolves inside `node_modules`
 * once the package is installed, the closure captures only
 * `require("pulumi-sinch-fax/…")`: a few hundred bytes, and no setting, secret
 * or environment value, which are all read inside the provider process.
 */
export const faxServiceProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => lifecycle.configure(req),
  check: (olds, news) => lifecycle.check(olds, news),
  diff: (id, olds, news) => lifecycle.diff(id, olds, news),
  create: (inputs) => lifecycle.create(inputs),
  read: (id, props) => lifecycle.read(id, props),
  update: (id, olds, news) => lifecycle.update(id, olds, news),
  delete: (id, props) => lifecycle.remove(id, props),
};
