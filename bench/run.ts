/**
 * `npm run bench`: FaxService through the real engine against the emulator,
 * with the package as users install it (its npm-pack tarball in node_modules).
 * For each size: up, no-op preview, no-op up, refresh and destroy; the API
 * requests each sent; `__provider` and state sizes; the provider's peak memory;
 * and the same resources through the floor (a no-op provider serialized as
 * ours is) and the earlier closure-serialized no-op, in the same run. Then
 * `up` of 300 services under rate limits; then the whole setup (services with
 * cover pages, routed numbers) against the floor with the same resources.
 * Writes bench/results/bench.{md,json,png}.
 *
 * Also: a one-service stack (start-up, with the client loaded eagerly as before)
 * and the engine's switches a user can set (parallelism, checkpoints, Node's
 * compile cache) at one size.
 *
 *   npm run bench -- [--sizes 10,100,300] [--rates 5,10,50] [--before-at 300] [--setup 100]
 *                    [--startup-at 1] [--switches-at 300]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Emulator, startEmulator } from "../emulator";
import { DEFAULTS } from "../provider/resources/fax-service/fields";
import { emulatorConfig, type LocalStack, localStack } from "../testkit/local-stack";
import { STARTUP, SWITCHES, startupSection, stateCostSection, switchesSection } from "./lib/engine-costs";
import { ProviderMemory } from "./lib/memory";
import { chart, markdown, type OpResult, type RefreshThroughputResult, type ThroughputResult, type VariantResult } from "./lib/report";
import { serviceSpecs } from "./lib/services";
import { RESOURCES_PER_SERVICE, setupSpecs } from "./lib/setup";
import { requireMs, startupMs } from "./lib/startup";

const RESULTS = join(__dirname, "results");
const PACKAGE = join(__dirname, "..", "node_modules", "pulumi-sinch-fax");
const CLIENT_MODULE = join(PACKAGE, "dist", "provider", "client", "client.js");
const COMPILE_CACHE = join(__dirname, "..", ".work", "bench-compile-cache");
/**
 * The programs measured: ours; the floor (a no-op provider serialized exactly
 * as ours, so a ratio never flatters); the earlier closure-serialized no-op;
 * and the "before" of each optimisation.
 */
const VARIANTS: Record<
  string,
  {
    program: string;
    config?: Record<string, string>;
    env?: Record<string, string>;
    setup?: true;
    namespace?: string;
    parallel?: number;
  }
> = {
  faxes: { program: "testkit/programs/services" },
  plugin: { program: "testkit/programs/plugin", namespace: "sinch-fax" },
  floor: { program: "bench/programs/floor" },
  // The floor carrying FaxService's state: what the engine charges for the bytes and properties alone.
  "floor-same-state": {
    program: "bench/programs/floor",
    config: { "test:sameState": "true" },
    env: { BENCH_FLOOR_DEFAULTS: JSON.stringify(DEFAULTS) },
  },
  setup: { program: "testkit/programs/services", setup: true },
  "setup-floor": { program: "bench/programs/floor", setup: true },
  noop: { program: "bench/programs/noop" },
  "faxes-legacy-provider": { program: "testkit/programs/services", config: { "test:legacyProvider": "true" } },
  "faxes-full-stack-traces": { program: "testkit/programs/services", env: { SINCH_FAX_FULL_STACK_TRACES: "1" } },
  // The generated SDK registers with Pulumi's per-promise stack traces: the plugin's program without any.
  "plugin-no-stack-traces": {
    program: "testkit/programs/plugin",
    namespace: "sinch-fax",
    env: { NODE_OPTIONS: "--stack-trace-limit=0" },
  },
  // Before the client was loaded on first use: every process loads it first.
  "faxes-eager-client": { program: "testkit/programs/services", env: { NODE_OPTIONS: `--require ${CLIENT_MODULE}` } },
  "faxes-compile-cache": { program: "testkit/programs/services", env: { NODE_COMPILE_CACHE: COMPILE_CACHE } },
  "faxes-skip-checkpoints": { program: "testkit/programs/services", env: { PULUMI_SKIP_CHECKPOINTS: "true" } },
  "faxes-parallel-2": { program: "testkit/programs/services", parallel: 2 },
  "faxes-parallel-32": { program: "testkit/programs/services", parallel: 32 },
};
/** Repetitions of the operations that change nothing; the median is reported. */
const REPEATS = 3;

async function measure(emulator: Emulator, op: string, run: () => Promise<unknown>): Promise<OpResult> {
  emulator.requests = [];
  const memory = new ProviderMemory();
  memory.start();
  const started = Date.now();
  const cpu = process.cpuUsage();
  await run();
  const ms = Date.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const byKind: Record<string, number> = {};
  for (const r of emulator.requests) byKind[`${r.method} ${r.operation}`] = (byKind[`${r.method} ${r.operation}`] ?? 0) + 1;
  const benchCpuMs = (user + system) / 1000;
  const result = { op, ms, requests: emulator.requests.length, byKind, providerMiB: memory.stop(), benchCpuMs };
  console.log(
    `  ${op.padEnd(16)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(result.requests).padStart(4)} requests  provider ${result.providerMiB} MiB`,
  );
  return result;
}

