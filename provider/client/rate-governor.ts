/** Pace while throttled: this many times the best rate that got through, so the limit stays saturated. */
const PROBE_GAIN = 1.25;
/** Never pace slower than this many requests a second. */
const MIN_RATE = 2;
/** Back to unpaced after this long without a 429. */
const CALM_MS = 10_000;
/** How far back successes are counted, in one-second buckets. */
const WINDOW_SECONDS = 3;

/**
 * One pace for every concurrent call of a client. Unpaced until the API
 * answers 429; from then on requests leave one by one at 1.25 times the
 * best per-second rate that got through in the last three seconds. Under a
 * real limit that keeps the limit saturated with few wasted calls; under
 * random 429s it never collapses, since the pace follows what succeeds.
 * Each throttled call still waits its own `Retry-After` before its retry.
 */
export class RateGovernor {
  private queue: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private lastRelease = Number.NEGATIVE_INFINITY;
  private lastThrottle = Number.NEGATIVE_INFINITY;
  private ratePerSecond = Number.POSITIVE_INFINITY;
  private buckets = new Map<number, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The current pace in requests a second (Infinity while unpaced). */
  get rate(): number {
    return this.pacing() ? this.ratePerSecond : Number.POSITIVE_INFINITY;
  }

  /** Resolves when this caller may send; callers leave in the order they came. */
  acquire(): Promise<void> {
    // Stryker disable next-line ConditionalExpression: a fast path; the queue would release an unpaced caller at once too
    if (!this.pacing() && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.pump();
    });
  }

  /** A request got through. */
  onSuccess(): void {
    const second = this.forgetOld();
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + 1);
  }

  /** The API answered 429. */
  onThrottled(): void {
    this.lastThrottle = this.now();
    this.forgetOld();
    // A queued caller always has a timer pending, which applies the new pace when it fires.
    this.ratePerSecond = Math.max(MIN_RATE, Math.max(0, ...this.buckets.values()) * PROBE_GAIN);
  }

  /** Drops the seconds that left the window (so the map stays small); returns the current second. */
  private forgetOld(): number {
    const second = Math.floor(this.now() / 1000);
    for (const key of this.buckets.keys()) if (key <= second - WINDOW_SECONDS) this.buckets.delete(key);
    return second;
  }

  private pacing(): boolean {
    return this.now() - this.lastThrottle < CALM_MS;
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length > 0) {
      const now = this.now();
      const wait = this.pacing() ? this.lastRelease + 1000 / this.ratePerSecond - now : 0;
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      this.lastRelease = now;
      // Stryker disable next-line OptionalChaining: the loop runs only while the queue holds a caller
      this.queue.shift()?.();
    }
  }
}
