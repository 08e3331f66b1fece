import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { reveal, SECRET_SIG, SIG } from "../../provider/plugin/values";
import { settingsOf } from "../../provider/recover/clients";
import { runProcessOf } from "../../provider/recover/processes";
import { repairSidecars } from "../../provider/recover/stack-io";

describe("a killed run's processes, by their command lines", () => {
  const engine = "127.0.0.1:40123";
  test.each([
    [["/cache/pulumi-language-nodejs", engine], "host"],
    [
      ["/usr/bin/node", "/w/node_modules/@pulumi/pulumi/cmd/run/index.js", "--monitor", "127.0.0.1:1", "--engine", engine, "--stack", "s"],
      "program",
    ],
    [["node", "/w/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", engine], "provider"],
    [
      ["/usr/bin/node", "/w/node_modules/@pulumi/pulumi/cmd/run-plugin/index.js", "/w/node_modules/pulumi-sinch-fax/plugin", engine],
      "provider",
    ],
    [["/bin/sh", "/w/.tools/bin/pulumi-resource-pulumi-nodejs", engine], "provider"],
    [["/home/u/.pulumi/plugins/resource-random/pulumi-resource-random", engine], "provider"],
  ])("%j is a %s of the engine at its address", (argv, role) => {
    expect(runProcessOf(argv)).toEqual({ role, engine });
  });

  test("other processes are not", () => {
    expect(runProcessOf(["/usr/bin/node", "/w/node_modules/.bin/jest", "test/e2e"])).toBeUndefined();
    expect(runProcessOf(["pulumi", "up", "--yes"])).toBeUndefined();
    expect(runProcessOf(["/cache/pulumi-language-nodejs"])).toBeUndefined();
    expect(runProcessOf(["/usr/bin/node", "/w/node_modules/@pulumi/pulumi/cmd/run/index.js", "--monitor", "127.0.0.1:1"])).toBeUndefined();
  });
});

describe("what a kill leaves half-written in a file backend", () => {
  test("an unreadable sidecar (.attrs) is removed, so the stack can be read again; whole ones and other backends are left alone", () => {
    const root = mkdtempSync(join(tmpdir(), "backend-"));
    const stacks = join(root, ".pulumi", "stacks", "proj");
    mkdirSync(stacks, { recursive: true });
    writeFileSync(join(stacks, "dev.json"), "{}");
    writeFileSync(join(stacks, "dev.json.attrs"), "");
    writeFileSync(join(stacks, "dev.json.bak.attrs"), '{"user.content_type":"application/json"}');
    writeFileSync(join(stacks, "prod.json.attrs"), '{"user.content_type":');
    const url = pathToFileURL(root).href;
    expect(repairSidecars(url)).toEqual([join(stacks, "dev.json.attrs"), join(stacks, "prod.json.attrs")]);
    expect(readdirSync(stacks).sort()).toEqual(["dev.json", "dev.json.bak.attrs"]);
    expect(repairSidecars(url)).toEqual([]);
    expect(repairSidecars("postgres://localhost/state")).toEqual([]);
  });
});

describe("the settings recovery uses for a resource", () => {
  const deployment = {
    resources: [
      {
        urn: "urn:pulumi:s::p::pulumi:providers:sinch-fax::eu",
        type: "pulumi:providers:sinch-fax",
        id: "1",
        inputs: { keyId: "eu-key", keySecret: "eu-secret", region: "eu1", projectId: "eu-project" },
      },
    ],
  };
  const config = {
    "sinch-fax:keyId": "cfg-key",
    "sinch-fax:keySecret": "cfg-secret",
    "sinch:keyId": "dyn-key",
    "sinch:keySecret": "dyn-secret",
  };

  test("a plugin resource's own provider's arguments, then the sinch-fax config", () => {
    const explicit = settingsOf("urn:pulumi:s::p::pulumi:providers:sinch-fax::eu::1", "plugin", deployment, config, {});
    expect(explicit).toMatchObject({ keyId: "eu-key", keySecret: "eu-secret", region: "eu1", projectId: "eu-project" });
    const byConfig = settingsOf("urn:pulumi:s::p::pulumi:providers:sinch-fax::default::9", "plugin", deployment, config, {});
    expect(byConfig).toMatchObject({ keyId: "cfg-key", keySecret: "cfg-secret" });
  });

  test("a dynamic resource's sinch config, then the environment", () => {
    expect(settingsOf(undefined, "dynamic", deployment, config, {})).toMatchObject({ keyId: "dyn-key", keySecret: "dyn-secret" });
    expect(settingsOf(undefined, "dynamic", deployment, {}, { SINCH_KEY_ID: "env-key" })).toMatchObject({ keyId: "env-key" });
  });
});

describe("secrets as the engine and the state export hold them", () => {
  test("both forms are revealed by the one function the plugin uses", () => {
    const rpc = { [SIG]: SECRET_SIG, value: "https://u:p@h/x" };
    const exported = { [SIG]: SECRET_SIG, plaintext: JSON.stringify({ url: "https://u:p@h/x" }) };
    expect(reveal({ a: rpc, b: [exported] })).toEqual({ a: "https://u:p@h/x", b: [{ url: "https://u:p@h/x" }] });
  });
});
