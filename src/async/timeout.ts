/** Rejects with this when a promise did not settle in time; callers tell it from real errors. */
export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer in ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `promise`, or rejects with a TimeoutError after `ms`: TV platform APIs and
 * IndexedDB can hang forever instead of failing, and nothing may wait on them unbounded.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return withDeadline(promise, ms, (expire) => {
    const timer = setTimeout(expire, ms);
    return () => clearTimeout(timer);
  });
}

/**
 * Settles with `promise`, or rejects with a TimeoutError when the deadline `arm` started calls
 * `expire`; `arm` returns how to stop it once the promise has settled.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, arm: (expire: () => void) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = arm(() => reject(new TimeoutError(ms)));
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
