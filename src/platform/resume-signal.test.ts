import { describe, expect, it, vi } from 'vitest';
import type { LaunchParams } from './platform';
import { onResume } from './resume-signal';

describe('onResume', () => {
  it('calls back when the page turns visible or the platform relaunches, until unsubscribed', () => {
    let relaunch: ((params: LaunchParams) => void) | undefined;
    let visibility: DocumentVisibilityState = 'hidden';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const listener = vi.fn();
    const stop = onResume(document, { onRelaunch: (l) => ((relaunch = l), () => (relaunch = undefined)) }, listener);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(listener).not.toHaveBeenCalled();
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    relaunch?.({});
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(relaunch).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });
});
