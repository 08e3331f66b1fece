/**
 * A dynamic provider that does nothing, as fast as it can, shipped the way
 * pulumi-sinch-fax ships its own: the module's whole exports are the provider,
 * so each resource's `__provider` is one require() of this package.
 */
module.exports = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(inputs) {
    return { id: `floor-${Math.random().toString(36).slice(2)}`, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};
