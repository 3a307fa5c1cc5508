import type { RegistrationRecord } from './registration-record';

/** Why the next attempt is due; the device screen and the log say it in words. */
export type AttemptReason = 'first' | 'retry' | 'renewal' | 'settings-changed';

/** What registration does next, in server time. */
export type AttemptPlan =
  | { kind: 'stopped'; status: number }
  /** Registered and the server set no expiry: nothing to do. */
  | { kind: 'none' }
  | { kind: 'at'; atServerMs: number; reason: AttemptReason };

/** The next attempt for this record under the current configuration's fingerprint. */
export function planNextAttempt(record: RegistrationRecord, fingerprint: string, serverNowMs: number): AttemptPlan {
  if (record.stopped && record.stopped.fingerprint === fingerprint) return { kind: 'stopped', status: record.stopped.status };
  if (record.wait) {
    // The TV's clock may have jumped back while the app was off, making "now" too early:
    // a wait never lasts longer than it was when it was set.
    const atServerMs = Math.min(record.wait.untilServerMs, serverNowMs + record.wait.lengthMs);
    return { kind: 'at', atServerMs, reason: 'retry' };
  }
  const held = record.registration;
  if (!held) return { kind: 'at', atServerMs: serverNowMs, reason: 'first' };
  if (held.fingerprint !== fingerprint) return { kind: 'at', atServerMs: serverNowMs, reason: 'settings-changed' };
  if (held.renewAtServerMs === undefined) return { kind: 'none' };
  return { kind: 'at', atServerMs: held.renewAtServerMs, reason: 'renewal' };
}

/**
 * Whether a viewer's action (approval answered "not registered") may register right now:
 * not when stopped for this configuration, and not inside a wait the server itself imposed
 * with `Retry-After`. An ordinary backoff yields to the viewer.
 */
export function mayAttemptNow(record: RegistrationRecord, fingerprint: string, serverNowMs: number): boolean {
  if (record.stopped && record.stopped.fingerprint === fingerprint) return false;
  return !(record.wait?.retryAfter && record.wait.untilServerMs > serverNowMs);
}
