import type { ActivityCounts } from '../probes/probe-window';

/** One slice of virtual time and what the page did in it. */
export interface StepRecord {
  /** Request paths started during the step (after it, until the network went quiet). */
  requests: string[];
  /** Callbacks run and requests started by script in the step. */
  activity: ActivityCounts;
  /** Main-thread task time in the step (CDP `TaskDuration`), ms; null when not sampled. */
  cpuMs: number | null;
}

/** One device-check tick: consecutive steps with requests, at least one of them a check. */
export interface Tick {
  /** How many requests went to each path during the tick. */
  requests: Record<string, number>;
}

/** What happened in the steps that belong to no tick. */
export interface Between {
  steps: number;
  activity: ActivityCounts;
  /** Request paths started between ticks. */
  requests: string[];
  /** Summed over the between-tick steps; null when CPU was not sampled. */
  cpuMs: number | null;
}

const zero = (): ActivityCounts => ({ timers: 0, frames: 0, idleCallbacks: 0, requests: 0 });

/**
 * Splits stepped virtual time into device-check ticks and the time between them. A tick is a
 * run of consecutive steps that started requests, one of them to `checkPath` — so a ping, the
 * check and an add-and-recheck that spill into the next step stay one tick.
 */
export function splitTicks(steps: readonly StepRecord[], checkPath: string | null): { ticks: Tick[]; between: Between } {
  const ticks: Tick[] = [];
  const between: Between = { steps: 0, activity: zero(), requests: [], cpuMs: steps.some((step) => step.cpuMs === null) ? null : 0 };
  const addBetween = (step: StepRecord): void => {
    between.steps += 1;
    for (const key of Object.keys(between.activity) as (keyof ActivityCounts)[]) between.activity[key] += step.activity[key];
    between.requests.push(...step.requests);
    if (between.cpuMs !== null && step.cpuMs !== null) between.cpuMs += step.cpuMs;
  };
  let i = 0;
  while (i < steps.length) {
    let end = i;
    while (end < steps.length && steps[end].requests.length) end += 1;
    const run = steps.slice(i, end);
    const paths = run.flatMap((step) => step.requests);
    if (checkPath !== null && paths.indexOf(checkPath) >= 0) {
      const requests: Record<string, number> = {};
      for (const path of paths) requests[path] = (requests[path] ?? 0) + 1;
      ticks.push({ requests });
    } else run.forEach(addBetween);
    if (end < steps.length) addBetween(steps[end]);
    i = end + 1;
  }
  return { ticks, between };
}

/** The rule: exactly one check and at most one ping per tick, nothing else. */
export function tickIsLean(tick: Tick, checkPath: string, pingPath: string): boolean {
  return Object.keys(tick.requests).every((path) => path === checkPath || path === pingPath) && tick.requests[checkPath] === 1 && (tick.requests[pingPath] ?? 0) <= 1;
}
