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

/** How long `require(modules…)` takes in a fresh Node process: the median of `runs`, ms. */
export async function requireMs(modules: string[], runs = 5): Promise<number> {
  const code = `const t=process.hrtime.bigint();${modules.map((m) => `require(${JSON.stringify(m)});`).join("")}console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
      let text = "";
      child.stdout.on("data", (d: Buffer) => {
        text += d;
      });
      child.on("error", reject);
      child.on("exit", (status) => (status === 0 ? resolve(text) : reject(new Error(`require of ${modules} exited with ${status}`))));
    });
    times.push(Number(out.trim()));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
