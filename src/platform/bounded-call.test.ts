import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/log';
import { boundedCall, PLATFORM_CALL_TIMEOUT_MS } from './bounded-call';

const log = createLogger('platform:test');
const PLATFORM_MAC = 'a8:23:fe:10:20:30';

/** A platform read the test answers by hand, like a Luna call whose answer is on its way. */
function pendingRead(): { read: () => Promise<string>; answer(value: string): void } {
  let answer!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (answer = resolve));
  return { read: () => promise, answer: (value) => answer(value) };
}

/** The TV froze the hidden app for `ms` (longer than any timer it had), then fired every overdue timer at once on resume. */
async function frozenFor(ms: number): Promise<void> {
  vi.setSystemTime(Date.now() + ms);
  await vi.runOnlyPendingTimersAsync();
}

beforeEach(() => {
  vi.useFakeTimers();
  // Fake timers keep performance.now still when the system time jumps; a frozen TV moves both.
  vi.spyOn(performance, 'now').mockImplementation(() => Date.now());
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('boundedCall', () => {
  it('takes an answer that arrives right after the TV resumed the app, instead of a fallback identity', async () => {
    const mac = pendingRead();
    const result = boundedCall('MAC address', log, mac.read);
    await vi.advanceTimersByTimeAsync(1000);
    // Hidden at launch for half an hour: the overdue deadline fires before the answer lands.
    await frozenFor(30 * 60_000);
    mac.answer(PLATFORM_MAC);
    expect(await result).toBe(PLATFORM_MAC);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('gives up, with a warning, on a read that stays silent while the app runs', async () => {
    const result = boundedCall('MAC address', log, pendingRead().read);
    await vi.advanceTimersByTimeAsync(PLATFORM_CALL_TIMEOUT_MS - 250);
    await frozenFor(10 * 60_000);
    await vi.advanceTimersByTimeAsync(250);
    expect(await result).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith('[tv-app:platform:test]', `MAC address failed (no answer in ${PLATFORM_CALL_TIMEOUT_MS} ms)`);
  });
});
