export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the oldest counted use leaves the window, in ms. */
  retryAfterMs: number;
}

/**
 * A per-user sliding window: at most `limit` uses in any `windowMs`. Users whose uses have all left the window
 * are forgotten, so memory stays bounded by the users active in the last window.
 */
export class SlidingWindowLimiter {
  private readonly uses = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a use by `key` when allowed; a refused attempt does not count. */
  take(key: string): RateDecision {
    const now = this.now();
    if (this.uses.size > 10_000) this.forgetIdle(now);
    const recent = (this.uses.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.uses.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.uses.set(key, recent);
    return { allowed: true, retryAfterMs: 0 };
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.uses) if (times[times.length - 1]! <= now - this.windowMs) this.uses.delete(key);
  }
}
