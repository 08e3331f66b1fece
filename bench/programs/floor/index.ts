import * as pulumi from "@pulumi/pulumi";

// Installed into node_modules by the benchmark, so it is captured as require("sinch-fax-bench-floor").
const floor: pulumi.dynamic.ResourceProvider = require("sinch-fax-bench-floor");

/** Registered as FaxService is: the same inputs, and no per-promise stack traces while registering. */
class FloorService extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(floor, name, args, undefined, "bench", "FloorService");
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

// The same inputs as the FaxService benchmark (test:services).
const services = new pulumi.Config("test").requireObject<Record<string, Record<string, unknown>>>("services");
for (const [name, args] of Object.entries(services)) new FloorService(name, args);
