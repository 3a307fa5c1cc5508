import { describe, expect, it, vi } from 'vitest';
import { mergeApprovalLaunch, readApprovalLaunch, takeApprovalLaunchFromUrl } from './approval-launch';

describe('approval launch parameters', () => {
  it('reads magicLink and userToken, ignoring blanks', () => {
    expect(readApprovalLaunch({ magicLink: ' ml_1 ', userToken: '', other: 'x' })).toEqual({ magicLink: 'ml_1', userToken: undefined });
  });

  it('takes ?magicLink= and ?userToken= from the URL once and removes them, keeping the rest', () => {
    const history = { state: { keep: true }, replaceState: vi.fn() };
    const launch = takeApprovalLaunchFromUrl({ href: 'http://tv.example/app/?emulate=tizen&magicLink=ml_2&userToken=ut#top' }, history);
    expect(launch).toEqual({ magicLink: 'ml_2', userToken: 'ut' });
    expect(history.replaceState).toHaveBeenCalledWith({ keep: true }, '', '/app/?emulate=tizen#top');
  });

  it('still reads the link when the engine refuses to change the URL', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const history = {
      state: null,
      replaceState: () => {
        throw new DOMException('file:// history', 'SecurityError');
      },
    };
    expect(takeApprovalLaunchFromUrl({ href: 'file:///opt/app/index.html?magicLink=ml_3' }, history)).toEqual({ magicLink: 'ml_3', userToken: undefined });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('ml_3');
    warn.mockRestore();
  });

  it('leaves a URL without them untouched', () => {
    const history = { state: null, replaceState: vi.fn() };
    expect(takeApprovalLaunchFromUrl({ href: 'http://tv.example/app/?emulate=tizen' }, history)).toEqual({ magicLink: undefined, userToken: undefined });
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('prefers the platform launch parameters over the URL', () => {
    expect(mergeApprovalLaunch({ magicLink: 'from-platform' }, { magicLink: 'from-url', userToken: 'ut' })).toEqual({ magicLink: 'from-platform', userToken: 'ut' });
  });
});
