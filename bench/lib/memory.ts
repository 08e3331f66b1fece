import { readdirSync, readFileSync } from "node:fs";

/**
 * Samples the peak resident memory (VmHWM) of the provider processes the
 * engine starts (dynamic providers, and the plugin run from source), from
 * /proc, while an operation runs.
 */
export class ProviderMemory {
  private peakKb = 0;
  private timer?: NodeJS.Timeout;

  start(): void {
    this.peakKb = 0;
    this.timer = setInterval(() => this.sample(), 100);
  }

  /** Stops sampling; the peak in MiB (0 when no provider process was seen). */
  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return Math.round((this.peakKb / 1024) * 10) / 10;
  }

  private sample(): void {
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmdline.includes("cmd/dynamic-provider") && !cmdline.includes("cmd/run-plugin")) continue;
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) this.peakKb = Math.max(this.peakKb, Number(hwm[1]));
      } catch {
        // The process ended between the listing and the read.
      }
    }
  }
}
