// Mutation testing of the emulator's validation rules (`npm run test:mutation`
// runs it after the core's and the resources'): what the emulator accepts and
// refuses is what the provider's tests trust, so a rule no test would miss is a
// hole in every test built on it. Its own tests (test/emulator), its own results.
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  mutate: ["emulator/*-rules.ts"],
  jest: { ...base.jest, config: { testMatch: ["<rootDir>/test/emulator/**/*.test.ts"] } },
  incrementalFile: ".stryker/emulator.json",
  htmlReporter: { fileName: "reports/mutation/emulator.html" },
  thresholds: { high: 95, low: 90, break: 90 },
};
