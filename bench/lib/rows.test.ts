import { describe, expect, it } from 'vitest';
import type { KeyRun } from '../measure/keys';
import type { LongRun } from '../measure/long-run';
import { keyRows, longRunRows, startupRows } from './rows';

const paths = { checkPath: '/api/device/check', pingPath: '/api/ping' };
const runs = (values: (number | null)[]) => values.map((value) => ({ tilePainted: value, checkSent: value === null ? null : value + 100 }));

describe('start-up rows', () => {
  it('judges the median ratio to the bare-Lit page against 1.5×', () => {
    const bare = runs([400, 400, 400, 400, 400, 400, 400, 400, 400, 500]);
    const [tile, check] = startupRows({ ok: true, value: { app: runs([580, 590, 600, 600, 600, 600, 600, 600, 610, 900]), appWaterfall: [], baseline: bare } });
    expect(tile.verdict).toBe('pass');
    expect(tile.value).toMatch(/^1\.50× \/ 1\.80×/);
    expect(check.verdict).toBe('fail');
  });

  it('says n/a, with no number, when a run never painted a tile', () => {
    const [tile] = startupRows({ ok: true, value: { app: runs([600, null]), appWaterfall: [], baseline: runs([400, 400]) } });
    expect(tile.verdict).toBe('n/a');
    expect(tile.value).toBe('n/a (1 of 2 runs never painted a focused tile)');
  });

  it('carries the reason when the section could not run at all', () => {
    expect(startupRows({ ok: false, reason: 'no focused rail tile appeared' }).map((row) => row.value)).toEqual(['n/a (no focused rail tile appeared)', 'n/a (no focused rail tile appeared)']);
  });
});

describe('key rows', () => {
  const press = (latency: number) => ({ id: 1, moved: true, latency, handled: latency / 2 });
  const run = (latencies: number[]): KeyRun => ({ railTiles: 200, presses: latencies.map(press), edgePresses: 0, perPress: { taskMs: 0, scriptMs: 0, styleMs: 0, layoutMs: 0 }, held: { keydowns: 30, moves: [press(10)], seconds: 1 } });

  it('passes when p95 of the presses is within one frame, and fails above it', () => {
    const fast = Array.from({ length: 200 }, (_, i) => (i < 190 ? 12 : 40));
    expect(keyRows({ ok: true, value: run(fast) }, { ok: true, value: [] })[0].verdict).toBe('pass');
    expect(keyRows({ ok: true, value: run(fast.map((v) => v + 5)) }, { ok: true, value: [] })[0].verdict).toBe('fail');
  });
});

describe('long-run rows', () => {
  const footprint = (heapBytes: number, domNodes: number) => ({ heapBytes, domNodes, listeners: 80 });
  const lean = { requests: { '/api/ping': 1, '/api/device/check': 1 } };
  const long = (end: ReturnType<typeof footprint>, extra: Record<string, number> = {}): LongRun => ({
    start: footprint(2_000_000, 1500),
    end,
    ticks: [lean, { requests: { ...lean.requests, ...extra } }],
    between: { steps: 1, activity: { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 }, requests: [], cpuMs: null },
    virtualHours: 24,
  });

  it('passes a flat footprint and lean ticks', () => {
    expect(longRunRows({ ok: true, value: long(footprint(2_900_000, 1500)) }, paths).map((row) => row.verdict)).toEqual(['pass', 'pass', 'info', 'pass']);
  });

  it('fails the per-tick row when a timer fired or a request went out between the checks', () => {
    const woken = (between: Partial<LongRun['between']>): LongRun => {
      const run = long(footprint(2_000_000, 1500));
      return { ...run, between: { ...run.between, ...between } };
    };
    const timer = longRunRows({ ok: true, value: woken({ activity: { timers: 1, frames: 0, idleCallbacks: 0, requests: 0 } }) }, paths)[3]!;
    expect([timer.verdict, timer.value]).toEqual(['fail', expect.stringContaining('between checks: 0 requests, 1 timers fired')]);
    const request = longRunRows({ ok: true, value: woken({ requests: ['/api/base/configs'] }) }, paths)[3]!;
    expect([request.verdict, request.value]).toEqual(['fail', expect.stringContaining('1 requests (1× /api/base/configs)')]);
  });

  it('fails heap growth over 1 MB, any DOM growth and a tick with an extra request', () => {
    const rows = longRunRows({ ok: true, value: long(footprint(3_100_000, 1501), { '/api/base/configs': 1 }) }, paths);
    expect(rows.map((row) => row.verdict)).toEqual(['fail', 'fail', 'info', 'fail']);
  });
});
