/**
 * Two services, A and B; config `default-handoff:default` (a or b) says which
 * one is the project's default. Switch it and run `pulumi up`: B is promoted
 * (which demotes A in the same API call) while A's update waits for that
 * handoff, so the project never has zero or two defaults.
 *
 *   pulumi config set default b && pulumi up
 *
 * A is the project's pre-existing default service, adopted, so `pulumi destroy`
 * gives the default back to it before B is deleted.
 */
import * as pulumi from "@pulumi/pulumi";
import { FaxService } from "pulumi-sinch-fax";

const holder = new pulumi.Config().get("default") ?? "a";
if (holder !== "a" && holder !== "b") throw new Error(`default-handoff:default must be "a" or "b", not "${holder}"`);

const a = new FaxService("a", { adopt: "default", name: "Service A", defaultForProject: holder === "a" });
const b = new FaxService("b", { name: "Service B", defaultForProject: holder === "b", numberOfRetries: 2 });

export const defaultService = holder === "a" ? a.id : b.id;
export const serviceIds = { a: a.id, b: b.id };
