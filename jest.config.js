/** Unit, emulator and client tests run in parallel; engine tests (test/e2e) drive the real CLI. */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30_000,
  // Stryker's sandbox (a copy of the repository) while `npm run test:mutation` runs.
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/"],
};
