import { formatClockTime } from '../device/describe-device-state';
import type { InfoRow } from '../components/info-rows';
import type { RegistrationStatus } from './registration-client';

const STATUS_TEXT: Record<number, string> = {
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const STOP_TEXT: Record<number, string> = {
  409: 'Never: already registered (409)',
  401: 'Stopped: token refused (401) until the configuration or app version changes',
};

const pad = (value: number): string => String(value).padStart(2, '0');

/** The TV's local time; with the date when it is not today (renewals are months away). */
export function formatWhen(localMs: number, nowLocalMs: number): string {
  const at = new Date(localMs);
  if (at.toDateString() === new Date(nowLocalMs).toDateString()) return formatClockTime(localMs);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${formatClockTime(localMs)}`;
}

function describeState(status: RegistrationStatus, nowLocalMs: number): InfoRow {
  switch (status.state) {
    case 'off':
      return { label: 'State', value: 'Off: no registration token configured', tone: 'muted' };
    case 'starting':
      return { label: 'State', value: 'Starting…', tone: 'muted' };
    case 'no-storage':
      return { label: 'State', value: 'Waiting for the TV’s storage to answer', tone: 'bad' };
    case 'registering':
      return { label: 'State', value: 'Registering now…' };
    case 'registered': {
      const until = status.expiresAtLocalMs === undefined ? '' : ` until ${formatWhen(status.expiresAtLocalMs, nowLocalMs)}`;
      return { label: 'State', value: `Registered${until}`, tone: 'good' };
    }
    case 'expired':
      return { label: 'State', value: 'Registration expired', tone: 'bad' };
    case 'unregistered':
      return { label: 'State', value: 'Not registered', tone: 'bad' };
    case 'stopped':
      return { label: 'State', value: status.stoppedStatus === 409 ? 'Already registered' : 'Not registered', tone: status.stoppedStatus === 409 ? undefined : 'bad' };
  }
}

function describeLastAnswer(status: RegistrationStatus, nowLocalMs: number): InfoRow {
  const outcome = status.lastOutcome;
  if (!outcome) return { label: 'Last answer', value: 'None yet', tone: 'muted' };
  const what =
    typeof outcome.status === 'number'
      ? `${outcome.status}${STATUS_TEXT[outcome.status] ? ` ${STATUS_TEXT[outcome.status]}` : ''}`
      : `No answer (${outcome.status === 'timeout' ? 'timed out' : 'network error'})`;
  const good = outcome.status === 201;
  return { label: 'Last answer', value: `${what} at ${formatWhen(outcome.atLocalMs, nowLocalMs)}`, tone: good ? 'good' : undefined };
}

function describeNextAttempt(status: RegistrationStatus, nowLocalMs: number): InfoRow {
  const label = 'Next attempt';
  if (status.state === 'off' || status.state === 'starting') return { label, value: 'None', tone: 'muted' };
  if (status.state === 'registering') return { label, value: 'In progress' };
  if (status.stoppedStatus !== undefined) {
    return { label, value: STOP_TEXT[status.stoppedStatus] ?? `Stopped: refused (${status.stoppedStatus}) until the configuration or app version changes`, tone: 'muted' };
  }
  if (status.waitingForNetwork) return { label, value: 'When the network is back', tone: 'muted' };
  if (status.nextAttemptAtLocalMs === undefined) return { label, value: 'None needed', tone: 'muted' };
  return { label, value: formatWhen(status.nextAttemptAtLocalMs, nowLocalMs) };
}

/** Registration in words for the tester's device screen: state, last answer, next attempt. */
export function describeRegistrationStatus(status: RegistrationStatus, nowLocalMs: number): InfoRow[] {
  return [describeState(status, nowLocalMs), describeLastAnswer(status, nowLocalMs), describeNextAttempt(status, nowLocalMs)];
}
