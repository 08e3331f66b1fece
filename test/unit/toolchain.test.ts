import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "..", "..");

// The set-up's Pulumi CLI step, on a machine with Node but neither a pulumi nor Go on PATH.
test("the set-up fails with a clear message when neither a Pulumi CLI nor Go is available", () => {
  const run = spawnSync("sh", ["-c", `step() { echo "$*" >&2; }; . "${ROOT}/scripts/pulumi-cli.sh"`], {
    env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: process.env.HOME, ROOT, PULUMI_CLI_CACHE: mkdtempSync(join(tmpdir(), "no-cli-")) },
    encoding: "utf8",
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("No Pulumi CLI v3.260.0 on PATH and no Go to build one: install Go 1.26+ (or put pulumi v3.260.0 on PATH) and rerun.");
});
