import { readActivity } from '../probes/activity-probe';
import type { ActivityCounts } from '../probes/probe-window';
import { sleep, type BenchPage } from './browser';
import type { StepRecord } from './ticks';
import { waitForQuiet } from './waits';

/** Real time for a tick's first request to leave the page after its timer fired. */
const SETTLE_MS = 50;
/** Real time without requests that ends a tick (ping → check → maybe add → check). */
const QUIET_MS = 300;

export interface DriveOptions {
  /** Virtual milliseconds per step. */
  stepMs: number;
  /** Stops after this many steps… */
  maxSteps: number;
  /** …or when this says so (checked after every step). */
  done?(steps: readonly StepRecord[]): boolean;
  /** Also sample main-thread task time per step (CDP Performance metrics). */
  sampleCpu: boolean;
}

const delta = (after: ActivityCounts, before: ActivityCounts): ActivityCounts => ({
  timers: after.timers - before.timers,
  frames: after.frames - before.frames,
  idleCallbacks: after.idleCallbacks - before.idleCallbacks,
  requests: after.requests - before.requests,
});

async function taskMs(bench: BenchPage): Promise<number> {
  const { metrics } = await bench.cdp.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('CDP Performance metrics have no TaskDuration');
  return task.value * 1000;
}

/**
 * Pauses the page's fake clock and advances it step by step; after each step, waits (in real
 * time) for whatever requests the step started to finish, so every request lands in the step
 * whose timers caused it.
 */
export async function driveVirtualTime(bench: BenchPage, options: DriveOptions): Promise<StepRecord[]> {
  const { page } = bench;
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  if (options.sampleCpu) await bench.cdp.send('Performance.enable');
  const steps: StepRecord[] = [];
  let activity = await page.evaluate(readActivity);
  let cpu = options.sampleCpu ? await taskMs(bench) : 0;
  while (steps.length < options.maxSteps && !(options.done && options.done(steps))) {
    const firstRequest = bench.requests.length;
    await page.clock.runFor(options.stepMs);
    await sleep(SETTLE_MS);
    let after = await page.evaluate(readActivity);
    if (bench.requests.length > firstRequest || after.requests > activity.requests) {
      await waitForQuiet(bench, QUIET_MS, 30_000);
      after = await page.evaluate(readActivity);
    }
    const cpuAfter = options.sampleCpu ? await taskMs(bench) : 0;
    steps.push({
      requests: bench.requests.slice(firstRequest).map((request) => request.path),
      activity: delta(after, activity),
      cpuMs: options.sampleCpu ? cpuAfter - cpu : null,
    });
    activity = after;
    cpu = cpuAfter;
  }
  return steps;
}
