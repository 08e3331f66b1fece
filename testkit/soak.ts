/**
 * The fault soak: a stack of services (a third with two cover pages), numbers
 * routed to them and a fax-to-email address, driven through up, rounds of
 * random changes (fields, the stamped cover page, numbers moved between
 * services), default handoffs, refresh and destroy while the emulator injects
 * faults on every route of both APIs. Checks after every step that the
 * emulator holds exactly what is declared (no orphaned cover page, no number
 * half-routed), that a preview shows no changes, and that the project always
 * had exactly one default.
 */

import { type Emulator, type FaultCounts, type FaultRule, type StoredService, startEmulator } from "../emulator";
import { seededRandom } from "../emulator/faults";
import { emulatorConfig, type LocalStack, localStack } from "./local-stack";

/** The soak's size and seed. */
export interface SoakOptions {
  services: number;
  /** Numbers routed to the services (one more stays on the first, with the email address). */
  numbers: number;
  rounds: number;
  handoffs: number;
  seed: number;
  /** Give up after this long. */
  deadlineMs: number;
  log?: (line: string) => void;
}

/** One step's outcome. */
export interface SoakStep {
  step: string;
  ms: number;
  requests: number;
  faults: number;
  problems: string[];
}

/** What the soak found. */
export interface SoakReport {
  steps: SoakStep[];
  faults: FaultCounts;
  requests: number;
  /** The API operations the soak sent. */
  operations: string[];
  passed: boolean;
}

/** 20% 429 or 503, 5% dropped connections, 5% lost responses on POST and PATCH, latency jitter. */
export const SOAK_FAULTS: FaultRule[] = [
  { status429: 0.1, status503: 0.1, drop: 0.05, latencyMs: { min: 0, max: 60 } },
  { methods: ["POST", "PATCH"], lost: 0.05 },
];

type Spec = Record<string, Record<string, unknown>>;
type Routes = Record<string, { phoneNumber: string; service: string }>;

const PAGES = [
  { name: "A", file: "covers/a.pdf" },
  { name: "B", file: "covers/b.pdf" },
];
const APP = { type: "RTC" as const, appId: "soak-app" };

const FIELD_CHANGES: Array<(r: () => number) => [string, unknown]> = [
  (r) => ["numberOfRetries", Math.floor(r() * 6)],
  (r) => ["retryDelaySeconds", 30 + Math.floor(r() * 271)],
  (r) => ["resolution", r() < 0.5 ? "FINE" : "SUPERFINE"],
  (r) => ["scanIncomingBarcodes", r() < 0.5],
  (r) => ["webhookContentType", r() < 0.5 ? "application/json" : "multipart/form-data"],
  (r) => ["defaultFrom", r() < 0.5 ? `+1555${String(Math.floor(r() * 1e7)).padStart(7, "0")}` : undefined],
  (r) => ["imageConversionMethod", r() < 0.5 ? "HALFTONE" : "MONOCHROME"],
];

