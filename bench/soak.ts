/**
 * `npm run soak`: the fault soak at full size (50 services, a third with two
 * cover pages; 20 numbers routed to them and one more with a fax-to-email
 * address; five rounds of random changes, three default handoffs, refresh,
 * destroy), bounded in time.
 * Prints a summary table; exits non-zero when any check failed.
 *
 *   npm run soak -- [--services 50] [--numbers 20] [--rounds 5] [--handoffs 3] [--seed 1] [--minutes 20]
 */
import { parseArgs } from "node:util";
import { runSoak, SOAK_FAULTS } from "../testkit/soak";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      services: { type: "string", default: "50" },
      numbers: { type: "string", default: "20" },
      rounds: { type: "string", default: "5" },
      handoffs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      minutes: { type: "string", default: "20" },
    },
  });
  console.log(`faults: ${JSON.stringify(SOAK_FAULTS)}`);
  const report = await runSoak({
    services: Number(values.services),
    numbers: Number(values.numbers),
    rounds: Number(values.rounds),
    handoffs: Number(values.handoffs),
    seed: Number(values.seed),
    deadlineMs: Number(values.minutes) * 60_000,
    log: (line) => console.log(line),
  });
  const f = report.faults;
  console.log(`
| faults injected | count |
|---|---|
| 429 | ${f.status429} |
| 503 | ${f.status503} |
| dropped connections | ${f.drop} |
| lost responses (applied) | ${f.lost} |
| API requests in all | ${report.requests} |
| requests that met a fault (each retried, or reconciled for a POST) | ${f.status429 + f.status503 + f.drop + f.lost} |
| steps | ${report.steps.length}, ${report.steps.filter((s) => s.problems.length === 0).length} passed |
| outcome | ${report.passed ? "PASS" : "FAIL"} |`);
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`soak failed: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
