/**
 * What a deployment pipeline runs against a stack of FaxServices, as an
 * Automation API script with plain exit codes:
 *
 *   ts-node pipeline.ts preview [--allow-destructive]
 *       0: the plan is safe; 3: it would delete or replace a service (each one
 *       listed), unless --allow-destructive; 1: error.
 *   ts-node pipeline.ts up
 *       0: applied; 1: failed.
 *   ts-node pipeline.ts drift
 *       `refresh` in preview mode. 0: no drift; 2: a service was changed or
 *       deleted by hand (each drifted field listed); 1: error.
 *
 * Options: --stack <name> (default $PULUMI_STACK or "dev"), --dir <program
 * folder> (default: the repository's root project). The backend and the
 * secrets passphrase come from the environment (PULUMI_BACKEND_URL,
 * PULUMI_CONFIG_PASSPHRASE), as in any Pulumi pipeline.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type EngineEvent, LocalWorkspace } from "@pulumi/pulumi/automation";
import { destructiveSteps, driftReport } from "pulumi-sinch-fax/automation";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      stack: { type: "string", default: process.env.PULUMI_STACK ?? "dev" },
      dir: { type: "string", default: resolve(__dirname, "..", "..") },
      "allow-destructive": { type: "boolean", default: false },
    },
  });
  const stack = await LocalWorkspace.selectStack({ stackName: values.stack ?? "dev", workDir: resolve(values.dir ?? ".") });
  const events: EngineEvent[] = [];
  const onEvent = (e: EngineEvent) => events.push(e);
  switch (positionals[0]) {
    case "preview": {
      const result = await stack.preview({ onEvent, diff: true });
      console.log(`plan: ${JSON.stringify(result.changeSummary)}`);
      const destructive = destructiveSteps(events);
      if (destructive.length === 0) return 0;
      console.log(`the plan would ${destructive.join(", ")}`);
      if (values["allow-destructive"]) return 0;
      console.log("refusing: rerun with --allow-destructive to allow deleting or replacing fax services");
      return 3;
    }
    case "up": {
      const result = await stack.up({ onOutput: (line) => process.stdout.write(line) });
      console.log(`applied: ${JSON.stringify(result.summary.resourceChanges)}`);
      return 0;
    }
    case "drift": {
      await stack.previewRefresh({ onEvent });
      const drift = driftReport(events);
      if (drift.length === 0) {
        console.log("no drift");
        return 0;
      }
      console.log(`drift found:\n  ${drift.join("\n  ")}`);
      return 2;
    }
    default:
      console.error("usage: pipeline.ts preview|up|drift [--stack name] [--dir program] [--allow-destructive]");
      return 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`pipeline failed: ${e.message}`);
      process.exit(1);
    },
  );
}