/** Runs the soak; never throws for a failed check, it reports it. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const emulator = await startEmulator({ faultSeed: options.seed, defaultPolicy: "strict", provisioningDelayMs: 100 });
  const original = { ...emulator.store.listServices(emulator.projectId)[0] };
  const local = await localStack("testkit/programs/services", { stackName: "soak" });
  const steps: SoakStep[] = [];
  const started = Date.now();
  try {
    const spec: Spec = {};
    for (let i = 0; i < options.services; i++) spec[`svc-${String(i).padStart(3, "0")}`] = { name: `Soak service ${i}` };
    const names = Object.keys(spec);
    Object.assign(spec[names[0]!]!, { adopt: "default", defaultForProject: true });
    for (const [i, name] of names.entries()) if (i % 3 === 1) Object.assign(spec[name]!, { coverPages: PAGES, coverPage: "A" });
    const routes: Routes = { "r-fixed": { phoneNumber: "+15550000000", service: names[0]! } };
    for (let i = 0; i < options.numbers; i++)
      routes[`r-${i}`] = { phoneNumber: `+1555000${String(i + 1).padStart(4, "0")}`, service: names[i % names.length]! };
    for (const { phoneNumber } of Object.values(routes)) emulator.numbers.seed({ phoneNumber, voiceConfiguration: APP });
    const emails = { desk: { service: names[0]!, email: "soak@example.com", routes: ["r-fixed"] } };
    const config = { "sinch:maxRetries": "10", "sinch:defaultHandoffTimeout": "90", "sinch:numberRoutingTimeout": "60" };
    await local.stack.setAllConfig(
      emulatorConfig(emulator, {
        ...config,
        "test:services": JSON.stringify(spec),
        "test:routes": JSON.stringify(routes),
        "test:emails": JSON.stringify(emails),
      }),
    );
    emulator.faults.set(SOAK_FAULTS, options.seed);

    const step = async (name: string, run: () => Promise<void>, check: () => Promise<string[]>) => {
      if (Date.now() - started > options.deadlineMs) throw new Error(`the soak ran out of time before "${name}"`);
      const before = { requests: emulator.requests.length, faults: countFaults(emulator) };
      const t = Date.now();
      const problems: string[] = [];
      try {
        await run();
      } catch (e) {
        problems.push(`${name} failed: ${(e as Error).message.split("\n").slice(0, 3).join(" ")}`);
      }
      if (problems.length === 0) problems.push(...(await check()));
      const result = {
        step: name,
        ms: Date.now() - t,
        requests: emulator.requests.length - before.requests,
        faults: countFaults(emulator) - before.faults,
        problems,
      };
      steps.push(result);
      log(
        `${name.padEnd(32)} ${(result.ms / 1000).toFixed(1).padStart(6)} s ${String(result.requests).padStart(5)} requests ${String(result.faults).padStart(4)} faults  ${problems.length ? `FAILED: ${problems.join("; ")}` : "ok"}`,
      );
      return problems.length === 0;
    };
    const up = (name: string) =>
      step(
        name,
        async () => void (await local.stack.up()),
        () => verify(emulator, local, spec, routes),
      );

    let ok = await up("up (create)");
    for (let round = 1; ok && round <= options.rounds; round++) {
      for (const name of names) {
        if (random() > 0.3) continue;
        const [field, value] = FIELD_CHANGES[Math.floor(random() * FIELD_CHANGES.length)]!(random);
        if (value === undefined) delete spec[name]![field];
        else spec[name]![field] = value;
        if (spec[name]!.coverPages && random() < 0.5) spec[name]!.coverPage = spec[name]!.coverPage === "A" ? "B" : "A";
      }
      for (const [key, route] of Object.entries(routes))
        if (key !== "r-fixed" && random() < 0.3) route.service = names[Math.floor(random() * names.length)]!;
      await local.stack.setConfig("test:services", { value: JSON.stringify(spec) });
      await local.stack.setConfig("test:routes", { value: JSON.stringify(routes) });
      ok = await up(`round ${round}: random changes`);
    }
    for (let h = 1; ok && h <= options.handoffs; h++) {
      const next = names[h % options.handoffs === 0 ? 0 : h % names.length];
      for (const name of names) spec[name]!.defaultForProject = name === next;
      await local.stack.setConfig("test:services", { value: JSON.stringify(spec) });
      ok = await up(`handoff ${h}: default to ${next}`);
    }
    if (ok) {
      ok = await step(
        "refresh",
        async () => void (await local.stack.refresh()),
        () => verify(emulator, local, spec, routes),
      );
    }
    if (ok) {
      await step(
        "destroy",
        async () => void (await local.stack.destroy()),
        async () => {
          const left = emulator.store.listServices(emulator.projectId);
          const problems = left.length === 1 && left[0]!.id === original.id ? [] : [`left behind: ${left.map((s) => s.name).join(", ")}`];
          const state = emulator.store.projectState(emulator.projectId);
          if (state.coverPages.length > 0) problems.push(`${state.coverPages.length} cover pages left behind`);
          if (state.emails.length > 0) problems.push(`${state.emails.length} email addresses left behind`);
          for (const { phoneNumber } of Object.values(routes)) {
            const voice = voiceOf(emulator, phoneNumber);
            if (voice.type !== APP.type || voice.appId !== APP.appId || voice.scheduledVoiceProvisioning)
              problems.push(`${phoneNumber} is not back on its earlier route`);
          }
          if (!left[0]?.defaultForProject) problems.push("the project lost its default");
          return problems.concat(historyProblems(emulator));
        },
      );
    }
    const passed = steps.length > 0 && steps.every((s) => s.problems.length === 0) && steps.at(-1)!.step === "destroy";
    const operations = [...new Set(emulator.requests.map((r) => r.operation))];
    return { steps, faults: { ...emulator.faults.counts }, requests: emulator.requests.length, operations, passed };
  } finally {
    await emulator.close();
    local.remove();
  }
}

function countFaults(emulator: Emulator): number {
  return emulator.requests.filter((r) => r.fault).length;
}

/**
 * The emulator holds exactly the declared services with the declared fields
 * and cover pages (none orphaned), every number settled on its declared
 * service, a preview is clean, one default throughout.
 */
