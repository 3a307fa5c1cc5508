import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_TIMING, KeyRepeatGate, repeatInterval } from './key-repeat-gate';

/** Feeds a key held for `durationMs` with a keydown every `everyMs`; returns the times that acted. */
function hold(gate: KeyRepeatGate, key: string, durationMs: number, everyMs: number, start = 0): number[] {
  const acted: number[] = [];
  for (let t = start; t <= start + durationMs; t += everyMs) if (gate.press(key, t)) acted.push(t);
  return acted;
}

describe('KeyRepeatGate', () => {
  it('acts on every separate press', () => {
    const gate = new KeyRepeatGate();
    for (const t of [0, 40, 80]) {
      expect(gate.press('down', t)).toBe(true);
      gate.release('down');
    }
  });

  it('turns a flood of repeats into a bounded, steady rate', () => {
    const acted = hold(new KeyRepeatGate(), 'right', 3000, 10);
    // 100 Hz of keydowns for 3 s would be 301 moves; the ceiling is one per 80 ms after the delay.
    expect(acted.length).toBeLessThanOrEqual(1 + Math.ceil(3000 / DEFAULT_HOLD_TIMING.fastestMs));
    expect(acted.length).toBeGreaterThan(15);
    const gaps = acted.slice(1).map((t, i) => t - acted[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEFAULT_HOLD_TIMING.fastestMs);
  });

  it('waits before the first repeat, so a slightly long press moves once', () => {
    expect(hold(new KeyRepeatGate(), 'right', 250, 30)).toEqual([0]);
  });

  it('speeds up the longer the key is held', () => {
    const acted = hold(new KeyRepeatGate(), 'right', 3000, 10);
    const gaps = acted.slice(1).map((t, i) => t - acted[i]);
    expect(gaps[gaps.length - 1]).toBeLessThan(gaps[1]);
  });

  it('acts once per press for keys that must not repeat', () => {
    const gate = new KeyRepeatGate();
    const acted: number[] = [];
    for (let t = 0; t <= 3000; t += 10) if (gate.press('back', t, false)) acted.push(t);
    expect(acted).toEqual([0]);
    gate.release('back');
    expect(gate.press('back', 3010, false)).toBe(true);
  });

  it('takes a press after a lost keyup as a new press, while a long hold stays one', () => {
    const gate = new KeyRepeatGate();
    const acted: number[] = [];
    // OK held for 3 s acts once; its keyup never arrives (the app was hidden meanwhile).
    for (let t = 0; t <= 3000; t += 50) if (gate.press('enter', t, false)) acted.push(t);
    expect(acted).toEqual([0]);
    const next = 3000 + DEFAULT_HOLD_TIMING.lapseMs + 1;
    expect(gate.press('enter', next, false)).toBe(true);
    expect(gate.press('enter', next + 60, false)).toBe(false);
  });

  it('starts over when a different key is pressed', () => {
    const gate = new KeyRepeatGate();
    gate.press('right', 0);
    expect(gate.press('right', 20)).toBe(false);
    expect(gate.press('down', 30)).toBe(true);
  });
});

describe('repeatInterval', () => {
  it('goes from the slowest to the fastest pace and stays there', () => {
    expect(repeatInterval(0)).toBe(DEFAULT_HOLD_TIMING.slowestMs);
    expect(repeatInterval(60_000)).toBe(DEFAULT_HOLD_TIMING.fastestMs);
  });
});
