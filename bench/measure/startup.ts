import type { Browser } from '@playwright/test';
import { openBenchPage } from '../lib/browser';
import { waitForMarks, type Marks } from '../lib/waits';

/** The throttle LG profiles its TVs at. */
export const TV_CPU_RATE = 6;
/** How long one cold start may take at 6× before the run counts as "never happened". */
const START_TIMEOUT_MS = 45_000;

export interface StartupRuns {
  app: Marks[];
  baseline: Marks[];
}

/** Where each side is served and how the app's side is reset to a first run. */
export interface StartupSides {
  appUrl: string;
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
  const result: StartupRuns = { app: [], baseline: [] };
  const runApp = async (): Promise<void> => {
    sides.resetServer();
    result.app.push(await coldStart(browser, sides.appUrl, sides.checkPath));
  };
  const runBaseline = async (): Promise<void> => {
    result.baseline.push(await coldStart(browser, sides.baselineUrl, null));
  };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [runBaseline, runApp] : [runApp, runBaseline];
    for (const run of order) await run();
  }
  return result;
}

async function coldStart(browser: Browser, url: string, checkPath: string | null): Promise<Marks> {
  const bench = await openBenchPage(browser, { cpuRate: TV_CPU_RATE });
  try {
    await bench.page.goto(url, { waitUntil: 'commit' });
    const marks = await waitForMarks(bench, checkPath, START_TIMEOUT_MS);
    if (bench.errors.length) throw new Error(`the page threw during start-up: ${bench.errors[0]}`);
    return marks;
  } finally {
    await bench.close();
  }
}
