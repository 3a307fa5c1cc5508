/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a wait drawn uniformly from [0, window], the window doubling per consecutive
 * failure up to a cap, so thousands of TVs failing together spread out instead of retrying in
 * waves.
 */
export const BACKOFF = {
  baseMs: 60_000,
  capMs: 60 * 60_000,
  /** Even a draw of 0 waits this long, so a broken server never sees a tight loop. */
  minMs: 1_000,
} as const;

/** The window the wait after `failuresBefore` earlier consecutive failures is drawn from. */
export function backoffWindowMs(failuresBefore: number): number {
  // Capping the exponent first keeps 2 ** n finite however long a TV has been failing.
  const exponent = Math.min(Math.max(0, failuresBefore), 30);
  return Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** exponent);
}

/** The wait after a failure without a server-imposed delay. */
export function backoffDelayMs(failuresBefore: number, random: () => number): number {
  return Math.max(BACKOFF.minMs, Math.floor(random() * backoffWindowMs(failuresBefore)));
}

/** At least the server's `Retry-After`, plus full jitter over the backoff window. */
export function retryAfterDelayMs(retryAfter: number, failuresBefore: number, random: () => number): number {
  return Math.max(BACKOFF.minMs, retryAfter + Math.floor(random() * backoffWindowMs(failuresBefore)));
}
