/**
 * The FaxService provider's methods, as they run inside the provider process.
 * The serialized provider (`provider/handlers/fax-service.ts`) only forwards to these.
 */
import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { configureRuntime } from "../../core/runtime";

export { check, diff } from "./check";
export { create } from "./create";
export { remove } from "./delete";
export { read } from "./read";
export { update } from "./update";

/** Reads `sinch:*` stack config (decrypted by the engine) into the process's settings. */
export async function configure(req: ConfigureRequest): Promise<void> {
  configureRuntime((key) => req.config.get(key));
}
