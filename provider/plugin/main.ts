/**
 * The provider plugin's entry point: the engine (through the Node.js language
 * host) runs it with the engine's address; it serves the ResourceProvider
 * service on a loopback port and prints the port.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { useConfigNamespace } from "../core/config";
import { engineAddressOf, exitWithEngine } from "../core/engine-watch";
import { useLogSink } from "../core/log";
import { engineLog } from "./engine-log";
import { PACKAGE } from "./schema";
import { serve } from "./server";

/** The package's version, from the nearest package.json of pulumi-sinch-fax above this file. */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pulumi-sinch-fax") return manifest.version ?? "0.0.0";
    } catch {
      // not here: look further up
    }
  }
  return "0.0.0";
}

useConfigNamespace(PACKAGE);
// The engine passes its address: the plugin's log lines go to it, and the plugin exits once it is gone (core/engine-watch.ts).
const engine = engineAddressOf(process.argv.slice(2));
if (engine) useLogSink(engineLog(`${engine.host.includes(":") ? `[${engine.host}]` : engine.host}:${engine.port}`));
exitWithEngine();
serve(packageVersion()).catch((e: Error) => {
  console.error(`sinch-fax plugin failed to start: ${e.message}`);
  process.exit(1);
});
