import type { ActivityCounts } from './probe-window';

// Sent to the page as source text: ES2017 and self-contained (see startup-probe.ts).

/**
 * Counts what the page runs while the fake clock (`page.clock`) drives time: every timer,
 * animation-frame and idle callback, and every fetch/XHR started; and keeps when each pending
 * timeout or interval is next due (fake `Date.now()`), so the runner can advance time from one
 * timer to the next. Must be added after `page.clock.install()`, so it wraps the clock's fakes
 * rather than being replaced by them.
 */
export function installActivityProbe(): void {
  const counts: ActivityCounts = { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 };
  const due: { [id: string]: number } = {};
  window.__tvBenchActivity = counts;
  window.__tvBenchTimersDue = due;
  type Key = 'timers' | 'frames' | 'idleCallbacks';
  type Scheduler = (callback: unknown, ...rest: unknown[]) => number;
  const win = window as unknown as Record<string, Scheduler>;

  const wrap = (name: string, key: Key, repeats: boolean | null): void => {
    const original = win[name];
    if (typeof original !== 'function') return;
    win[name] = function (callback: unknown, ...rest: unknown[]) {
      const delay = Math.max(0, Number(rest[0]) || 0);
      let id = 0;
      const counted =
        typeof callback !== 'function'
          ? callback
          : function (this: unknown, ...args: unknown[]) {
              counts[key] += 1;
              if (repeats) due[id] = Date.now() + delay;
              else if (repeats === false) delete due[id];
              return (callback as (...a: unknown[]) => unknown).apply(this, args);
            };
      id = original.call(window, counted, ...rest);
      // Frames and idle callbacks (repeats null) follow the fake clock's own pace: not tracked.
      if (repeats !== null) due[id] = Date.now() + delay;
      return id;
    };
  };
  wrap('setTimeout', 'timers', false);
  wrap('setInterval', 'timers', true);
  wrap('requestAnimationFrame', 'frames', null);
  wrap('requestIdleCallback', 'idleCallbacks', null);
  const unwrapClear = (name: string): void => {
    const original = win[name];
    win[name] = function (id: unknown) {
      delete due[String(id)];
      return original.call(window, id);
    };
  };
  unwrapClear('clearTimeout');
  unwrapClear('clearInterval');

  const fetch = window.fetch;
  window.fetch = function (...args: Parameters<typeof fetch>) {
    counts.requests += 1;
    return fetch.apply(window, args);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<typeof send>) {
    counts.requests += 1;
    return send.apply(this, args);
  };
}

/** The counters, the fake clock's now, and when the earliest pending timer is due (null: none). */
export function readActivity(): { counts: ActivityCounts; now: number; nextDue: number | null } {
  const counts = window.__tvBenchActivity;
  const due = window.__tvBenchTimersDue || {};
  let nextDue: number | null = null;
  for (const id of Object.keys(due)) if (nextDue === null || due[id] < nextDue) nextDue = due[id];
  return {
    counts: counts ? { timers: counts.timers, frames: counts.frames, idleCallbacks: counts.idleCallbacks, requests: counts.requests } : { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 },
    now: Date.now(),
    nextDue,
  };
}
