import type * as pulumi from "@pulumi/pulumi";
import * as lifecycle from "../resources/number-route/lifecycle";
import type { RouteInputs, RouteState } from "../resources/number-route/plan";
import { configureDynamic } from "./configure";

/**
 * The FaxNumberRoute provider the engine runs, as this module's whole exports:
 * each resource's `__provider` is `require("pulumi-sinch-fax/provider/handlers/number-route")`,
 * so that package entry must stay in every release.
 */
const numberRouteProvider: pulumi.dynamic.ResourceProvider<RouteInputs, RouteState> = {
  configure: (req) => configureDynamic(req),
  check: (olds, news) => lifecycle.check(olds, news),
  diff: (id, olds, news) => lifecycle.diff(id, olds, news),
  create: (inputs) => lifecycle.create(inputs),
  // The SDK types a read's `inputs` as outputs; ours are the program's inputs, as refresh wants them.
  read: async (id, props) => (await lifecycle.read(id, props as RouteState)) as pulumi.dynamic.ReadResult<RouteState>,
  update: (id, olds, news) => lifecycle.update(id, olds, news),
  delete: (id, props) => lifecycle.remove(id, props),
};

export = numberRouteProvider;
