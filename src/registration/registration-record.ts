import { namesBackend } from './fingerprint';

/** A registration the server granted (seed 003's 201). */
export interface HeldRegistration {
  registrationId: string;
  /** The only secret the app keeps (CONTRACT §3). */
  deviceToken: string;
  /** Server time of `expires_at`; absent when the server gave none. */
  expiresAtServerMs?: number;
  /** Server time to renew at; absent when there is no expiry to renew before. */
  renewAtServerMs?: number;
  /** The fingerprint it was made under: an app update or new settings renew it. */
  fingerprint: string;
}

/** How the last attempt ended, without any body: an HTTP status or how it failed without one. */
export interface AttemptOutcome {
  status: number | 'network' | 'timeout';
  atServerMs: number;
}

/**
 * Everything registration keeps in storage. Times are the server's clock, with the offset to
 * the TV's clock beside them: after a restart the TV's clock plus the offset gives server time
 * again, so a pending wait survives restarts (and thousands of TVs restarting together keep
 * their spread-out retry times). A TV whose clock jumped while it was off could get a
 * wrong "now"; a wait keeps its own length so that can never stretch it (see next-attempt.ts).
 */
export interface RegistrationRecord {
  registration?: HeldRegistration;
  /** The server's last `app_config` (feature flags, refresh interval); kept even when the token is dropped. */
  appConfig?: Record<string, unknown>;
  /** Server clock minus TV clock, from the last `Date` header. */
  serverOffsetMs: number;
  /** Consecutive failed attempts; each doubles the backoff window. */
  failures: number;
  /** No attempt before this; `retryAfter` marks a wait the server imposed. */
  wait?: { untilServerMs: number; lengthMs: number; retryAfter: boolean };
  /** A 400/401/422 (no attempt until the fingerprint changes) or a 409 (none until its backend does). */
  stopped?: { status: number; fingerprint: string };
  /** Consecutive 401s while holding a registration: the token is dropped only after a grace period. */
  unauthorized?: { count: number; sinceServerMs: number };
  lastOutcome?: AttemptOutcome;
}

export const EMPTY_RECORD: RegistrationRecord = { serverOffsetMs: 0, failures: 0 };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOptionalNumber = (value: unknown): value is number | undefined => value === undefined || isNumber(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function readRegistration(value: unknown): HeldRegistration | undefined {
  if (!isObject(value)) return undefined;
  const { registrationId, deviceToken, expiresAtServerMs, renewAtServerMs, fingerprint } = value;
  if (!isText(registrationId) || !isText(deviceToken) || !isText(fingerprint)) return undefined;
  if (!isOptionalNumber(expiresAtServerMs) || !isOptionalNumber(renewAtServerMs)) return undefined;
  return { registrationId, deviceToken, expiresAtServerMs, renewAtServerMs, fingerprint };
}

function readWait(value: unknown): RegistrationRecord['wait'] {
  if (!isObject(value) || !isNumber(value['untilServerMs']) || !isNumber(value['lengthMs'])) return undefined;
  return { untilServerMs: value['untilServerMs'], lengthMs: Math.max(0, value['lengthMs']), retryAfter: value['retryAfter'] === true };
}

function readStopped(value: unknown): RegistrationRecord['stopped'] {
  if (!isObject(value) || !isNumber(value['status']) || !isText(value['fingerprint'])) return undefined;
  return { status: value['status'], fingerprint: value['fingerprint'] };
}

function readUnauthorized(value: unknown): RegistrationRecord['unauthorized'] {
  if (!isObject(value) || !isNumber(value['count']) || !isNumber(value['sinceServerMs'])) return undefined;
  return { count: value['count'], sinceServerMs: value['sinceServerMs'] };
}

function readOutcome(value: unknown): AttemptOutcome | undefined {
  if (!isObject(value) || !isNumber(value['atServerMs'])) return undefined;
  const status = value['status'];
  if (!isNumber(status) && status !== 'network' && status !== 'timeout') return undefined;
  return { status, atServerMs: value['atServerMs'] };
}

/**
 * Reads what storage gave back, field by field: a damaged field is dropped on its own, so a
 * broken wait never costs the registration, and a broken registration never costs the backoff.
 */
export function readRecord(value: unknown): RegistrationRecord {
  if (!isObject(value)) return EMPTY_RECORD;
  return {
    registration: readRegistration(value['registration']),
    appConfig: isObject(value['appConfig']) ? value['appConfig'] : undefined,
    serverOffsetMs: isNumber(value['serverOffsetMs']) ? value['serverOffsetMs'] : 0,
    failures: isNumber(value['failures']) ? Math.max(0, Math.floor(value['failures'])) : 0,
    wait: readWait(value['wait']),
    stopped: readStopped(value['stopped']),
    unauthorized: readUnauthorized(value['unauthorized']),
    lastOutcome: readOutcome(value['lastOutcome']),
  };
}

/**
 * A 409 stored before fingerprints named the backend cannot say which backend answered. It is
 * taken to be the one configured now: the update that brought this rule changed the app version,
 * which must not lift a 409. Under the current fingerprint, a later change of backend lifts it
 * like any other 409.
 */
export function adoptUnnamedConflict(record: RegistrationRecord, fingerprint: string): RegistrationRecord {
  const stopped = record.stopped;
  if (stopped?.status !== 409 || namesBackend(stopped.fingerprint)) return record;
  return { ...record, stopped: { status: 409, fingerprint } };
}