/** An operation that changes nothing, run several times: the median run. */
async function median(emulator: Emulator, op: string, run: () => Promise<unknown>): Promise<OpResult> {
  const runs: OpResult[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await measure(emulator, op, run));
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(REPEATS / 2)]!;
}

async function withStack<T>(variant: string, n: number, run: (emulator: Emulator, local: LocalStack) => Promise<T>): Promise<T> {
  const { program, config, env, setup, namespace } = VARIANTS[variant]!;
  // Routes are provisioned as soon as asked: Sinch's provisioning time is not the provider's.
  const emulator = await startEmulator({ provisioningDelayMs: 0 });
  const local = await localStack(program, { stackName: "bench", env });
  try {
    const specs = setup ? setupSpecs(n) : { services: serviceSpecs(n), routes: {} };
    for (const { phoneNumber } of Object.values(specs.routes)) emulator.numbers.seed({ phoneNumber });
    await local.stack.setAllConfig(
      emulatorConfig(
        emulator,
        { "test:services": JSON.stringify(specs.services), "test:routes": JSON.stringify(specs.routes), ...config },
        namespace,
      ),
    );
    return await run(emulator, local);
  } finally {
    await emulator.close();
    local.remove();
  }
}

async function runVariant(variant: string, n: number): Promise<VariantResult> {
  console.log(`${variant}, ${n} services${VARIANTS[variant]!.setup ? ` (${n * RESOURCES_PER_SERVICE} resources)` : ""}`);
  const { parallel } = VARIANTS[variant]!;
  const opts = parallel ? { parallel } : {};
  return withStack(variant, n, async (emulator, { stack, rawState }) => {
    const ops = [await measure(emulator, "up (create)", () => stack.up(opts))];
    const raw = rawState();
    const resources = JSON.parse(raw).checkpoint.latest.resources.filter((r: { inputs?: { __provider?: string } }) => r.inputs?.__provider);
    const providerBytes = resources.reduce(
      (sum: number, r: { inputs: { __provider: string } }) => sum + Buffer.byteLength(r.inputs.__provider),
      0,
    );
    ops.push(await median(emulator, "preview (no-op)", () => stack.preview(opts)));
    ops.push(await median(emulator, "up (no-op)", () => stack.up(opts)));
    ops.push(await median(emulator, "refresh", () => stack.refresh(opts)));
    ops.push(await measure(emulator, "destroy", () => stack.destroy(opts)));
    return {
      variant,
      n,
      ops,
      providerBytesPerResource: Math.round(providerBytes / resources.length),
      stateBytes: Buffer.byteLength(raw),
      coverPageBytes: coverPageBytes(raw),
    };
  });
}

/** State bytes per cover page: what the state holds of each (its inputs and its outputs entry), when there are some. */
function coverPageBytes(raw: string): number | undefined {
  type Bag = { coverPages?: unknown[] };
  const resources = JSON.parse(raw).checkpoint.latest.resources as Array<{ inputs?: Bag; outputs?: Bag }>;
  let bytes = 0;
  let pages = 0;
  for (const r of resources) {
    const count = r.outputs?.coverPages?.length ?? 0;
    if (count === 0) continue;
    pages += count;
    bytes += Buffer.byteLength(JSON.stringify(r.inputs?.coverPages ?? [])) + Buffer.byteLength(JSON.stringify(r.outputs!.coverPages));
  }
  return pages > 0 ? Math.round(bytes / pages) : undefined;
}

async function runThroughput(rate: number, n: number, engineMs: number): Promise<ThroughputResult> {
  console.log(`rate limit ${rate} req/s, ${n} services`);
  return withStack("faxes", n, async (emulator, { stack }) => {
    await fetch(`${emulator.url}/_emulator/rate-limit`, { method: "PUT", body: JSON.stringify({ perSecond: rate, burst: rate }) });
    const started = Date.now();
    await stack.up();
    const ms = Date.now() - started;
    const created = emulator.store.listServices(emulator.projectId).length - 1;
    const throttled = emulator.faults.counts.rateLimited;
    console.log(`  up ${(ms / 1000).toFixed(1)} s for a minimum of ${n / rate} s; ${throttled} 429s; ${created} created`);
    return { rate, n, ms, minimumMs: (n / rate) * 1000, engineMs, created, throttled };
  });
}

/** A refresh of N services under a rate limit of R requests a second, against the bound its requests set. */
async function runRefreshThroughput(rate: number, n: number): Promise<RefreshThroughputResult> {
  console.log(`refresh under a rate limit of ${rate} req/s, ${n} services`);
  return withStack("faxes", n, async (emulator, { stack }) => {
    await stack.up();
    await fetch(`${emulator.url}/_emulator/rate-limit`, { method: "PUT", body: JSON.stringify({ perSecond: rate, burst: rate }) });
    emulator.requests = [];
    const started = Date.now();
    await stack.refresh();
    const ms = Date.now() - started;
    const served = emulator.requests.filter((r) => r.status !== 429).length;
    const throttled = emulator.requests.length - served;
    console.log(`  refresh ${(ms / 1000).toFixed(1)} s, ${served} requests served, ${throttled} 429s`);
    return { rate, n, ms, requests: served, minimumMs: (served / rate) * 1000, throttled };
  });
}

