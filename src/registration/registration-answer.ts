import type { HttpResult } from '../net/http';
import { backoffDelayMs, retryAfterDelayMs } from './backoff';
import { formatDuration } from './duration';
import { renewalDueServerMs } from './expiry';
import type { HeldRegistration, RegistrationRecord } from './registration-record';
import { retryAfterMs } from './retry-after';
import { parseHttpDate, serverOffsetMs } from './server-clock';

/** A held token survives 401s until they have been repeated this often over at least this long. */
export const UNAUTHORIZED_GRACE = { count: 3, periodMs: 60 * 60_000 } as const;

export interface AnswerContext {
  /** The TV's clock when the answer arrived. */
  localNowMs: number;
  fingerprint: string;
  random: () => number;
}

/** The new record and one log line saying what was decided (statuses and decisions, never bodies). */
export interface Decision {
  record: RegistrationRecord;
  level: 'info' | 'warn';
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';


/** The registration in a 2xx body, or undefined when it lacks what renewal and approval need. */
function readGranted(body: unknown, serverNowMs: number, fingerprint: string): HeldRegistration | undefined {
  if (!isObject(body) || !isText(body['registration_id']) || !isText(body['device_token'])) return undefined;
  const issuedAtServerMs = parseHttpDate(body['registration_timestamp']) ?? serverNowMs;
  const expiresAtServerMs = parseHttpDate(body['expires_at']);
  return {
    registrationId: body['registration_id'],
    deviceToken: body['device_token'],
    expiresAtServerMs,
    renewAtServerMs: expiresAtServerMs === undefined ? undefined : renewalDueServerMs(issuedAtServerMs, expiresAtServerMs, serverNowMs),
    fingerprint,
  };
}

/** The server's clock offset: the `Date` header, else a 2xx body's `registration_timestamp` (CONTRACT §3). */
function offsetFrom(result: HttpResult, localNowMs: number, previous: number): number {
  if (result.kind !== 'response') return previous;
  const fromDate = serverOffsetMs(result.headers.get('Date'), localNowMs);
  if (fromDate !== undefined) return fromDate;
  if (result.status >= 200 && result.status < 300 && isObject(result.body)) {
    return serverOffsetMs(result.body['registration_timestamp'], localNowMs) ?? previous;
  }
  return previous;
}

/** Every way of going on after an attempt that did not register: counted, with a wait before the next. */
function backOff(record: RegistrationRecord, serverNowMs: number, lengthMs: number, retryAfter: boolean): RegistrationRecord {
  return { ...record, failures: record.failures + 1, wait: { untilServerMs: serverNowMs + lengthMs, lengthMs, retryAfter } };
}

function stop(record: RegistrationRecord, status: number, fingerprint: string): RegistrationRecord {
  return { ...record, failures: 0, wait: undefined, stopped: { status, fingerprint } };
}

/**
 * An attempt that broke on the TV's side (a bug reading an answer): it counts as a failed attempt
 * and backs off like one, so no such bug can start a storm of requests. Only the error's name is
 * logged: messages can quote what the server sent.
 */
export function applyBrokenAttempt(previous: RegistrationRecord, error: unknown, context: Omit<AnswerContext, 'fingerprint'>): Decision {
  const serverNowMs = context.localNowMs + previous.serverOffsetMs;
  const wait = backoffDelayMs(previous.failures, context.random);
  const name = error instanceof Error ? error.name : typeof error;
  return { record: backOff(previous, serverNowMs, wait, false), level: 'warn', message: `attempt failed on the TV (${name}); next attempt in ${formatDuration(wait)}` };
}

/**
 * What one registration answer means (CONTRACT §3): the decision table for every documented
 * status, as a pure function of the stored record so it can be tested with any clock.
 */
export function applyAnswer(previous: RegistrationRecord, result: HttpResult, context: AnswerContext): Decision {
  const { localNowMs, fingerprint, random } = context;
  const serverOffset = offsetFrom(result, localNowMs, previous.serverOffsetMs);
  const serverNowMs = localNowMs + serverOffset;
  const status = result.kind === 'response' ? result.status : result.reason;
  // Only an unbroken run of 401s counts toward the grace period, so any other answer resets it.
  const record: RegistrationRecord = { ...previous, serverOffsetMs: serverOffset, unauthorized: undefined, lastOutcome: { status, atServerMs: serverNowMs } };

  if (result.kind === 'failure') {
    const wait = backoffDelayMs(record.failures, random);
    return { record: backOff(record, serverNowMs, wait, false), level: 'warn', message: `no answer (${result.reason}); next attempt in ${formatDuration(wait)}` };
  }

  const code = result.status;
  if (code >= 200 && code < 300) {
    const granted = readGranted(result.body, serverNowMs, fingerprint);
    if (!granted) {
      const wait = backoffDelayMs(record.failures, random);
      return { record: backOff(record, serverNowMs, wait, false), level: 'warn', message: `${code} without a registration in the body; next attempt in ${formatDuration(wait)}` };
    }
    const appConfig = isObject(result.body) && isObject(result.body['app_config']) ? result.body['app_config'] : record.appConfig;
    const expiry = granted.renewAtServerMs === undefined ? 'no expiry given, so no renewal' : `renewal due in ${formatDuration(granted.renewAtServerMs - serverNowMs)}`;
    return {
      record: { ...record, registration: granted, appConfig, failures: 0, wait: undefined, stopped: undefined },
      level: 'info',
      message: `registered (${code}); ${expiry}`,
    };
  }

  if (code === 409) {
    return { record: stop(record, code, fingerprint), level: 'info', message: '409: already registered; never registering with this backend again' };
  }

  if (code === 401 && record.registration) {
    const unauthorized = { count: (previous.unauthorized?.count ?? 0) + 1, sinceServerMs: previous.unauthorized?.sinceServerMs ?? serverNowMs };
    if (unauthorized.count >= UNAUTHORIZED_GRACE.count && serverNowMs - unauthorized.sinceServerMs >= UNAUTHORIZED_GRACE.periodMs) {
      return {
        record: stop({ ...record, registration: undefined }, code, fingerprint),
        level: 'warn',
        message: `401 ${unauthorized.count} times over ${formatDuration(serverNowMs - unauthorized.sinceServerMs)}; device token dropped, stopped until the configuration or app version changes`,
      };
    }
    const wait = backoffDelayMs(record.failures, random);
    return {
      record: { ...backOff(record, serverNowMs, wait, false), unauthorized },
      level: 'warn',
      message: `401 while registered (${unauthorized.count} in a row); keeping the device token for now, next attempt in ${formatDuration(wait)}`,
    };
  }

  if (code === 400 || code === 401 || code === 422) {
    return { record: stop(record, code, fingerprint), level: 'warn', message: `${code}: refused; stopped until the configuration or app version changes` };
  }

  if (code === 429 || code === 503) {
    const serverWait = retryAfterMs(result.headers.get('Retry-After'), serverNowMs);
    if (serverWait !== undefined) {
      const wait = retryAfterDelayMs(serverWait, record.failures, random);
      return { record: backOff(record, serverNowMs, wait, true), level: 'warn', message: `${code} with Retry-After ${formatDuration(serverWait)}; next attempt in ${formatDuration(wait)}` };
    }
  }

  const wait = backoffDelayMs(record.failures, random);
  return { record: backOff(record, serverNowMs, wait, false), level: 'warn', message: `${code}; next attempt in ${formatDuration(wait)}` };
}
