import type { IdleRun } from '../measure/idle';
import type { KeyRun } from '../measure/keys';
import type { KeyResult } from '../probes/probe-window';
import type { LongRun } from '../measure/long-run';
import type { OldEngineRun } from '../measure/old-engine';
import type { SizeResult } from '../measure/size';
import type { StartupRuns } from '../measure/startup';
import type { Outcome } from './outcome';
import { summarize } from './stats';
import { info, judged, kb, ms, unavailable, type Row } from './table';
import { tickIsLean, tickShapes } from './ticks';

/** The issue's budgets. */
export const BUDGETS = {
  /** Whole app's first stage, gzip: less than Enact Spotlight alone (28.5 KB). */
  initialJsGzip: 25_000,
  /** Our start-up over the bare-Lit page's, both at 6× CPU. */
  startupRatio: 1.5,
  /** One frame at 60 Hz, at 6× CPU. */
  keyP95Ms: 16,
  heapGrowthBytes: 1_000_000,
} as const;

/** Where the app's device traffic goes (from its config.json). */
export interface Paths {
  /** `deviceApi.checkPath`: a request here marks a tick. */
  checkPath: string;
  /** `pingUrl`: the one extra request a tick may send. */
  pingPath: string;
}

const ratio = (value: number): string => `${value.toFixed(2)}×`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const signed = (value: number, format: (v: number) => string): string => `${value >= 0 ? '+' : '−'}${format(Math.abs(value))}`;

export function sizeRows(size: Outcome<{ app: SizeResult; baseline: SizeResult }>): Row[] {
  const budget = `≤ ${kb(BUDGETS.initialJsGzip)}`;
  const metric = 'initial JS, gzip (whole app: first screen and first check)';
  if (!size.ok) return [unavailable(metric, budget, size.reason)];
  const { app, baseline } = size.value;
  const loaded = app.files.filter((file) => file.status < 400);
  const missing = app.files.filter((file) => file.status >= 400).map((file) => file.path);
  const cssFiles = loaded.filter((file) => file.type === 'stylesheet').length;
  return [
    judged(metric, `${kb(app.js.gzip)} (raw ${kb(app.js.raw)})`, budget, app.js.gzip <= BUDGETS.initialJsGzip),
    info('JS fetched after the first screen (registration, approval, other screens), gzip', `${kb(app.jsLater.gzip)} (raw ${kb(app.jsLater.raw)}); all JS ${kb(app.js.gzip + app.jsLater.gzip)}`),
    info('initial CSS, gzip', cssFiles ? `${kb(app.css.gzip)} (raw ${kb(app.css.raw)}) in ${cssFiles} file(s)` : '0 KB: no CSS files (component styles ship inside the JS)'),
    info('files loaded at start-up', `${loaded.length}: ${loaded.map((file) => file.path).join(', ')}${missing.length ? `; not found off-TV: ${missing.join(', ')}` : ''}`),
    info('bare Lit page JS, gzip (yardstick)', `${kb(baseline.js.gzip)} (raw ${kb(baseline.js.raw)})`),
  ];
}

/** Median and p95 of one mark over the runs that reached it; null when some run never did. */
function markSummary(values: (number | null)[]): { p50: number; p95: number } | null {
  return values.every((value): value is number => value !== null) && values.length ? summarize(values) : null;
}

