import type { VariantResult } from "./report";

/** Variants run at one size to compare the engine's own switches with the default run. */
export const SWITCHES = [
  ["faxes-parallel-2", "`--parallel 2`"],
  ["faxes-parallel-32", "`--parallel 32`"],
  ["faxes-skip-checkpoints", "`PULUMI_SKIP_CHECKPOINTS=true`"],
  ["faxes-compile-cache", "`NODE_COMPILE_CACHE=<dir>`"],
] as const;

/** Variants run on a one-service stack: what a provider process costs before its first call, before and after. */
export const STARTUP = [
  ["faxes-eager-client", "FaxService, client loaded with the provider (before)"],
  ["faxes", "FaxService, client loaded on its first call (after)"],
  ["faxes-compile-cache", "FaxService with `NODE_COMPILE_CACHE=<dir>`"],
  ["plugin", "the provider plugin"],
  ["floor", "the floor"],
] as const;

const secs = (ms: number) => (ms / 1000).toFixed(1);
const OPS = ["up (create)", "preview (no-op)", "up (no-op)", "refresh", "destroy"];

/** The engine's switches a user can set, each beside the default run of the same size. */
export function switchesSection(results: VariantResult[], n: number): string[] {
  const base = results.find((r) => r.variant === "faxes" && r.n === n);
  const rows = SWITCHES.map(([variant, label]) => [label, results.find((r) => r.variant === variant && r.n === n)] as const);
  if (!base || rows.every(([, r]) => !r)) return [];
  const cell = (r: VariantResult, op: string) => {
    const ms = r.ops.find((o) => o.op === op)!.ms;
    const ref = base.ops.find((o) => o.op === op)!.ms;
    return r === base ? secs(ms) : `${secs(ms)} (${(ms / ref).toFixed(2)})`;
  };
  const lines = [
    `### The engine's switches, ${n} services`,
    "",
    "FaxService with each switch a user can set, against the default run (`--parallel 8` on this machine, checkpoints on, no compile cache) in the same run; in brackets, the ratio to the default.",
    "",
    `| switch | ${OPS.map((o) => `${o} (s)`).join(" | ")} |`,
    `|---|${OPS.map(() => "---").join("|")}|`,
    `| none (default) | ${OPS.map((o) => cell(base, o)).join(" | ")} |`,
  ];
  for (const [label, r] of rows) if (r) lines.push(`| ${label} | ${OPS.map((o) => cell(r, o)).join(" | ")} |`);
  lines.push("");
  return lines;
}

/** A one-service stack: each operation's time is mostly the provider process starting. */
export function startupSection(results: VariantResult[], n: number, loadMs?: { eager: number; lazy: number }): string[] {
  const rows = STARTUP.map(([variant, label]) => [label, results.find((r) => r.variant === variant && r.n === n)] as const);
  if (rows.filter(([, r]) => r).length < 2) return [];
  const lines = [
    `### Start-up: a ${n}-service stack`,
    "",
    "Each operation starts a provider process; on a small stack that start is most of what the provider adds. Medians of three runs for the operations that change nothing.",
    "",
    `| | ${OPS.map((o) => `${o} (s)`).join(" | ")} |`,
    `|---|${OPS.map(() => "---").join("|")}|`,
  ];
  for (const [label, r] of rows) if (r) lines.push(`| ${label} | ${OPS.map((o) => secs(r.ops.find((x) => x.op === o)!.ms)).join(" | ")} |`);
  if (loadMs)
    lines.push(
      "",
      `Loading the FaxService handler in a fresh Node process (median of 5): ${loadMs.eager.toFixed(0)} ms with the client (before), ${loadMs.lazy.toFixed(0)} ms without it (after).`,
    );
  lines.push("");
  return lines;
}

/** FaxService beside the floor and the floor carrying FaxService's state: how much of the gap is bytes. */
export function stateCostSection(results: VariantResult[], n: number): string[] {
  const rows = [
    ["the floor", results.find((r) => r.variant === "floor" && r.n === n)],
    ["the floor with FaxService's state", results.find((r) => r.variant === "floor-same-state" && r.n === n)],
    ["FaxService", results.find((r) => r.variant === "faxes" && r.n === n)],
  ] as const;
  if (rows.some(([, r]) => !r)) return [];
  const lines = [
    `### What FaxService's state costs the engine, ${n} services`,
    "",
    "The floor with FaxService's state registers the same properties and keeps the same state (the program's inputs and the project id; outputs with every field, timestamps, numbers) with no code of ours: the difference between it and the floor is what the engine charges for those bytes; between it and FaxService, what our code adds, and the emulator's work answering our requests (the floor sends none) on the same two cores.",
    "",
    `| | state per resource (bytes) | ${OPS.map((o) => `${o} (s)`).join(" | ")} |`,
    `|---|---|${OPS.map(() => "---").join("|")}|`,
  ];
  for (const [label, r] of rows)
    lines.push(
      `| ${label} | ${Math.round(r!.stateBytes / (r!.n + 1))} | ${OPS.map((o) => secs(r!.ops.find((x) => x.op === o)!.ms)).join(" | ")} |`,
    );
  lines.push(
    "",
    "CPU time of the benchmark's own process during each operation (s): the emulator answering the provider's requests, standing in for Sinch's servers, and the Automation API reading the engine's events (the same for all three).",
    "",
    `| | ${OPS.join(" | ")} |`,
    `|---|${OPS.map(() => "---").join("|")}|`,
  );
  for (const [label, r] of rows)
    lines.push(
      `| ${label} | ${OPS.map((o) => ((r!.ops.find((x) => x.op === o)!.benchCpuMs ?? Number.NaN) / 1000).toFixed(2)).join(" | ")} |`,
    );
  lines.push("");
  return lines;
}
