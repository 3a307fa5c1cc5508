import { describe, expect, it } from 'vitest';
import { keyFromEvent } from './key-map';

describe('keyFromEvent', () => {
  it('reads desktop keys by name', () => {
    expect(keyFromEvent({ key: 'ArrowLeft', keyCode: 37 })).toBe('left');
    expect(keyFromEvent({ key: 'Enter', keyCode: 13 })).toBe('enter');
    expect(keyFromEvent({ key: 'Escape', keyCode: 27 })).toBe('back');
    expect(keyFromEvent({ key: 'Backspace', keyCode: 8 })).toBe('back');
  });

  it('reads TV keys by code when the engine has no name for them', () => {
    expect(keyFromEvent({ key: 'Unidentified', keyCode: 10009 })).toBe('back'); // Tizen
    expect(keyFromEvent({ keyCode: 461 })).toBe('back'); // webOS
    expect(keyFromEvent({ keyCode: 10182 })).toBe('exit');
    expect([403, 404, 405, 406].map((keyCode) => keyFromEvent({ keyCode }))).toEqual(['red', 'green', 'yellow', 'blue']);
    expect([10252, 415, 19, 413, 412, 417].map((keyCode) => keyFromEvent({ keyCode }))).toEqual(['play-pause', 'play', 'pause', 'stop', 'rewind', 'fast-forward']);
  });

  it('reads Tizen key names', () => {
    expect(keyFromEvent({ key: 'XF86Back', keyCode: 10009 })).toBe('back');
    expect(keyFromEvent({ key: 'ColorF0Red', keyCode: 403 })).toBe('red');
  });

  it('ignores keys that mean nothing to a remote', () => {
    expect(keyFromEvent({ key: 'a', keyCode: 65 })).toBeUndefined();
    expect(keyFromEvent({})).toBeUndefined();
  });

  it('leaves Backspace to a text field, but not the remote’s Back key', () => {
    expect(keyFromEvent({ key: 'Backspace', keyCode: 8 }, true)).toBeUndefined();
    expect(keyFromEvent({ keyCode: 8 }, true)).toBeUndefined();
    expect(keyFromEvent({ keyCode: 10009 }, true)).toBe('back');
    expect(keyFromEvent({ key: 'Escape', keyCode: 27 }, true)).toBe('back');
  });
});
