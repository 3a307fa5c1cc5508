// What the in-page probes leave on `window`, shared by the probes (writers) and the runner (reader).

/**
 * What counts as a rail around a tile, whatever the shell calls it: an element named `*-rail`
 * (the app's `<tv-rail>`) or one with class `rail` (the bare-Lit page). Passed to the probes as
 * an argument because they run as source text in the page.
 */
export const RAIL = { tagPattern: '(^|-)RAIL$', className: 'rail' } as const;
export type RailShape = typeof RAIL;

/**
 * Frames without a focus change after which a key press counts as "not moved". Focus engines
 * move focus in the keydown handler or the next frame; three frames leave room for one that
 * waits a frame, without making every press at a grid edge cost long.
 */
export const KEY_GRACE_FRAMES = 3;

/** Start-up marks, in the page's own `performance.now()` milliseconds from navigation start. */
export interface StartupMarks {
  /** After the first frame painted while a focused `[focusable]` sat inside a rail; null until then. */
  tilePainted: number | null;
}

/** One key press, timed. */
export interface KeyResult {
  /** Which keydown (1-based, counting every keydown the page received). */
  id: number;
  /** False when focus stayed put for several frames (an edge of the grid, or a paced-out repeat). */
  moved: boolean;
  /** Keydown → focus moved → the next frame painted (→ the frames waited, when not moved). */
  latency: number;
  /** Keydown → focus moved: the app's own handling, before the frame. */
  handled: number;
}

export interface KeyLog {
  /** Every keydown the page received. */
  keydowns: number;
  /** Settled presses, in the order settled. */
  results: KeyResult[];
}

/** Page callbacks counted under the fake clock, and requests started by script. */
export interface ActivityCounts {
  /** setTimeout and setInterval callbacks run. */
  timers: number;
  /** requestAnimationFrame callbacks run. */
  frames: number;
  /** requestIdleCallback callbacks run. */
  idleCallbacks: number;
  /** fetch and XMLHttpRequest sends. */
  requests: number;
}

/** The real timers Playwright's fake clock keeps (`page.clock.install()` replaces the globals). */
export interface ClockBuiltins {
  setTimeout: typeof setTimeout;
  requestAnimationFrame: typeof requestAnimationFrame;
  performance: Performance;
}

declare global {
  interface Window {
    __tvBenchStartup?: StartupMarks;
    __tvBenchKeys?: KeyLog;
    __tvBenchActivity?: ActivityCounts;
    /** Pending timeouts and intervals by id: when each is next due, in fake `Date.now()` ms. */
    __tvBenchTimersDue?: { [id: string]: number };
    __pwClock?: { builtins: ClockBuiltins };
  }
}