export function startupRows(startup: Outcome<StartupRuns>): Row[] {
  const budget = `median ≤ ${BUDGETS.startupRatio}×`;
  const tileMetric = 'start-up 6×: first focused tile painted, ratio to bare Lit (median / p95)';
  const checkMetric = 'start-up 6×: first device check sent, ratio to bare Lit (median / p95)';
  if (!startup.ok) return [unavailable(tileMetric, budget, startup.reason), unavailable(checkMetric, budget, startup.reason)];
  const { app, baseline } = startup.value;
  const bare = markSummary(baseline.map((run) => run.tilePainted));
  const row = (metric: string, values: (number | null)[], what: string): Row => {
    const ours = markSummary(values);
    if (!bare) return unavailable(metric, budget, 'the bare-Lit page never painted its tile');
    if (!ours) return unavailable(metric, budget, `${values.filter((v) => v === null).length} of ${values.length} runs never ${what}`);
    const value = `${ratio(ours.p50 / bare.p50)} / ${ratio(ours.p95 / bare.p95)} (${ms(ours.p50)} / ${ms(ours.p95)} vs ${ms(bare.p50)} / ${ms(bare.p95)}, ${values.length} cold runs each)`;
    return judged(metric, value, budget, ours.p50 / bare.p50 <= BUDGETS.startupRatio);
  };
  return [row(tileMetric, app.map((run) => run.tilePainted), 'painted a focused tile'), row(checkMetric, app.map((run) => run.checkSent), 'sent a device check')];
}

export function keyRows(keys: Outcome<KeyRun>, floor: Outcome<KeyResult[]>): Row[] {
  const budget = `p95 ≤ ${BUDGETS.keyP95Ms} ms`;
  const pressMetric = 'key response 6×, 200 presses on 10×20 tiles (p50 / p95 / max)';
  const heldMetric = 'key held 6× at 30 Hz (p50 / p95 / max of the moves)';
  const floorMetric = 'key response floor 6×: plain 10×20 grid, one-line handler, same probe';
  const floorRow = ((): Row => {
    if (!floor.ok) return unavailable(floorMetric, '—', floor.reason);
    if (!floor.value.length) return unavailable(floorMetric, '—', 'focus never moved');
    const total = summarize(floor.value.map((result) => result.latency));
    return info(floorMetric, `${ms(total.p50)} / ${ms(total.p95)} / ${ms(total.max)} (${total.count} moves)`);
  })();
  if (!keys.ok) return [unavailable(pressMetric, budget, keys.reason), unavailable(heldMetric, budget, keys.reason), floorRow];
  const { presses, held, railTiles } = keys.value;
  const row = (metric: string, results: { latency: number; handled: number }[], extra: string): Row => {
    if (!results.length) return unavailable(metric, budget, 'focus never moved');
    const total = summarize(results.map((result) => result.latency));
    const handled = summarize(results.map((result) => result.handled));
    const value = `${ms(total.p50)} / ${ms(total.p95)} / ${ms(total.max)} (keydown → focus moved: p95 ${ms(handled.p95)}; ${extra})`;
    return judged(metric, value, budget, total.p95 <= BUDGETS.keyP95Ms);
  };
  return [
    row(pressMetric, presses, `${presses.length} moves, ${railTiles} rail tiles`),
    row(heldMetric, held.moves, `${held.moves.length} moves from ${held.keydowns} keydowns in ${held.seconds.toFixed(1)} s`),
    floorRow,
  ];
}

export function idleRows(idle: Outcome<{ app: IdleRun; baseline: IdleRun }>, paths: Paths): Row[] {
  const metrics = {
    timers: 'idle 30 virtual min: timers fired between checks',
    tasks: 'idle 30 virtual min: tasks run between checks (timer, frame, idle callbacks; requests)',
    cpu: 'idle 30 virtual min: main-thread CPU between checks',
    perTick: 'idle 30 virtual min: requests per check tick',
  };
  if (!idle.ok) return Object.values(metrics).map((metric) => unavailable(metric, '—', idle.reason));
  const { app, baseline } = idle.value;
  const work = app.between.activity;
  const tasks = work.timers + work.frames + work.idleCallbacks;
  return [
    judged(metrics.timers, String(work.timers), '0', work.timers === 0),
    judged(metrics.tasks, `${tasks} callbacks (${work.timers} timer, ${work.frames} frame, ${work.idleCallbacks} idle); ${app.between.requests.length} requests${describeRequests(app.between.requests)}`, '0', tasks === 0 && app.between.requests.length === 0),
    info(metrics.cpu, app.between.cpuMs === null || baseline.between.cpuMs === null ? 'not sampled' : `${ms(app.between.cpuMs)} over ${app.between.steps} steps; bare-Lit page, same steps: ${ms(baseline.between.cpuMs)} (the harness's own cost)`),
    perTickRow(metrics.perTick, app, paths),
  ];
}

