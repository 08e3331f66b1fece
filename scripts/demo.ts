/**
 * The demo: the root stack's whole life against a local emulator: two
 * services, cover pages, a number routed through the Numbers API and a
 * fax-to-email address.
 * Starts the emulator (state in .work/demo/emulator.json), then runs the root
 * project through preview, up, a change, a restart of the emulator, a refresh
 * after an out-of-band edit, the up that restores it, and destroy, printing the
 * engine's events. Leaves nothing running.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { type Emulator, startEmulator } from "../emulator";
import { isSinchFaxType, resourceName, shown } from "../provider/automation";
import { SinchFaxClient } from "../provider/client";
import { emulatorConfig, type LocalStack, localStack, ROOT } from "../testkit/local-stack";

const WORK = join(ROOT, ".work", "demo");
const DEMO_NUMBER = "+15550100100";
const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
const SYMBOLS: Record<string, string> = { create: "+", update: "~", delete: "-", replace: "+-", refresh: "~", read: ">" };

/** Prints engine events as short lines: one per resource step, plus diagnostics. */
function printer(): (e: EngineEvent) => void {
  return (e) => {
    const pre = e.resourcePreEvent?.metadata;
    if (pre && pre.op !== "same" && !pre.type.startsWith("pulumi:providers:")) {
      const kind = pre.type.split(":").pop();
      const planned = e.resourcePreEvent?.planning ? dim(" (planned)") : "";
      console.log(`  ${SYMBOLS[pre.op] ?? " "} ${pre.op.padEnd(8)} ${kind} ${resourceName(pre.urn)}${planned}`);
    }
    const out = e.resOutputsEvent?.metadata;
    if (out && out.op === "update" && isSinchFaxType(out.type) && out.old && out.new) {
      for (const key of Object.keys(out.new.outputs ?? {})) {
        const before = shown(out.old.outputs?.[key]);
        const after = shown(out.new.outputs?.[key]);
        if (before !== after && key !== "updatedAt" && key !== "__provider") console.log(dim(`      ${key}: ${before} → ${after}`));
      }
    }
    const diag = e.diagnosticEvent;
    if (diag && (diag.severity === "error" || diag.severity === "warning")) console.log(`  ${diag.severity}: ${diag.message.trim()}`);
    if (e.summaryEvent)
      console.log(dim(`  summary: ${JSON.stringify(e.summaryEvent.resourceChanges)} in ${e.summaryEvent.durationSeconds}s`));
  };
}

function requestCounts(emulator: Emulator): string {
  const counts: Record<string, number> = {};
  for (const r of emulator.requests) counts[`${r.method} ${r.operation}`] = (counts[`${r.method} ${r.operation}`] ?? 0) + 1;
  return (
    Object.entries(counts)
      .map(([k, v]) => `${v}× ${k}`)
      .join(", ") || "none"
  );
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const dataFile = join(WORK, "emulator.json");
  let emulator = await startEmulator({ dataFile, projectId: "demo-project", keyId: "demo-key", provisioningDelayMs: 500 });
  // One of the project's numbers, on a voice app for now; the stack routes it to the inbound service.
  emulator.numbers.seed({ phoneNumber: DEMO_NUMBER, voiceConfiguration: { type: "RTC", appId: "voice-app" } });
  const port = Number(new URL(emulator.url).port);
  console.log(bold(`Sinch Fax emulator on ${emulator.url} (state in ${dataFile})`));

  let local: LocalStack | undefined;
  try {
    // The root project on a stack of its own (a copy of the program, a local file backend).
    local = await localStack(".", { stackName: "demo" });
    const stack = local.stack;
    await stack.setAllConfig({
      ...emulatorConfig(emulator),
      "sinch-fax-services:inboundWebhookUrl": { value: "https://faxbot:s3cret-hook@hooks.example.com/inbound", secret: true },
      "sinch-fax-services:inboundNumber": { value: DEMO_NUMBER },
    });
    const onEvent = printer();
    const log: string[] = [];
    const phase = async (title: string, run: () => Promise<unknown>) => {
      console.log(bold(`\n== ${title}`));
      emulator.requests = [];
      await run();
      const line = `${title}: API requests: ${requestCounts(emulator)}`;
      console.log(dim(`  ${line}`));
      log.push(line);
    };

    await phase("preview", () => stack.preview({ onEvent }));
    await phase("up", () => stack.up({ onEvent }));
    await phase("a change: outbound retries 5 → 2, and it stamps the Confidential cover page", async () => {
      await stack.setConfig("sinch-fax-services:outboundRetries", { value: "2" });
      await stack.setConfig("sinch-fax-services:outboundCoverPage", { value: "Confidential" });
      await stack.up({ onEvent });
    });

    console.log(bold("\n== restart the emulator: its state survives in the data file"));
    await emulator.close();
    emulator = await startEmulator({ dataFile, port });
    console.log(dim(`  ${emulator.store.listServices(emulator.projectId).length} services after the restart`));

    console.log(bold("\n== an out-of-band edit"));
    const client = new SinchFaxClient({
      projectId: emulator.projectId,
      keyId: emulator.keyId,
      keySecret: emulator.keySecret,
      baseUrl: emulator.url,
      numbersUrl: emulator.url,
    });
    const outputs = await stack.outputs();
    const outbound = outputs.outboundServiceId!.value as string;
    await client.updateService(outbound, { numberOfRetries: 0, resolution: "FINE" });
    await client.numbers.routeVoice(DEMO_NUMBER, { type: "FAX", serviceId: outbound });
    client.close();
    emulator.numbers.completePending(); // Sinch provisions the new route
    console.log("  someone sets numberOfRetries 0 and resolution FINE on the outbound service through the API,");
    console.log(`  and routes ${DEMO_NUMBER} to the outbound service instead of the inbound one`);
    await phase("refresh shows the drift", () => stack.refresh({ onEvent }));
    await phase("up restores the declared settings", () => stack.up({ onEvent }));
    await phase("destroy", () => stack.destroy({ onEvent }));

    const left = emulator.store.listServices(emulator.projectId);
    const project = emulator.store.projectState(emulator.projectId);
    const voice = (emulator.numbers.get(DEMO_NUMBER) as { voiceConfiguration: { type: string; appId?: string } }).voiceConfiguration;
    console.log(bold("\n== summary"));
    for (const line of log) console.log(`  ${line}`);
    console.log(`  left in the project: ${left.map((s) => `"${s.name}"${s.defaultForProject ? " (default)" : ""}`).join(", ")}`);
    console.log(
      `  cover pages: ${project.coverPages.length}, fax-to-email addresses: ${project.emails.length}; ${DEMO_NUMBER} back on ${voice.type} ${voice.appId}`,
    );
    console.log(`
To run the same stack against the real Sinch Fax API:
  pulumi stack init prod
  pulumi config set sinch:projectId <your project id>
  pulumi config set sinch:keyId <access key id>
  pulumi config set --secret sinch:keySecret <access key secret>
  pulumi config set sinch:region eu1            # optional: use1, eu1, sae1, apse1, apse2
  pulumi config set sinch:auth oauth2           # optional: bearer tokens instead of basic auth
  pulumi config set --secret sinch-fax-services:inboundWebhookUrl https://user:pass@your.host/fax
  pulumi config set sinch-fax-services:inboundNumber +1…        # optional: one of your numbers, routed to inbound
  pulumi up`);
  } finally {
    local?.remove();
    await emulator.close();
  }
}

main().catch((e: Error) => {
  console.error(`demo failed: ${e.message}`);
  process.exit(1);
});
