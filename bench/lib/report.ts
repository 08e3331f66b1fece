import { Resvg } from "@resvg/resvg-js";

/** One operation's figures. */
export interface OpResult {
  op: string;
  ms: number;
  requests: number;
  /** Requests by `METHOD operation`. */
  byKind: Record<string, number>;
  /** Peak resident memory of the provider process, MiB. */
  providerMiB: number;
  /**
   * CPU time of the benchmark's own process meanwhile: the emulator answering
   * the provider (standing in for Sinch's servers) and the Automation API
   * reading the engine's events. Absent from results of earlier runs.
   */
  benchCpuMs?: number;
}

/** One program at one size. */
export interface VariantResult {
  variant: string;
  n: number;
  ops: OpResult[];
  providerBytesPerResource: number;
  stateBytes: number;
  /** State bytes per cover page (its declaration in the inputs and its entry in the outputs), when there are some. */
  coverPageBytes?: number | undefined;
}

/** One `refresh` under a rate limit: its time, the requests it needed, and their bound (requests / rate). */
export interface RefreshThroughputResult {
  rate: number;
  n: number;
  ms: number;
  requests: number;
  minimumMs: number;
  throttled: number;
}

/** One `up` under a rate limit. */
export interface ThroughputResult {
  rate: number;
  n: number;
  ms: number;
  minimumMs: number;
  engineMs: number;
  created: number;
  throttled: number;
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
const secs = (ms: number) => (ms / 1000).toFixed(1);
/** An operation's requests by kind, e.g. "300 POST create". */
const kindsOf = (op: OpResult) =>
  Object.entries(op.byKind)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ") || "none";

/** The results as markdown tables. */
export function markdown(
  results: VariantResult[],
  throughput: ThroughputResult[],
  header: string,
  startup?: { pluginMs: number; dynamicMs: number },
  refreshes: RefreshThroughputResult[] = [],
): string {
  const lines = [header, ""];
  for (const n of [...new Set(results.map((r) => r.n))]) {
    const ours = results.find((r) => r.n === n && r.variant === "faxes");
    const floor = results.find((r) => r.n === n && r.variant === "floor");
    const noop = results.find((r) => r.n === n && r.variant === "noop");
    if (!ours || !floor || !noop) continue;
    lines.push(
      `### ${n} services`,
      "",
      "Times of the operations that change nothing are the median of three runs. The floor is a no-op provider serialized exactly as FaxService is; the closure no-op is the earlier baseline (a provider serialized as a closure), kept beside it.",
      "",
      "| operation | FaxService (s) | floor (s) | ratio to floor | closure no-op (s) | ratio to closure no-op | API requests | provider peak (MiB) |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const op of ours.ops) {
      const base = floor.ops.find((o) => o.op === op.op)!;
      const old = noop.ops.find((o) => o.op === op.op)!;
      lines.push(
        `| ${op.op} | ${secs(op.ms)} | ${secs(base.ms)} | ${ratio(op.ms, base.ms)} | ${secs(old.ms)} | ${ratio(op.ms, old.ms)} | ${op.requests} (${kindsOf(op)}) | ${op.providerMiB} |`,
      );
    }
    const kib = (r: VariantResult) => (r.stateBytes / 1024).toFixed(0);
    lines.push(
      "",
      `State: \`__provider\` ${ours.providerBytesPerResource} bytes per resource (floor: ${floor.providerBytesPerResource}, closure no-op: ${noop.providerBytesPerResource}); ` +
        `state file ${kib(ours)} KiB (floor: ${kib(floor)}, closure no-op: ${kib(noop)}).`,
      "",
    );
  }
  const befores = [
    [
      "faxes-legacy-provider",
      "the serialized provider: an object literal of seven functions (before) or one require() of the package's handler (after)",
    ],
    ["faxes-full-stack-traces", "registering a resource: with Pulumi's per-promise debug stack traces (before) or without them (after)"],
  ] as const;
  for (const [variant, what] of befores) {
    const before = results.find((r) => r.variant === variant);
    const after = before && results.find((r) => r.variant === "faxes" && r.n === before.n);
    if (!before || !after) continue;
    lines.push(
      `### Before and after: ${what} (${before.n} services, same run)`,
      "",
      "| | `__provider` bytes per resource | state file (KiB) | up (create) (s) | preview (no-op) (s) | up (no-op) (s) |",
      "|---|---|---|---|---|---|",
    );
    for (const [label, r] of [
      ["before", before],
      ["after", after],
    ] as const) {
      const op = (name: string) => secs(r.ops.find((o) => o.op === name)!.ms);
      lines.push(
        `| ${label} | ${r.providerBytesPerResource} | ${(r.stateBytes / 1024).toFixed(0)} | ${op("up (create)")} | ${op("preview (no-op)")} | ${op("up (no-op)")} |`,
      );
    }
    lines.push("");
  }
  lines.push(...pluginSection(results, startup));
  lines.push(...setupSection(results));
  if (refreshes.length > 0) {
    lines.push(
      "### Refresh under a rate limit",
      "",
      "| limit (req/s) | services | refresh (s) | requests | requests / limit (s) | ratio | 429s |",
      "|---|---|---|---|---|---|---|",
      ...refreshes.map(
        (r) =>
          `| ${r.rate} | ${r.n} | ${secs(r.ms)} | ${r.requests} | ${secs(r.minimumMs)} | ${ratio(r.ms, r.minimumMs)} | ${r.throttled} |`,
      ),
      "",
    );
  }
  if (throughput.length > 0) {
    lines.push(
      "### Throughput under a rate limit",
      "",
      "| limit (req/s) | services | up (s) | minimum N/R (s) | ratio to N/R | ratio to max(N/R, engine) | 429s | created |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const t of throughput) {
      const bound = Math.max(t.minimumMs, t.engineMs);
      lines.push(
        `| ${t.rate} | ${t.n} | ${secs(t.ms)} | ${secs(t.minimumMs)} | ${ratio(t.ms, t.minimumMs)} | ${ratio(t.ms, bound)} | ${t.throttled} | ${t.created} |`,
      );
    }
    lines.push("", "The engine column is the floor's `up` of the same number of resources, measured in the same run.", "");
  }
  return lines.join("\n");
}

/** The provider plugin beside the dynamic resource and the floor, same services, same run. */
function pluginSection(results: VariantResult[], startup?: { pluginMs: number; dynamicMs: number }): string[] {
  const lines: string[] = [];
  for (const plugin of results.filter((r) => r.variant === "plugin")) {
    const ours = results.find((r) => r.n === plugin.n && r.variant === "faxes");
    const floor = results.find((r) => r.n === plugin.n && r.variant === "floor");
    if (!ours || !floor) continue;
    lines.push(
      `### The provider plugin, ${plugin.n} services`,
      "",
      "The same services through the plugin (its generated TypeScript SDK), the dynamic FaxService and the floor, in the same run.",
      "",
      "| operation | plugin (s) | FaxService (s) | floor (s) | plugin / floor | plugin / FaxService | API requests | plugin peak (MiB) |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const op of plugin.ops) {
      const dyn = ours.ops.find((o) => o.op === op.op)!;
      const base = floor.ops.find((o) => o.op === op.op)!;
      lines.push(
        `| ${op.op} | ${secs(op.ms)} | ${secs(dyn.ms)} | ${secs(base.ms)} | ${ratio(op.ms, base.ms)} | ${ratio(op.ms, dyn.ms)} | ${op.requests} | ${op.providerMiB} |`,
      );
    }
    const quiet = results.find((r) => r.n === plugin.n && r.variant === "plugin-no-stack-traces");
    const op = (r: VariantResult, name: string) => secs(r.ops.find((o) => o.op === name)!.ms);
    if (quiet)
      lines.push(
        "",
        `The plugin's program without per-promise stack traces (\`NODE_OPTIONS=--stack-trace-limit=0\`), same run: preview (no-op) ${op(quiet, "preview (no-op)")} s, up (no-op) ${op(quiet, "up (no-op)")} s, up (create) ${op(quiet, "up (create)")} s.`,
      );
    const perResource = (r: VariantResult) => Math.round(r.stateBytes / (r.n + 1));
    lines.push(
      "",
      `State: ${perResource(plugin)} bytes per resource (FaxService: ${perResource(ours)}, floor: ${perResource(floor)}); no \`__provider\` (the plugin is named by the provider resource).`,
      "",
    );
  }
  if (startup && lines.length > 0) {
    lines.push(
      `Provider process start, spawn to port (median of 5): plugin ${startup.pluginMs.toFixed(0)} ms (Node, gRPC and every module of the provider); dynamic provider ${startup.dynamicMs.toFixed(0)} ms (Node and Pulumi's dynamic-provider host; our handler loads on its first call).`,
      "",
    );
  }
  return lines;
}

/** The whole setup (services with cover pages, routed numbers) against the floor with the same resources. */
function setupSection(results: VariantResult[]): string[] {
  const ours = results.find((r) => r.variant === "setup");
  const floor = results.find((r) => r.variant === "setup-floor");
  if (!ours || !floor) return [];
  const lines = [
    `### The whole setup: ${ours.n} services with two cover pages each (one stamped), ${ours.n * 2} numbers routed to them`,
    "",
    `${ours.n * 3} resources: ${ours.n} FaxServices (their pages are part of them) and ${ours.n * 2} FaxNumberRoutes, each depending on its service; the floor registers the same resources with the same inputs and dependencies. The emulator provisions a route at once (Sinch's own provisioning time is not the provider's), so a route's time is its calls and its first look, 100 ms after the PATCH.`,
    "",
    "| operation | ours (s) | floor (s) | ratio to floor | API requests | provider peak (MiB) |",
    "|---|---|---|---|---|---|",
  ];
  for (const op of ours.ops) {
    const base = floor.ops.find((o) => o.op === op.op)!;
    lines.push(
      `| ${op.op} | ${secs(op.ms)} | ${secs(base.ms)} | ${ratio(op.ms, base.ms)} | ${op.requests} (${kindsOf(op)}) | ${op.providerMiB} |`,
    );
  }
  const kib = (r: VariantResult) => (r.stateBytes / 1024).toFixed(0);
  lines.push(
    "",
    `State file ${kib(ours)} KiB (floor: ${kib(floor)} KiB); ${Math.round((ours.stateBytes - floor.stateBytes) / ours.n)} bytes more than the floor's per service with its two pages and two routes; ${ours.coverPageBytes ?? "no"} bytes per cover page (its declaration and its record: name, path, SHA-256, size, id; never the PDF).`,
    "",
  );
  return lines;
}

/** A bar chart (PNG) of each operation's time as a ratio to the floor, per size, and of throughput. */
export function chart(results: VariantResult[], throughput: ThroughputResult[]): Buffer {
  const bars: Array<{ label: string; value: number; group: string }> = [];
  for (const ours of results.filter((r) => r.variant === "faxes")) {
    const floor = results.find((r) => r.n === ours.n && r.variant === "floor");
    if (!floor) continue;
    for (const op of ours.ops)
      bars.push({ group: `${ours.n} services`, label: op.op, value: op.ms / floor.ops.find((o) => o.op === op.op)!.ms });
  }
  const setup = results.find((r) => r.variant === "setup");
  const setupFloor = results.find((r) => r.variant === "setup-floor");
  for (const op of setup && setupFloor ? setup.ops : [])
    bars.push({
      group: `whole setup, ${setup!.n * 3} resources`,
      label: op.op,
      value: op.ms / setupFloor!.ops.find((o) => o.op === op.op)!.ms,
    });
  for (const t of throughput)
    bars.push({ group: "rate-limited up", label: `${t.rate} req/s`, value: t.ms / Math.max(t.minimumMs, t.engineMs) });
  const width = Math.max(960, 60 + bars.length * 34 + 40);
  const height = 440;
  const top = 60;
  const plot = 280;
  // Bars above the scale are clipped; their label still gives the value.
  const max = Math.min(3, Math.max(1.5, ...bars.map((b) => b.value)));
  const y = (v: number) => top + plot - (Math.min(v, max) / max) * plot;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold">FaxService time as a ratio to the floor: a no-op provider serialized as FaxService is (1.0 = the engine's own cost)</text>`,
    `<text x="10" y="42" font-size="12">rate-limited up: time as a ratio to max(N/R, the floor's up of N resources) - npm run bench</text>`,
    `<line x1="50" y1="${y(1)}" x2="${width - 20}" y2="${y(1)}" stroke="#c33" stroke-dasharray="4 3"/>`,
    `<text x="8" y="${y(1) + 4}">1.0</text>`,
  ];
  let x = 60;
  let lastGroup = "";
  for (const bar of bars) {
    if (bar.group !== lastGroup) {
      parts.push(`<text x="${x}" y="${top + plot + 70}" font-weight="bold">${bar.group}</text>`);
      lastGroup = bar.group;
    }
    parts.push(
      `<rect x="${x}" y="${y(bar.value)}" width="26" height="${top + plot - y(bar.value)}" fill="${bar.group.startsWith("rate") ? "#5a8" : "#48c"}"/>`,
    );
    parts.push(`<text x="${x + 13}" y="${y(bar.value) - 4}" text-anchor="middle" font-size="9">${bar.value.toFixed(2)}</text>`);
    parts.push(`<text transform="translate(${x + 16},${top + plot + 6}) rotate(55)" font-size="9">${bar.label}</text>`);
    x += 34;
  }
  parts.push("</svg>");
  return Buffer.from(new Resvg(parts.join(""), { font: { loadSystemFonts: true } }).render().asPng());
}