function describeRequests(paths: string[]): string {
  if (!paths.length) return '';
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
  return ` (${[...counts].map(([path, count]) => `${count}× ${path}`).join(', ')})`;
}

function perTickRow(metric: string, run: Pick<IdleRun, 'ticks'>, paths: Paths): Row {
  const budget = '1 check + ≤ 1 ping';
  if (!run.ticks.length) return unavailable(metric, budget, 'no device check was sent');
  const lean = run.ticks.filter((tick) => tickIsLean(tick, paths.checkPath, paths.pingPath)).length;
  const shapes = tickShapes(run.ticks);
  const value = Object.keys(shapes)
    .map((shape) => `${shape} (${shapes[shape]} ticks)`)
    .join('; ');
  return judged(metric, value, budget, lean === run.ticks.length);
}

/** The per-tick row of a long run, which also fails on any request or timer between the checks (the issue: zero work between ticks). */
function quietBetween(perTick: Row, value: string, between: LongRun['between']): Row {
  const quiet = between.requests.length === 0 && between.activity.timers === 0;
  const verdict = perTick.verdict === 'pass' && !quiet ? 'fail' : perTick.verdict;
  return {
    ...perTick,
    value: `${value}; between checks: ${between.requests.length} requests${describeRequests(between.requests)}, ${between.activity.timers} timers fired`,
    budget: `${perTick.budget}; nothing between`,
    verdict,
  };
}

export function longRunRows(long: Outcome<LongRun>, paths: Paths): Row[] {
  const metrics = {
    heap: '24 virtual h: JS heap after GC, start → end',
    dom: '24 virtual h: DOM nodes (shadow roots included), start → end',
    listeners: '24 virtual h: event listeners, start → end',
    perTick: '24 virtual h: requests per check tick',
  };
  if (!long.ok) return Object.values(metrics).map((metric) => unavailable(metric, '—', long.reason));
  const { start, end, ticks, between, virtualHours } = long.value;
  const heapGrowth = end.heapBytes - start.heapBytes;
  const perTick = perTickRow(metrics.perTick, { ticks }, paths);
  return [
    judged(metrics.heap, `${mb(start.heapBytes)} → ${mb(end.heapBytes)} (${signed(heapGrowth, mb)})`, `growth ≤ ${mb(BUDGETS.heapGrowthBytes)}`, heapGrowth <= BUDGETS.heapGrowthBytes),
    judged(metrics.dom, `${start.domNodes} → ${end.domNodes} (${signed(end.domNodes - start.domNodes, String)})`, 'flat', end.domNodes <= start.domNodes),
    info(metrics.listeners, `${start.listeners} → ${end.listeners} (${signed(end.listeners - start.listeners, String)})`),
    quietBetween(perTick, `${ticks.length} checks in ${virtualHours.toFixed(1)} h: ${perTick.value}`, between),
  ];
}

export function oldEngineRows(old: Outcome<OldEngineRun>): Row[] {
  const metric = 'old engine, Chromium 69, no throttle: first focused tile painted / first check sent (median)';
  if (!old.ok) return [unavailable(metric, '—', old.reason)];
  const { product, runs } = old.value;
  const tile = markSummary(runs.map((run) => run.tilePainted));
  const check = markSummary(runs.map((run) => run.checkSent));
  if (!tile) return [unavailable(metric, '—', `${product} never painted a focused tile`)];
  return [info(metric, `${ms(tile.p50)} / ${check ? ms(check.p50) : 'no check sent'} (${product}, ${runs.length} cold runs)`)];
}
