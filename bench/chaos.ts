/**
 * `npm run chaos`: seeded random `kill -9` points during `up`, an update and
 * `destroy` of an estate with every resource kind, through both front doors
 * and both kill modes; after each, the README's way back, then every
 * invariant. Prints a table of kill points and violations; exits non-zero
 * when any invariant broke.
 *
 *   npm run chaos -- [--kills 50] [--seed 1] [--modes tree,group] [--doors dynamic,plugin] [--phases create,update,destroy]
 *                    [--calibration '{"dynamic":{"create":60,…},…}']
 */
import { parseArgs } from "node:util";
import { type Calibration, chaosTable, runChaos } from "../testkit/chaos";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kills: { type: "string", default: "50" },
      seed: { type: "string", default: "1" },
      modes: { type: "string", default: "tree,group" },
      doors: { type: "string", default: "dynamic,plugin" },
      phases: { type: "string", default: "create,update,destroy" },
      calibration: { type: "string" },
    },
  });
  const list = <T extends string>(s: string | undefined) => String(s).split(",").filter(Boolean) as T[];
  const started = Date.now();
  const { trials } = await runChaos({
    kills: Number(values.kills),
    seed: Number(values.seed),
    modes: list(values.modes),
    doors: list(values.doors),
    phases: list(values.phases),
    calibration: values.calibration ? (JSON.parse(values.calibration) as Calibration) : undefined,
    log: (line) => console.log(line),
  });
  console.log(`\n${chaosTable(trials)}\n`);
  const violated = trials.filter((t) => t.problems.length > 0).length;
  console.log(
    `${trials.length} kill points, seed ${values.seed}, ${violated} with a violation, in ${Math.round((Date.now() - started) / 60_000)} min`,
  );
  return violated === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`chaos failed: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
