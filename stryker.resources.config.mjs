// Mutation testing of the resources' lifecycles (`npm run test:mutation` runs it
// after stryker.config.mjs): the same settings, its own files, its own
// incremental results, and the lower bar for them (90 %).
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  // Added file by file as each is measured: the rest of fax-service (plan, validate,
  // pdf, unconfirmed, handoff, create, read, update, delete, apply) is still to come.
  mutate: [
    "provider/resources/fax-email/**/*.ts",
    "provider/resources/number-route/**/*.ts",
    "provider/resources/fax-service/{check,cover-pages,errors,fields,handoff-wait}.ts",
  ],
  incrementalFile: ".stryker/resources.json",
  htmlReporter: { fileName: "reports/mutation/resources.html" },
  // `npm run test:mutation` fails below 90 % here (the committed results reach 98.9 %).
  thresholds: { high: 95, low: 90, break: 90 },
};
