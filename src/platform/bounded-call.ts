import { withRunningTimeout } from '../async/running-timeout';
import { errorMessage, type Logger } from '../log/log';

/**
 * How long any single platform read may take while the app runs: TV APIs can hang instead of
 * failing. Time the TV kept the app frozen does not count: a Luna answer that arrives just after
 * a resume is taken, so a launch hidden at once does not swap the MAC for a fallback identity.
 */
export const PLATFORM_CALL_TIMEOUT_MS = 3000;

/**
 * Runs a platform read that may throw, reject or never answer, and resolves with its value or
 * `undefined` (logged once per call). Empty strings count as no answer: TVs return them when a
 * privilege or user agreement is missing.
 */
export async function boundedCall<T>(label: string, log: Logger, read: () => T | Promise<T | undefined> | undefined, timeoutMs = PLATFORM_CALL_TIMEOUT_MS): Promise<T | undefined> {
  try {
    const value = await withRunningTimeout(Promise.resolve().then(read), timeoutMs);
    if (value === undefined || value === null || value === '') {
      log.warn(`${label}: no value`);
      return undefined;
    }
    return value;
  } catch (error) {
    log.warn(`${label} failed (${errorMessage(error)})`);
    return undefined;
  }
}

/** Runs a platform call whose failure must not stop the app (listeners, key registration, exit). */
export function guarded<T>(label: string, log: Logger, call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    log.warn(`${label} failed (${errorMessage(error)})`);
    return undefined;
  }
}
