import type { Browser } from '@playwright/test';
import { openBenchPage } from '../lib/browser';
import { splitTicks, type Between, type Tick } from '../lib/ticks';
import { driveVirtualTime } from '../lib/virtual-time';
import { waitForMarks, waitForQuiet } from '../lib/waits';

export const IDLE_MINUTES = 30;
/** Fine enough to see when between checks work happens; the bare-Lit floor takes the same steps. */
const STEP_MS = 5000;
/** Bounds a page that keeps scheduling timers (a polling loop): the count itself is the finding. */
const MAX_STEPS = 3000;

export interface IdleRun {
  /** What each device-check tick sent. */
  ticks: Tick[];
  /** Everything the page did outside the ticks. */
  between: Between;
}

/**
 * 30 virtual minutes on the home screen, untouched, after start-up settled: what runs between
 * device checks and what each check sends. `checkPath` null = a page without device checks
 * (the bare-Lit floor: the harness's own cost for the same steps).
 */
export async function measureIdle(browser: Browser, url: string, checkPath: string | null): Promise<IdleRun> {
  const bench = await openBenchPage(browser, { cpuRate: 1, fakeClock: true });
  try {
    await bench.page.goto(url);
    const marks = await waitForMarks(bench, checkPath, 30_000);
    if (marks.tilePainted === null) throw new Error('no focused rail tile appeared');
    await waitForQuiet(bench, 1000, 20_000);
    const { steps } = await driveVirtualTime(bench, { virtualMs: IDLE_MINUTES * 60_000, stepMs: STEP_MS, maxSteps: MAX_STEPS, sampleCpu: true });
    if (bench.errors.length) throw new Error(`the page threw while idle: ${bench.errors[0]}`);
    return splitTicks(steps, checkPath);
  } finally {
    await bench.close();
  }
}
