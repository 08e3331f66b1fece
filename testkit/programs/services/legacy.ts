import * as pulumi from "@pulumi/pulumi";
import type { FaxServiceArgs } from "pulumi-sinch-fax";

/**
 * The provider in the first release's shape: an object literal whose methods
 * forward to the package's provider, so `__provider` holds seven small
 * functions (about 1.7 KB a resource) instead of one require(). Used to check
 * that a different serialized provider causes no update, and as the "before"
 * of the benchmark. (The first release was never published, so no stored
 * state needs anything from the package but `./provider/handler`.)
 */
const handler: pulumi.dynamic.ResourceProvider = require("pulumi-sinch-fax/provider/handler");
const legacyProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => handler.configure!(req),
  check: (olds, news) => handler.check!(olds, news),
  diff: (id, olds, news) => handler.diff!(id, olds, news),
  create: (inputs) => handler.create(inputs),
  read: (id, props) => handler.read!(id, props),
  update: (id, olds, news) => handler.update!(id, olds, news),
  delete: (id, props) => handler.delete!(id, props),
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
