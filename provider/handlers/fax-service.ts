import type * as pulumi from "@pulumi/pulumi";
import * as lifecycle from "../resources/fax-service";
import type { GivenInputs, ServiceState } from "../resources/fax-service/fields";
import { configureDynamic } from "./configure";

/**
 * The provider the engine runs, as this module's whole `module.exports`.
 * The program serializes it into every resource's `__provider`; because it is
 * a module's exports and the package sits in `node_modules`, the closure is
 * just `require("pulumi-sinch-fax/provider/handler")` (about 200 bytes a
 * resource) and holds no setting, secret or environment value: those are read
 * inside the provider process. State written by every release holds that
 * path, so the `./provider/handler` entry of package.json must never go away.
 */
const faxServiceProvider: pulumi.dynamic.ResourceProvider<GivenInputs, ServiceState> = {
  configure: (req) => configureDynamic(req),
  check: (olds, news) => lifecycle.check(olds, news),
  diff: (id, olds, news) => lifecycle.diff(id, olds, news),
  create: (inputs) => lifecycle.create(inputs),
  // The SDK types a read's `inputs` as outputs; ours are the program's inputs, as refresh wants them.
  read: async (id, props) => (await lifecycle.read(id, props as ServiceState)) as pulumi.dynamic.ReadResult<ServiceState>,
  update: (id, olds, news) => lifecycle.update(id, olds, news),
  delete: (id, props) => lifecycle.remove(id, props),
};

export = faxServiceProvider;
