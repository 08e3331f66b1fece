import * as pulumi from "@pulumi/pulumi";

/** Does nothing, as fast as possible: the engine's cost of a dynamic resource. */
const noop: pulumi.dynamic.ResourceProvider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(inputs) {
    return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

class NoopService extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    super(noop, name, args, undefined, "bench", "NoopService");
  }
}

// The same inputs as the FaxService benchmark (test:services).
const services = new pulumi.Config("test").requireObject<Record<string, Record<string, unknown>>>("services");
for (const [name, args] of Object.entries(services)) new NoopService(name, args);
