// Mutation testing (`npm run test:mutation`): Stryker changes one thing at a
// time in the provider's code (an operator, a condition, a string, a regex) and
// runs the quick tests against each change; a change no test notices is a
// "survivor", a line whose breakage the suite would let through.
// Equivalent mutants (changes that cannot alter behaviour) are disabled where
// they are, with `// Stryker disable next-line <mutator>: <reason>`.

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // The provider's core: the field tables and checks, the shared core, the whole
  // REST client (transport, auth, pacing, options, endpoints, schemas), and how a
  // service's state is built from the API's answer. The resources with the plugin,
  // and the emulator's rules, have their own configurations and results
  // (stryker.resources.config.mjs, stryker.emulator.config.mjs): each mutant
  // reloads every test file that imports its file (about 0.25 s a file on two
  // cores), so a first run of everything takes hours, and each part reruns alone.
  mutate: ["provider/fields/**/*.ts", "provider/core/**/*.ts", "provider/client/**/*.ts", "provider/resources/fax-service/state.ts"],
  testRunner: "jest",
  jest: {
    configFile: "jest.config.js",
    // The quick tests of the provider (scripts/run.sh's QUICK_TESTS but the emulator's,
    // which reach the client only through their helpers), never the engine tests.
    config: { testMatch: ["<rootDir>/test/{unit,client,provider,plugin}/**/*.test.ts"] },
    // Each mutant runs only the test files that import its file, and of those only the tests that reach it.
    enableFindRelatedTests: true,
  },
  // Not copied into Stryker's sandbox: the set-up's and benchmarks' working files (a
  // Python virtualenv among them, whose directory symlinks the copy cannot take) and builds.
  ignorePatterns: ["/.work", "/.tools", "/dist", "/reports"],
  coverageAnalysis: "perTest",
  // Stryker compiles nothing itself: ts-jest transpiles the mutated sources, and
  // Stryker marks them `@ts-nocheck`, so a mutant that would not type-check still runs.
  // The typescript checker would drop those instead; on two cores it costs more than it saves.
  checkers: [],
  // The results of the last run, kept in the repository: a run (on a fresh clone
  // too) tests again only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: ".stryker/incremental.json",
  // Static mutants (in what a module computes once as it loads: the field tables, the
  // patterns, the constants) cannot be told apart per test, so each would rerun every test
  // file that imports its module: 15% of the mutants, 62% of the time. A module loaded
  // inside a test (the client, loaded on the first call) is static and per-test at once:
  // Stryker then runs only the tests that loaded it, so such a mutant may show as a
  // survivor that other tests kill (the README says more).
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportScoreTable: true, reportMutants: true },
  // `npm run test:mutation` fails below 95 % (the committed results: see the README).
  thresholds: { high: 95, low: 90, break: 95 },
};
