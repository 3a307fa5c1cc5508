import { readActivity } from '../probes/activity-probe';
import type { ActivityCounts } from '../probes/probe-window';
import { sleep, type BenchPage } from './browser';
import type { StepRecord } from './ticks';
import { waitForQuiet } from './waits';

/** Real time for a tick's first request to leave the page after its timer fired. */
const SETTLE_MS = 50;
/** Real time without requests that ends a tick (ping → configs → check → maybe add → check). */
const QUIET_MS = 300;

export interface DriveOptions {
  /** Virtual milliseconds to run at most. */
  virtualMs: number;
  /** The longest single advance; a step also ends at the next due timer. */
  stepMs: number;
  /** Stops early when this says so (checked after every step). */
  done?(steps: readonly StepRecord[]): boolean;
  /** Also sample main-thread task time per step (CDP Performance metrics). */
  sampleCpu: boolean;
  /** A page that keeps scheduling timers must not hold the bench forever. */
  maxSteps: number;
}

export interface Drive {
  /** One record per advance of the clock, in order. */
  steps: StepRecord[];
  /** Virtual time actually run. */
  virtualMs: number;
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
 * Stops the fake clock, which runs with real time since `install()`: `pauseAt` needs a moment
 * still ahead of the page's clock when the command arrives, which a loaded machine can delay.
 */
async function pauseClock(bench: BenchPage): Promise<void> {
  for (let ahead = 100; ; ahead *= 10) {
    const now = await bench.page.evaluate(() => Date.now());
    try {
      await bench.page.clock.pauseAt(now + ahead);
      return;
    } catch (error) {
      if (ahead >= 100_000) throw error;
    }
  }
}

/**
 * Pauses the page's fake clock and advances it in steps of at most `stepMs` that never run past
 * the next due timeout or interval: a timer fires only at the very end of a step. After each
 * step the runner waits, in real time with the clock still paused, until the requests the step
 * started are answered — so a request's own timeout (a fake timer too) never fires just because
 * virtual time ran on while the real network was answering, and each request lands in the step
 * whose timer caused it.
 */
export async function driveVirtualTime(bench: BenchPage, options: DriveOptions): Promise<Drive> {
  const { page } = bench;
  await pauseClock(bench);
  if (options.sampleCpu) await bench.cdp.send('Performance.enable');
  const steps: StepRecord[] = [];
  let state = await page.evaluate(readActivity);
  const end = state.now + options.virtualMs;
  let cpu = options.sampleCpu ? await taskMs(bench) : 0;
  while (state.now < end && steps.length < options.maxSteps && !(options.done && options.done(steps))) {
    const firstRequest = bench.requests.length;
    const target = Math.min(end, state.now + options.stepMs, state.nextDue === null ? end : Math.max(state.nextDue, state.now + 1));
    await page.clock.runFor(target - state.now);
    await sleep(SETTLE_MS);
    let after = await page.evaluate(readActivity);
    if (bench.requests.length > firstRequest || after.counts.requests > state.counts.requests) {
      await waitForQuiet(bench, QUIET_MS, 30_000);
      after = await page.evaluate(readActivity);
    }
    const cpuAfter = options.sampleCpu ? await taskMs(bench) : 0;
    steps.push({
      requests: bench.requests.slice(firstRequest).map((request) => request.path),
      activity: delta(after.counts, state.counts),
      cpuMs: options.sampleCpu ? cpuAfter - cpu : null,
    });
    state = after;
    cpu = cpuAfter;
  }
  return { steps, virtualMs: state.now - (end - options.virtualMs) };
}
