import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, withRunningTimeout } from './running-timeout';

const MINUTES = 60_000;

/** A promise the test settles by hand, like an IndexedDB answer that is on its way. */
function pending<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Where a promise stands, without waiting for it. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await vi.advanceTimersByTimeAsync(0);
  return state;
}

describe('withRunningTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives up after the given time of the app running without an answer', async () => {
    const answer = pending<string>();
    const deadline = withRunningTimeout(answer.promise, 3000, () => Date.now());
    deadline.catch(() => {});
    await vi.advanceTimersByTimeAsync(2900);
    expect(await stateOf(deadline)).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    await expect(deadline).rejects.toBeInstanceOf(TimeoutError);
  });

  it('settles with the answer when it comes in time', async () => {
    const answer = pending<string>();
    const deadline = withRunningTimeout(answer.promise, 3000, () => Date.now());
    await vi.advanceTimersByTimeAsync(2000);
    answer.resolve('stored');
    await expect(deadline).resolves.toBe('stored');
    await expect(withRunningTimeout(Promise.reject(new Error('quota')), 3000, () => Date.now())).rejects.toThrow('quota');
  });

  it('does not count time the app was frozen: an answer after a resume is still taken', async () => {
    const answer = pending<string>();
    const deadline = withRunningTimeout(answer.promise, 3000, () => Date.now());
    await vi.advanceTimersByTimeAsync(1000);
    // The TV froze the app for half an hour, then fired its overdue timers at once, three times over.
    for (let resume = 0; resume < 3; resume++) {
      vi.setSystemTime(Date.now() + 30 * MINUTES);
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(await stateOf(deadline)).toBe('pending');
    answer.resolve('stored');
    await expect(deadline).resolves.toBe('stored');
  });

  it('does not count a clock set back, and still gives up once the app ran long enough', async () => {
    const answer = pending<string>();
    const deadline = withRunningTimeout(answer.promise, 3000, () => Date.now());
    deadline.catch(() => {});
    await vi.advanceTimersByTimeAsync(1000);
    vi.setSystemTime(Date.now() - 60 * MINUTES);
    // The tick that sees the clock set back counts as one tick (250 ms), not an hour less.
    await vi.advanceTimersByTimeAsync(1500);
    expect(await stateOf(deadline)).toBe('pending');
    await vi.advanceTimersByTimeAsync(500);
    await expect(deadline).rejects.toBeInstanceOf(TimeoutError);
  });

  it('still gives up on a store that never answers where time only ever jumps', async () => {
    const answer = pending<string>();
    const deadline = withRunningTimeout(answer.promise, 3000, () => Date.now());
    deadline.catch(() => {});
    const jump = async () => {
      vi.setSystemTime(Date.now() + 10 * MINUTES);
      await vi.advanceTimersByTimeAsync(250);
    };
    for (let jumps = 0; jumps < 11; jumps++) await jump();
    expect(await stateOf(deadline)).toBe('pending');
    await jump();
    await expect(deadline).rejects.toBeInstanceOf(TimeoutError);
  });
});
