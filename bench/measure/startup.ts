import type { Browser } from '@playwright/test';
import { openBenchPage } from '../lib/browser';
import { waitForMarks, type Marks } from '../lib/waits';

/** The throttle LG profiles its TVs at. */
export const TV_CPU_RATE = 6;
/** How long one cold start may take at 6× before the run counts as "never happened". */
const START_TIMEOUT_MS = 45_000;

/** One request of a start-up, in the page's milliseconds from navigation start. */
export interface Fetched {
  path: string;
  start: number;
  end: number;
}

/** One entry per cold run, in the order run. */
export interface StartupRuns {
  app: Marks[];
  /** The app's requests in its median run (by first focused tile): what start-up waits on. */
  appWaterfall: Fetched[];
  /** The bare-Lit page: only `tilePainted` (it sends no device check). */
  baseline: Marks[];
}

/** Where each side is served and how the app's side is reset to a first run. */
export interface StartupSides {
  /** The built app, served with the reference API. */
  appUrl: string;
  /** The bare-Lit page, served the same way. */
  baselineUrl: string;
  /** The app's device-check path, whose first request is the second start-up mark. */
  checkPath: string;
  /** Called before every app run: the reference server forgets the previous run's device. */
  resetServer(): void;
}

/**
 * `runs` cold starts of each side at 6× CPU, interleaved (app, bare, bare, app, …) so drift in
 * the machine's load hits both sides alike; each in a fresh context (empty cache and storage).
 */
export async function measureStartup(browser: Browser, sides: StartupSides, runs: number): Promise<StartupRuns> {
  const result: StartupRuns = { app: [], appWaterfall: [], baseline: [] };
  const waterfalls: Fetched[][] = [];
  // A side that never shows a tile (or a check) would cost the full timeout on every run: the
  // first miss ends the section (or the wait for checks).
  let waitForCheck = true;
  const runApp = async (): Promise<void> => {
    sides.resetServer();
    const { marks, waterfall } = await coldStart(browser, sides.appUrl, waitForCheck ? sides.checkPath : null);
    if (marks.checkSent === null) waitForCheck = false;
    waterfalls.push(waterfall);
    if (marks.tilePainted === null) throw new Error(`the app painted no focused rail tile within ${START_TIMEOUT_MS / 1000} s at 6×`);
    result.app.push(marks);
  };
  const runBaseline = async (): Promise<void> => {
    const { marks } = await coldStart(browser, sides.baselineUrl, null);
    if (marks.tilePainted === null) throw new Error(`the bare-Lit page painted no tile within ${START_TIMEOUT_MS / 1000} s`);
    result.baseline.push(marks);
  };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [runBaseline, runApp] : [runApp, runBaseline];
    for (const run of order) await run();
  }
  const byTile = result.app.map((marks, index) => ({ index, at: marks.tilePainted ?? Infinity })).sort((a, b) => a.at - b.at);
  result.appWaterfall = waterfalls[byTile[Math.floor((byTile.length - 1) / 2)].index];
  return result;
}

/** The page's resource timing, as paths: which fetch waited for which. */
function readWaterfall(): Fetched[] {
  return performance.getEntriesByType('resource').map((entry) => ({
    path: new URL(entry.name).pathname,
    start: Math.round(entry.startTime),
    end: Math.round((entry as PerformanceResourceTiming).responseEnd),
  }));
}

async function coldStart(browser: Browser, url: string, checkPath: string | null): Promise<{ marks: Marks; waterfall: Fetched[] }> {
  const bench = await openBenchPage(browser, { cpuRate: TV_CPU_RATE });
  try {
    await bench.page.goto(url, { waitUntil: 'commit' });
    const marks = await waitForMarks(bench, checkPath, START_TIMEOUT_MS);
    if (bench.errors.length) throw new Error(`the page threw during start-up: ${bench.errors[0]}`);
    return { marks, waterfall: await bench.page.evaluate(readWaterfall) };
  } finally {
    await bench.close();
  }
}
