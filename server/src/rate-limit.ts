const WINDOW_MS = 60_000;

/** Sliding one-minute window per client address (seed 003's 429). Refused attempts are not
 * counted, so a client that waits out `Retry-After` gets through. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Counts an attempt: 0 when allowed, else the seconds until one is allowed again. */
  attempt(client: string, limit: number, now = Date.now()): number {
    if (limit <= 0) return 0;
    const recent = (this.hits.get(client) ?? []).filter((time) => time > now - WINDOW_MS);
    if (recent.length >= limit) {
      this.hits.set(client, recent);
      // A limit lowered mid-minute leaves more than `limit` in the window: an attempt gets
      // through once all but `limit - 1` of them have left it, not when the oldest has.
      return Math.max(1, Math.ceil((recent[recent.length - limit]! + WINDOW_MS - now) / 1000));
    }
    this.hits.set(client, [...recent, now]);
    return 0;
  }

  clear(): void {
    this.hits.clear();
  }
}