/** The floor's provider must sit in node_modules as a real copy, so it is captured as one require(). */
function installFloorPackage(): void {
  const target = join(__dirname, "..", "node_modules", "sinch-fax-bench-floor");
  rmSync(target, { recursive: true, force: true });
  cpSync(join(__dirname, "floor-package"), target, { recursive: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10,100,300" },
      rates: { type: "string", default: "5,10,50" },
      "before-at": { type: "string", default: "300" },
      "throughput-size": { type: "string", default: "300" },
      setup: { type: "string", default: "100" },
      "refresh-rate": { type: "string", default: "5" },
      "plugin-sizes": { type: "string", default: "100,300" },
      "startup-at": { type: "string", default: "1" },
      "switches-at": { type: "string", default: "300" },
    },
  });
  installFloorPackage();
  rmSync(COMPILE_CACHE, { recursive: true, force: true });
  const sizes = values.sizes!.split(",").filter(Boolean).map(Number);
  const rates = values.rates!.split(",").filter(Boolean).map(Number);
  const pluginSizes = values["plugin-sizes"]!.split(",").filter(Boolean).map(Number);
  const results: VariantResult[] = [];
  for (const n of sizes) {
    results.push(await runVariant("faxes", n));
    if (pluginSizes.includes(n)) results.push(await runVariant("plugin", n));
    results.push(await runVariant("floor", n));
    results.push(await runVariant("noop", n));
    if (n === Number(values["before-at"])) {
      results.push(await runVariant("faxes-legacy-provider", n));
      results.push(await runVariant("faxes-full-stack-traces", n));
      results.push(await runVariant("floor-same-state", n));
      if (pluginSizes.includes(n)) results.push(await runVariant("plugin-no-stack-traces", n));
    }
  }
  const startupN = Number(values["startup-at"]);
  if (startupN > 0) for (const [variant] of STARTUP) results.push(await runVariant(variant, startupN));
  const switchesN = Number(values["switches-at"]);
  if (switchesN > 0) for (const [variant] of SWITCHES) results.push(await runVariant(variant, switchesN));
  const throughputN = Number(values["throughput-size"]);
  const floorUp = results.find((r) => r.variant === "floor" && r.n === throughputN)?.ops[0]?.ms ?? 0;
  const throughput: ThroughputResult[] = [];
  for (const rate of rates) throughput.push(await runThroughput(rate, throughputN, floorUp));
  const refreshes: RefreshThroughputResult[] = [];
  if (Number(values["refresh-rate"]) > 0) refreshes.push(await runRefreshThroughput(Number(values["refresh-rate"]), throughputN));
  const setupN = Number(values.setup);
  if (setupN > 0) {
    results.push(await runVariant("setup", setupN));
    results.push(await runVariant("setup-floor", setupN));
  }

  const handler = require.resolve("pulumi-sinch-fax/provider/handler");
  const loadMs = { eager: await requireMs([CLIENT_MODULE, handler]), lazy: await requireMs([handler]) };
  const startup = {
    pluginMs: await startupMs(join(PACKAGE, "plugin", "index.js"), []),
    dynamicMs: await startupMs(require.resolve("@pulumi/pulumi/cmd/dynamic-provider"), ["127.0.0.1:1"]),
  };
  const header = `Measured by \`npm run bench -- --sizes ${values.sizes} --plugin-sizes ${values["plugin-sizes"]} --rates ${values.rates} --setup ${values.setup} --refresh-rate ${values["refresh-rate"]} --startup-at ${startupN} --switches-at ${switchesN}\` on ${new Date().toISOString().slice(0, 10)}, Pulumi ${require("@pulumi/pulumi/package.json").version}, Node ${process.version}, ${require("node:os").cpus().length} cores.`;
  mkdirSync(RESULTS, { recursive: true });
  const md = [
    // The one-service stack has its own section.
    markdown(
      results.filter((r) => r.n !== startupN || sizes.includes(r.n)),
      throughput,
      header,
      startup,
      refreshes,
    ),
    ...startupSection(results, startupN, loadMs),
    ...switchesSection(results, switchesN),
    ...stateCostSection(results, Number(values["before-at"])),
  ].join("\n");
  writeFileSync(join(RESULTS, "bench.md"), `${md}\n`);
  writeFileSync(join(RESULTS, "bench.json"), `${JSON.stringify({ results, throughput, startup, loadMs, refreshes }, null, 2)}\n`);
  writeFileSync(join(RESULTS, "bench.png"), chart(results, throughput));
  console.log(`\n${md}\nwritten to bench/results/bench.{md,json,png}`);
}

main().catch((e: Error) => {
  console.error(`bench failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
