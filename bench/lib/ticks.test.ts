import { describe, expect, it } from 'vitest';
import { splitTicks, tickIsLean, tickShapes, type StepRecord } from './ticks';

const quiet = (cpuMs: number | null = 1): StepRecord => ({ requests: [], activity: { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 }, cpuMs });
const busy = (requests: string[], timers = 1, cpuMs: number | null = 5): StepRecord => ({ requests, activity: { timers, frames: 0, idleCallbacks: 0, requests: requests.length }, cpuMs });

describe('splitTicks', () => {
  it('counts each check with its ping as one tick and sums the quiet steps between', () => {
    const steps = [quiet(), busy(['/api/ping', '/api/device/check']), quiet(2), quiet(3), busy(['/api/ping', '/api/device/check'])];
    const { ticks, between } = splitTicks(steps, '/api/device/check');
    expect(ticks).toEqual([{ requests: { '/api/ping': 1, '/api/device/check': 1 } }, { requests: { '/api/ping': 1, '/api/device/check': 1 } }]);
    expect(between).toEqual({ steps: 3, activity: { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 }, requests: [], cpuMs: 6 });
  });

  it('keeps back-to-back ticks apart and counts an add-and-recheck as part of its tick', () => {
    const { ticks } = splitTicks([busy(['/api/ping', '/api/device/check']), busy(['/api/ping', '/api/device/check', '/api/device/add', '/api/device/check'])], '/api/device/check');
    expect(ticks).toEqual([{ requests: { '/api/ping': 1, '/api/device/check': 1 } }, { requests: { '/api/ping': 1, '/api/device/check': 2, '/api/device/add': 1 } }]);
  });

  it('puts timers and requests that are not part of a check between the ticks', () => {
    const timerOnly: StepRecord = { ...quiet(), activity: { timers: 2, frames: 3, idleCallbacks: 0, requests: 0 } };
    const { ticks, between } = splitTicks([timerOnly, busy(['/api/v1/device_app_register/'])], '/api/device/check');
    expect(ticks).toEqual([]);
    expect(between.activity).toEqual({ timers: 3, frames: 3, idleCallbacks: 0, requests: 1 });
    expect(between.requests).toEqual(['/api/v1/device_app_register/']);
  });

  it('leaves CPU unknown when any step was not sampled', () => {
    expect(splitTicks([quiet(null), quiet(1)], null).between.cpuMs).toBeNull();
  });
});

describe('tickIsLean', () => {
  const lean = (requests: Record<string, number>): boolean => tickIsLean({ requests }, '/api/device/check', '/api/ping');
  it('accepts one check with or without one ping', () => {
    expect(lean({ '/api/device/check': 1 })).toBe(true);
    expect(lean({ '/api/ping': 1, '/api/device/check': 1 })).toBe(true);
  });
  it('rejects a second ping, a second check or any other request', () => {
    expect(lean({ '/api/ping': 2, '/api/device/check': 1 })).toBe(false);
    expect(lean({ '/api/device/check': 2 })).toBe(false);
    expect(lean({ '/api/device/check': 1, '/api/base/configs': 1 })).toBe(false);
  });
});

describe('tickShapes', () => {
  it('groups ticks by the requests they sent, in the order sent', () => {
    const lean = { requests: { '/api/ping': 1, '/api/device/check': 1 } };
    expect(tickShapes([lean, lean, { requests: { '/api/device/check': 2, '/api/device/add': 1 } }])).toEqual({
      '1× /api/ping + 1× /api/device/check': 2,
      '2× /api/device/check + 1× /api/device/add': 1,
    });
  });
});
