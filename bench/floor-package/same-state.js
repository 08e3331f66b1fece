/**
 * The floor, carrying the state FaxService carries and nothing of its work:
 * check fills in the same defaults and a project id, create returns the same
 * outputs (timestamps, numbers, adopted). Beside the floor, it shows what those
 * bytes cost the engine, apart from any code of ours.
 */
const floor = require("./index.js");

// FaxService's defaults, passed by the benchmark (bench/run.ts) from the provider's own field table.
const DEFAULTS = JSON.parse(process.env.BENCH_FLOOR_DEFAULTS ?? "{}");
const PROJECT = "fc48f962-9bd9-4eb2-8ba8-eb7a1766340a";

module.exports = {
  ...floor,
  async check(_olds, news) {
    return { inputs: { ...DEFAULTS, ...news, projectId: PROJECT } };
  },
  async create(inputs) {
    const now = new Date().toISOString();
    const { id } = await floor.create(inputs);
    return { id, outs: { ...inputs, adopted: false, createdAt: now, updatedAt: now, numbers: [] } };
  },
};
