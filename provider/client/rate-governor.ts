/**
 * One pace for every concurrent call of a client. Unlimited until the API
 * first answers 429; from then on requests are spaced to the rate that was
 * getting through, lowered a little on each further 429 and raised slowly
 * while none comes, so a deployment of hundreds of services runs close to
 * Sinch's limit instead of every call backing off on its own.
 */
export class RateGovernor {
  private ratePerSecond = Number.POSITIVE_INFINITY;
  private nextSlot = 0;
  private pausedUntil = 0;
  private lastDecrease = 0;
  private lastIncrease = 0;
  private successes: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** The current pace in requests a second (Infinity before any 429). */
  get rate(): number {
    return this.ratePerSecond;
  }

  /** Waits for this caller's slot. Slots are handed out in call order. */
  async acquire(): Promise<void> {
    const now = this.now();
    const start = Math.max(now, this.pausedUntil, this.nextSlot);
    if (Number.isFinite(this.ratePerSecond)) this.nextSlot = start + 1000 / this.ratePerSecond;
    if (start > now) await this.sleep(start - now);
  }

  /** A request got through. */
  onSuccess(): void {
    const now = this.now();
    this.successes.push(now);
    while (this.successes.length > 0 && this.successes[0] <= now - 1000) this.successes.shift();
    // Probe upwards gently: 2% every 3 s without a 429.
    if (Number.isFinite(this.ratePerSecond) && now - Math.max(this.lastDecrease, this.lastIncrease) > 3000) {
      this.ratePerSecond *= 1.02;
      this.lastIncrease = now;
    }
  }

  /** The API answered 429; `retryAfterMs` is its `Retry-After`, when it sent one. */
  onThrottled(retryAfterMs?: number): void {
    const now = this.now();
    const recent = this.successes.filter((t) => t > now - 1000).length;
    if (!Number.isFinite(this.ratePerSecond)) {
      // The first 429: what got through in the last second is the best estimate of the limit.
      this.ratePerSecond = Math.max(1, recent);
      this.lastDecrease = now;
    } else if (now - this.lastDecrease > 1000) {
      // One decrease per second, however many in-flight calls come back 429 together.
      this.ratePerSecond = Math.max(0.5, this.ratePerSecond * 0.9);
      this.lastDecrease = now;
    }
    const pause = retryAfterMs ?? 1000 / this.ratePerSecond;
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
  }
}
