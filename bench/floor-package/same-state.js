/**
 * The floor, carrying the state FaxService carries and nothing of its work:
 * check adds a project id (the defaults stay out of the inputs, as FaxService
 * leaves them out), create returns the same outputs (every field with its
 * default filled in, timestamps, numbers, adopted). Beside the floor, it shows what those
 * bytes cost the engine, apart from any code of ours.
 */
const floor = require("./index.js");

// FaxService's defaults, passed by the benchmark (bench/run.ts) from the provider's own field table.
const DEFAULTS = JSON.parse(process.env.BENCH_FLOOR_DEFAULTS ?? "{}");
const PROJECT = "fc48f962-9bd9-4eb2-8ba8-eb7a1766340a";

module.exports = {
  ...floor,
  async check(_olds, news) {
    return { inputs: { ...news, projectId: PROJECT } };
  },
  async create(inputs) {
    const now = new Date().toISOString();
    const { id } = await floor.create(inputs);
    return { id, outs: { ...DEFAULTS, ...inputs, adopted: false, createdAt: now, updatedAt: now, numbers: [] } };
  },
};
