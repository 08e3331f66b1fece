import { spawn } from "node:child_process";

/**
 * How long a provider process takes from spawn to printing its port (what the
 * engine waits for before its first call): the median of `runs` starts, ms.
 */
export async function startupMs(script: string, args: string[], runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      await new Promise<number>((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
        child.stdout.once("data", () => {
          resolve(Number(process.hrtime.bigint() - started) / 1e6);
          child.kill();
        });
        child.on("error", reject);
        child.on("exit", (code) => code !== null && code !== 0 && reject(new Error(`${script} exited with ${code}`)));
      }),
    );
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
