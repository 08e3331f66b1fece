import * as pulumi from "@pulumi/pulumi";
import type { FaxServiceArgs } from "pulumi-sinch-fax";

/**
 * The provider as the first release serialized it: an object literal whose
 * methods forward to the lifecycle module, so `__provider` held seven small
 * functions (about 1.6 KB a resource). Used to check that a different
 * serialized provider causes no update, and as the "before" of the benchmark.
 */
const lifecycle = require("pulumi-sinch-fax/provider/lifecycle");
const legacyProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => lifecycle.configure(req),
  check: (olds, news) => lifecycle.check(olds, news),
  diff: (id, olds, news) => lifecycle.diff(id, olds, news),
  create: (inputs) => lifecycle.create(inputs),
  read: (id, props) => lifecycle.read(id, props),
  update: (id, olds, news) => lifecycle.update(id, olds, news),
  delete: (id, props) => lifecycle.remove(id, props),
};

const OUTPUTS = ["createdAt", "updatedAt", "numbers", "adopted"];

/** A FaxService registered with the first release's provider shape. */
export class LegacyFaxService extends pulumi.dynamic.Resource {
  constructor(name: string, args: FaxServiceArgs) {
    const props: Record<string, unknown> = { ...args };
    for (const key of OUTPUTS) props[key] = undefined;
    super(legacyProvider, name, props, undefined, "sinch-fax", "FaxService");
  }
}
