import { sameBackend } from './fingerprint';
import type { RegistrationRecord } from './registration-record';

/** Why the next attempt is due; the device screen and the log say it in words. */
export type AttemptReason = 'first' | 'retry' | 'renewal' | 'settings-changed';

/** What registration does next, in server time. */
export type AttemptPlan =
  | { kind: 'stopped'; status: number }
  /** Registered and the server set no expiry: nothing to do. */
  | { kind: 'none' }
  | { kind: 'at'; atServerMs: number; reason: AttemptReason };

/** What keeps a viewer's action from registering right now. */
export type AttemptHold = { kind: 'stopped'; status: number } | { kind: 'waiting'; untilServerMs: number };

type Stop = NonNullable<RegistrationRecord['stopped']>;
type Wait = NonNullable<RegistrationRecord['wait']>;

/**
 * Whether a stop still holds under this fingerprint. A 409 says the backend already knows this
 * TV, which no app update or new setting changes, so only another backend lifts it (seed 002:
 * never re-register after a 409). A 400/401/422 says something sent was wrong, so any change may
 * put it right.
 */
function stopHolds(stopped: Stop, fingerprint: string): boolean {
  return stopped.fingerprint === fingerprint || (stopped.status === 409 && sameBackend(stopped.fingerprint, fingerprint));
}

/**
 * When a wait ends. The TV's clock may have jumped back while the app was off, making "now" too
 * early: a wait never lasts longer than it was when it was set.
 */
function waitEndsServerMs(wait: Wait, serverNowMs: number): number {
  return Math.min(wait.untilServerMs, serverNowMs + wait.lengthMs);
}

/** The next attempt for this record under the current configuration's fingerprint. */
export function planNextAttempt(record: RegistrationRecord, fingerprint: string, serverNowMs: number): AttemptPlan {
  if (record.stopped && stopHolds(record.stopped, fingerprint)) return { kind: 'stopped', status: record.stopped.status };
  if (record.wait) return { kind: 'at', atServerMs: waitEndsServerMs(record.wait, serverNowMs), reason: 'retry' };
  const held = record.registration;
  if (!held) return { kind: 'at', atServerMs: serverNowMs, reason: 'first' };
  if (held.fingerprint !== fingerprint) return { kind: 'at', atServerMs: serverNowMs, reason: 'settings-changed' };
  if (held.renewAtServerMs === undefined) return { kind: 'none' };
  return { kind: 'at', atServerMs: held.renewAtServerMs, reason: 'renewal' };
}

/**
 * What keeps a viewer's action (approval answered "not registered") from registering right now:
 * a stop that still holds, or a wait the server itself imposed with `Retry-After`. An ordinary
 * backoff yields to the viewer. Undefined when nothing does.
 */
export function holdOnAttemptNow(record: RegistrationRecord, fingerprint: string, serverNowMs: number): AttemptHold | undefined {
  if (record.stopped && stopHolds(record.stopped, fingerprint)) return { kind: 'stopped', status: record.stopped.status };
  if (!record.wait?.retryAfter) return undefined;
  const untilServerMs = waitEndsServerMs(record.wait, serverNowMs);
  return untilServerMs > serverNowMs ? { kind: 'waiting', untilServerMs } : undefined;
}
