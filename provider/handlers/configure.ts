import type * as pulumi from "@pulumi/pulumi";
import { exitWithEngine } from "../core/engine-watch";
import { configureRuntime } from "../core/runtime";

/** True in the Node.js dynamic provider process the engine starts (`@pulumi/pulumi/cmd/dynamic-provider`). */
function inDynamicProviderProcess(): boolean {
  return /[\\/]cmd[\\/]dynamic-provider[\\/]/.test(require.main?.filename ?? "");
}

/**
 * What every dynamic resource's `configure` does: reads the `sinch:*` stack
 * config (decrypted by the engine) into the process's settings, and, in the
 * engine's dynamic provider process, makes that process exit once its engine
 * is gone (see `core/engine-watch.ts`).
 */
export async function configureDynamic(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  if (inDynamicProviderProcess()) exitWithEngine();
  configureRuntime((key) => req.config.get(key));
}