async function verify(emulator: Emulator, local: LocalStack, spec: Spec, routes: Routes): Promise<string[]> {
  const problems: string[] = [];
  const state = emulator.store.projectState(emulator.projectId);
  const services = emulator.store.listServices(emulator.projectId);
  const byName = new Map<string, StoredService[]>();
  for (const s of services) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [key, declared] of Object.entries(spec)) {
    const found = byName.get(declared.name as string) ?? [];
    if (found.length !== 1) problems.push(`${key}: ${found.length} services named "${declared.name}"`);
    const service = found[0];
    if (service) {
      const pages = state.coverPages.filter((p) => p.serviceId === service.id);
      const wanted = ((declared.coverPages ?? []) as Array<{ name: string }>).map((p) => p.name);
      if (JSON.stringify(pages.map((p) => p.name).sort()) !== JSON.stringify(wanted.sort()))
        problems.push(`${key}: cover pages ${JSON.stringify(pages.map((p) => p.name))}, declared ${JSON.stringify(wanted)}`);
      const stamped = pages.find((p) => p.id === service.coverPageId)?.name;
      if (declared.coverPage !== undefined && stamped !== declared.coverPage)
        problems.push(`${key}: stamps ${stamped}, declared ${declared.coverPage}`);
    }
    for (const [field, value] of Object.entries(declared)) {
      if (["adopt", "coverPages", "coverPage"].includes(field) || found.length !== 1) continue;
      if ((found[0] as unknown as Record<string, unknown>)[field] !== value)
        problems.push(
          `${key}.${field} is ${JSON.stringify((found[0] as unknown as Record<string, unknown>)[field])}, declared ${JSON.stringify(value)}`,
        );
    }
  }
  if (services.length !== Object.keys(spec).length)
    problems.push(`${services.length} services exist, ${Object.keys(spec).length} declared`);
  for (const [key, route] of Object.entries(routes)) {
    const target = byName.get(spec[route.service]!.name as string)?.[0]?.id;
    const voice = voiceOf(emulator, route.phoneNumber);
    if (voice.type !== "FAX" || voice.serviceId !== target || voice.scheduledVoiceProvisioning)
      problems.push(`${key}: ${route.phoneNumber} is on ${JSON.stringify(voice)}, declared on ${route.service}`);
  }
  if (state.emails.length !== 1) problems.push(`${state.emails.length} email addresses exist, 1 declared`);
  const preview = await local.stack.preview();
  const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
  if (changes.length > 0) problems.push(`the preview after it plans ${JSON.stringify(Object.fromEntries(changes))}`);
  return problems.concat(historyProblems(emulator));
}

function historyProblems(emulator: Emulator): string[] {
  const bad = emulator.store.defaultHistory.filter((h) => h.defaultServiceIds.length !== 1);
  return bad.length === 0
    ? []
    : [`the default history shows ${bad.map((h) => h.defaultServiceIds.length).join(", ")} defaults at some point`];
}

function voiceOf(emulator: Emulator, phoneNumber: string): Record<string, unknown> {
  return ((emulator.numbers.get(phoneNumber) as { voiceConfiguration?: Record<string, unknown> } | undefined)?.voiceConfiguration ??
    {}) as Record<string, unknown>;
}
