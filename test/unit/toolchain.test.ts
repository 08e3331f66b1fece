import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** Runs the set-up's Pulumi CLI step with only `bin` (and node) on PATH; returns its status, PATH and messages. */
function ensurePulumi(bin: string): { status: number | null; path: string; stderr: string } {
  const run = spawnSync("sh", ["-c", `step() { echo "$*" >&2; }; . "${ROOT}/scripts/pulumi-cli.sh" && ensure_pulumi && echo "$PATH"`], {
    env: {
      PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: process.env.HOME,
      ROOT,
      PULUMI_CLI_CACHE: mkdtempSync(join(tmpdir(), "no-cli-")),
    },
    encoding: "utf8",
  });
  return { status: run.status, path: run.stdout.trim(), stderr: run.stderr };
}

/** A folder with a fake `pulumi` that prints `version`, and a language host beside it. */
function fakePulumi(version: string): string {
  const bin = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  writeFileSync(join(bin, "pulumi"), `#!/bin/sh\necho ${version}\n`);
  writeFileSync(join(bin, "pulumi-language-nodejs"), "#!/bin/sh\n");
  for (const f of ["pulumi", "pulumi-language-nodejs"]) chmodSync(join(bin, f), 0o755);
  return bin;
}

describe("the set-up's Pulumi CLI step", () => {
  test("these tests see no go and no pulumi in /usr/bin or /bin (so a missing CLI cannot be built)", () => {
    expect(spawnSync("sh", ["-c", "PATH=/usr/bin:/bin command -v go || PATH=/usr/bin:/bin command -v pulumi"]).status).not.toBe(0);
  });

  test("a pulumi on PATH of the oldest supported version or newer is used as it is, with no Go and no build", () => {
    for (const version of ["v3.224.0", "v3.260.0", "v3.274.1", "v4.0.0"]) {
      const bin = fakePulumi(version);
      const result = ensurePulumi(bin);
      expect(result).toMatchObject({ status: 0 });
      expect(result.path.split(":")).toContain(bin);
      expect(result.stderr).not.toContain("building");
    }
  });

  test("a pulumi older than that is not used", () => {
    const result = ensurePulumi(fakePulumi("v3.200.0"));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("No Pulumi CLI found: this needs `pulumi` v3.224.0 or newer on PATH.");
  });

  test("neither a Pulumi CLI nor Go: the message says how to install Pulumi", () => {
    const result = ensurePulumi(mkdtempSync(join(tmpdir(), "empty-bin-")));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("No Pulumi CLI found: this needs `pulumi` v3.224.0 or newer on PATH.");
    expect(result.stderr).toContain("https://www.pulumi.com/docs/install/");
    expect(result.stderr).toContain("or install Go 1.26+");
  });

  test("a pulumi on PATH without a YAML host beside it: the cached host is used, under `set -e` as run.sh runs", () => {
    const cache = mkdtempSync(join(tmpdir(), "cli-cache-"));
    const script = [
      "set -e",
      'step() { echo "$*" >&2; }',
      `. "${ROOT}/scripts/pulumi-cli.sh"`,
      'mkdir -p "$CLI_DIR" && printf "#!/bin/sh\\n" > "$CLI_DIR/pulumi-language-yaml" && chmod +x "$CLI_DIR/pulumi-language-yaml"',
      'echo "$YAML_HOST_VERSION" > "$CLI_DIR/pulumi-language-yaml.version"',
      // On a line of its own, as run.sh calls it: in an `&&` list, `set -e` would not apply.
      "ensure_yaml_host",
      'echo "$PATH"',
    ].join("\n");
    const run = spawnSync("sh", ["-c", script], {
      env: {
        PATH: `${fakePulumi("v3.260.0")}:${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: process.env.HOME,
        ROOT,
        PULUMI_CLI_CACHE: cache,
      },
      encoding: "utf8",
    });
    expect(run.stderr).toMatch(/using .*cli-cache-.*\/pulumi-language-yaml/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split(":")).toContainEqual(expect.stringContaining(cache));
  });
});
