import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { type Emulator, startEmulator } from "../../emulator";
import { emulatorConfig, ROOT } from "../../testkit/local-stack";

jest.setTimeout(600_000);

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const sdkVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")).version;

/**
 * The package as a user gets it: `npm pack`, installed into an empty project
 * with nothing but what it declares (its dependencies, and @pulumi/pulumi as
 * the peer), then a plain JavaScript program using it against the emulator.
 */
describe("the packed package, installed into an empty project", () => {
  let dir: string;
  let tarball: string;
  let emulator: Emulator;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sinch-fax-package-"));
    execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);
  });
  afterAll(async () => {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("ships dist/, its docs and licence, and source maps that carry their sources", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        "package/LICENSE",
        "package/CHANGELOG.md",
        "package/README.md",
        "package/dist/provider/index.js",
        "package/plugin/pulumi-resource-sinch-fax",
        "package/plugin/pulumi-resource-sinch-fax.cmd",
        "package/dist/provider/plugin/main.js",
      ]),
    );
    expect(
      files.filter(
        (f) =>
          !/^package\/(dist\/(provider|emulator)\/|plugin\/(pulumi-resource-sinch-fax(\.cmd)?|package\.json|index\.js)$|LICENSE$|CHANGELOG\.md$|README\.md$|package\.json$)/.test(
            f,
          ),
      ),
    ).toEqual([]);
    const maps = files.filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBeGreaterThan(0);
    const unpacked = join(dir, "unpacked");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(unpacked, map), "utf8"));
      expect([map, sourcesContent?.length]).toEqual([map, sources.length]);
    }
  });

  test("installs with only its declared dependencies; every export resolves, with types; a program runs against the emulator", async () => {
    const project = join(dir, "project");
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({
        name: "user-project",
        private: true,
        main: "index.js",
        dependencies: { "pulumi-sinch-fax": `file:${tarball}`, "@pulumi/pulumi": sdkVersion },
      }),
    );
    writeFileSync(join(project, "Pulumi.yaml"), "name: user-project\nruntime: nodejs\n");
    writeFileSync(
      join(project, "index.js"),
      `const { FaxService } = require("pulumi-sinch-fax");\nexports.id = new FaxService("inbound", { name: "From the tarball", numberOfRetries: 2 }).id;\n`,
    );
    const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: project,
      encoding: "utf8",
    });
    expect([install.status, install.stderr]).toEqual([0, expect.any(String)]);

    for (const entry of Object.keys(pkg.exports).filter((e) => e !== "./package.json")) {
      const name = `pulumi-sinch-fax${entry.slice(1)}`;
      const resolved = execFileSync(process.execPath, ["-e", `console.log(require.resolve(${JSON.stringify(name)}))`], {
        cwd: project,
        encoding: "utf8",
      });
      expect(resolved).toContain(join("node_modules", "pulumi-sinch-fax", "dist"));
      readFileSync(join(project, "node_modules", "pulumi-sinch-fax", pkg.exports[entry].types)); // the declared types exist
    }

    emulator = await startEmulator();
    const env = {
      PULUMI_BACKEND_URL: `file://${mkdtempSync(join(dir, "state-"))}`,
      PULUMI_CONFIG_PASSPHRASE: "p",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "dev", workDir: project },
      { envVars: env, pulumiHome: join(dir, "home") },
    );
    await stack.setAllConfig(emulatorConfig(emulator));
    const up = await stack.up();
    const service = emulator.store.getService(emulator.projectId, up.outputs.id!.value);
    expect(service).toMatchObject({ name: "From the tarball", numberOfRetries: 2 });
    expect((await stack.preview()).changeSummary).toEqual({ same: 2 });
    await stack.destroy();
    expect(emulator.store.listServices(emulator.projectId).map((s) => s.name)).toEqual(["Default service"]);
  });
});
