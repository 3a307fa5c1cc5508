import { describe, expect, it } from 'vitest';
import type { RegisterNowOutcome } from '../registration/registration-client';
import { describeApprovalResult } from './approval-messages';

const NOW = new Date(2025, 2, 1, 12, 0, 0).getTime();
const notRegistered = (registration: RegisterNowOutcome, now = NOW) => describeApprovalResult({ kind: 'not-registered', registration }, now);

describe('describeApprovalResult: this TV is not registered (404)', () => {
  it('promises a registration only when one is under way', () => {
    expect(notRegistered({ kind: 'started' })).toEqual({ title: 'This TV is not registered yet.', detail: 'It is registering now. Choose Try again in a moment.', tone: 'bad' });
  });

  it('says registering waits for the network or for the TV\'s storage, instead of promising it is under way', () => {
    expect(notRegistered({ kind: 'offline' }).detail).toBe('It will register as soon as the TV is back online. Choose Try again then.');
    expect(notRegistered({ kind: 'no-storage' }).detail).toBe('The TV’s storage is not answering, so it cannot register yet. Choose Try again in a few minutes.');
  });

  it('says registration is switched off in the settings, so approval cannot work', () => {
    expect(notRegistered({ kind: 'off' }).detail).toBe('Registration is switched off in this app’s settings, so this TV cannot be approved. Ask whoever set up the app to switch it on.');
  });

  it('says registration was refused, with the status', () => {
    expect(notRegistered({ kind: 'stopped', status: 401 }).detail).toBe('The server refused to register it (error 401), so this TV cannot be approved for now. Ask whoever runs the service for help.');
  });

  it('says when it will register after a wait the server asked for, with the date when not today', () => {
    const wait = new Date(2025, 2, 1, 12, 14, 30).getTime();
    expect(notRegistered({ kind: 'waiting', untilLocalMs: wait }).detail).toBe('The server asked it to wait: it will register at 12:14:30. Choose Try again after that.');
    expect(notRegistered({ kind: 'waiting', untilLocalMs: wait }, wait - 24 * 3600_000).detail).toContain('at 2025-03-01 12:14:30.');
  });
});

describe('describeApprovalResult: an answer the TV did not expect', () => {
  it('names an error status, and says of a 2xx without an approval in it what it lacks', () => {
    expect(describeApprovalResult({ kind: 'failed', status: 503 }, NOW).detail).toBe('The server answered with error 503. Try again later.');
    expect(describeApprovalResult({ kind: 'failed', status: 200 }, NOW).detail).toBe('The server’s answer did not say the TV is approved. Try again later.');
  });
});
