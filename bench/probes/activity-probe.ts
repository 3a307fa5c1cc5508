import type { ActivityCounts } from './probe-window';

// Sent to the page as source text: ES2017 and self-contained (see startup-probe.ts).

/**
 * Counts what the page runs while the fake clock (`page.clock`) drives time: every timer,
 * animation-frame and idle callback, and every fetch/XHR started. Must be added after
 * `page.clock.install()`, so it wraps the clock's fakes rather than being replaced by them.
 */
export function installActivityProbe(): void {
  const counts: ActivityCounts = { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 };
  window.__tvBenchActivity = counts;
  type Key = 'timers' | 'frames' | 'idleCallbacks';
  const counted = <A extends unknown[]>(key: Key, callback: unknown) =>
    typeof callback !== 'function'
      ? callback
      : function (this: unknown, ...args: A) {
          counts[key] += 1;
          return (callback as (...a: A) => unknown).apply(this, args);
        };
  const win = window as unknown as Record<string, (callback: unknown, ...rest: unknown[]) => unknown>;
  const wrap = (name: string, key: Key): void => {
    const original = win[name];
    if (typeof original !== 'function') return;
    win[name] = function (callback: unknown, ...rest: unknown[]) {
      return original.call(window, counted(key, callback), ...rest);
    };
  };
  wrap('setTimeout', 'timers');
  wrap('setInterval', 'timers');
  wrap('requestAnimationFrame', 'frames');
  wrap('requestIdleCallback', 'idleCallbacks');

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

/** A snapshot of the counters (zeros before the probe ran). */
export function readActivity(): ActivityCounts {
  const counts = window.__tvBenchActivity;
  return counts ? { timers: counts.timers, frames: counts.frames, idleCallbacks: counts.idleCallbacks, requests: counts.requests } : { timers: 0, frames: 0, idleCallbacks: 0, requests: 0 };
}
