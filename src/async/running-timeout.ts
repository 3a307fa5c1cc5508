/** Rejects with this when a promise did not settle in time. */
export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer in ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** How often the deadline looks at the clock. */
const TICK_MS = 250;
/**
 * A tick this late means the page was not running in between: a TV froze the hidden app, or
 * the clock jumped. It stays above the 1 s that desktop Chromium clamps hidden tabs' timers to.
 */
const FROZEN_GAP_MS = 1500;

/**
 * Settles with `promise`, or rejects with a TimeoutError once the page has run for `ms` without
 * an answer: TV platform APIs and IndexedDB can hang forever instead of failing. Only time the
 * page was running counts. A TV freezes a hidden app and fires its overdue timers all at once on
 * resume (a test jumping a fake clock does the same), often just before an answer that is
 * already on its way: a plain timer would give up on a healthy store or platform API, and a
 * stored decision would read as "nothing stored". Here a late tick counts as one tick, so only
 * a call that stays silent while the app runs is given up on.
 */
export function withRunningTimeout<T>(promise: Promise<T>, ms: number, now: () => number = () => performance.now()): Promise<T> {
  return new Promise((resolve, reject) => {
    let ran = 0;
    let last = now();
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const current = now();
      const gap = current - last;
      last = current;
      // A late tick (a frozen app, a jump) or a clock set back says nothing about how long the
      // app ran, but not that it ran for no time: it counts as one tick, so a store that never
      // answers is still given up on where time only ever jumps.
      ran += gap >= 0 && gap <= FROZEN_GAP_MS ? gap : TICK_MS;
      if (ran >= ms) reject(new TimeoutError(ms));
      else timer = setTimeout(tick, Math.min(TICK_MS, ms - ran));
    };
    timer = setTimeout(tick, Math.min(TICK_MS, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
