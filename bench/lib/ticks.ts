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

/** One device-check tick: what the check's timer set off. */
export interface Tick {
  /** How many requests went to each path during the tick. */
  requests: Record<string, number>;
}

/** What happened in the steps that belong to no tick. */
export interface Between {
  /** Clock advances outside any tick. */
  steps: number;
  /** Callbacks run and requests started in those steps, summed. */
  activity: ActivityCounts;
  /** Request paths started between ticks. */
  requests: string[];
  /** Summed over the between-tick steps; null when CPU was not sampled. */
  cpuMs: number | null;
}

const zero = (): ActivityCounts => ({ timers: 0, frames: 0, idleCallbacks: 0, requests: 0 });

/**
 * Splits stepped virtual time into device-check ticks and the time between them. The runner
 * never advances past a due timer within a step and waits for the network before the next, so
 * a check's whole chain (ping, configs, check, add and re-check) lands in the step whose timer
 * started it: a tick is a step with a request to `checkPath`.
 */
export function splitTicks(steps: readonly StepRecord[], checkPath: string | null): { ticks: Tick[]; between: Between } {
  const ticks: Tick[] = [];
  const between: Between = { steps: 0, activity: zero(), requests: [], cpuMs: steps.some((step) => step.cpuMs === null) ? null : 0 };
  for (const step of steps) {
    if (checkPath !== null && step.requests.indexOf(checkPath) >= 0) {
      const requests: Record<string, number> = {};
      for (const path of step.requests) requests[path] = (requests[path] ?? 0) + 1;
      ticks.push({ requests });
      continue;
    }
    between.steps += 1;
    for (const key of Object.keys(between.activity) as (keyof ActivityCounts)[]) between.activity[key] += step.activity[key];
    between.requests.push(...step.requests);
    if (between.cpuMs !== null && step.cpuMs !== null) between.cpuMs += step.cpuMs;
  }
  return { ticks, between };
}

/** The rule: exactly one check and at most one ping per tick, nothing else. */
export function tickIsLean(tick: Tick, checkPath: string, pingPath: string): boolean {
  return Object.keys(tick.requests).every((path) => path === checkPath || path === pingPath) && tick.requests[checkPath] === 1 && (tick.requests[pingPath] ?? 0) <= 1;
}

/** Ticks grouped by what they sent, e.g. `1× /api/ping + 1× /api/device/check` → 288. */
export function tickShapes(ticks: readonly Tick[]): Record<string, number> {
  const shapes: Record<string, number> = {};
  for (const tick of ticks) {
    const shape = Object.keys(tick.requests)
      .map((path) => `${tick.requests[path]}× ${path}`)
      .join(' + ');
    shapes[shape] = (shapes[shape] ?? 0) + 1;
  }
  return shapes;
}
