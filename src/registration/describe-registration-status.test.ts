import { describe, expect, it } from 'vitest';
import { describeRegistrationStatus, formatWhen } from './describe-registration-status';

const NOW = new Date(2025, 2, 1, 12, 0, 0).getTime();
const values = (...args: Parameters<typeof describeRegistrationStatus>) => describeRegistrationStatus(...args).map((row) => `${row.label}: ${row.value}`);

describe('describeRegistrationStatus', () => {
  it('shows a registration, its last answer and when it will be renewed', () => {
    const renewal = new Date(2025, 7, 12, 9, 30, 0).getTime();
    expect(values({ state: 'registered', expiresAtLocalMs: new Date(2025, 7, 28, 12, 0, 0).getTime(), lastOutcome: { status: 201, atLocalMs: NOW - 5000 }, nextAttemptAtLocalMs: renewal, waitingForNetwork: false }, NOW)).toEqual([
      'State: Registered until 2025-08-28 12:00:00',
      'Last answer: 201 Created at 11:59:55',
      'Next attempt: 2025-08-12 09:30:00',
    ]);
  });

  it('says a 409 is never retried and a 422 waits for a new configuration', () => {
    const stopped = { state: 'stopped' as const, lastOutcome: { status: 409, atLocalMs: NOW }, waitingForNetwork: false };
    expect(values({ ...stopped, stoppedStatus: 409 }, NOW)).toEqual(['State: Already registered', 'Last answer: 409 Conflict at 12:00:00', 'Next attempt: Never: already registered (409)']);
    expect(values({ ...stopped, stoppedStatus: 422 }, NOW)[2]).toBe('Next attempt: Stopped: refused (422) until the configuration or app version changes');
  });

  it('shows a failure without an answer and the backoff time', () => {
    expect(values({ state: 'unregistered', lastOutcome: { status: 'network', atLocalMs: NOW }, nextAttemptAtLocalMs: NOW + 90_000, waitingForNetwork: false }, NOW)).toEqual([
      'State: Not registered',
      'Last answer: No answer (network error) at 12:00:00',
      'Next attempt: 12:01:30',
    ]);
    expect(values({ state: 'unregistered', waitingForNetwork: true }, NOW)[2]).toBe('Next attempt: When the network is back');
  });

  it('says when registration is off', () => {
    expect(values({ state: 'off', waitingForNetwork: false }, NOW)).toEqual(['State: Off: no registration token configured', 'Last answer: None yet', 'Next attempt: None']);
  });
});

describe('formatWhen', () => {
  it('gives the time alone today, the date otherwise', () => {
    expect(formatWhen(NOW + 3600_000, NOW)).toBe('13:00:00');
    expect(formatWhen(NOW + 24 * 3600_000, NOW)).toBe('2025-03-02 12:00:00');
  });
});
