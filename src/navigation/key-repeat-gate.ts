/** How a held key is paced: the first press acts at once, then repeats speed up to a ceiling. */
export interface HoldTiming {
  /** Time after the first press before a held key repeats. */
  delayMs: number;
  /** Time between moves right after the delay. */
  slowestMs: number;
  /** Time between moves after holding for `accelerateOverMs`: the ceiling on the rate. */
  fastestMs: number;
  /** How long the hold takes to go from the slowest to the fastest pace. */
  accelerateOverMs: number;
  /**
   * A key with no keydown for this long is no longer held, keyup or not. Remotes repeat every
   * 33–100 ms after a first delay under a second; a keyup can be lost (to the launcher while the
   * app was hidden, or to the ban screen), and must not swallow the viewer's next press.
   */
  lapseMs: number;
}

/**
 * Remotes repeat at 10–30 Hz and some never send `repeat: true` or even a keyup in time: acting
 * on every event floods the UI and overshoots. These numbers give ~5 moves/s at first, ~12 at most.
 */
export const DEFAULT_HOLD_TIMING: HoldTiming = { delayMs: 300, slowestMs: 200, fastestMs: 80, accelerateOverMs: 1500, lapseMs: 1000 };

/** The pause before the next move, `heldMs` into a hold: shrinks linearly from slowest to fastest. */
export function repeatInterval(heldMs: number, timing: HoldTiming = DEFAULT_HOLD_TIMING): number {
  const progress = Math.min(1, Math.max(0, (heldMs - timing.delayMs) / timing.accelerateOverMs));
  return timing.slowestMs - (timing.slowestMs - timing.fastestMs) * progress;
}

/**
 * Decides which keydowns of a held key act. A keydown of the key already down (without a keyup
 * in between) is a repeat, whatever the event's `repeat` flag says.
 */
export class KeyRepeatGate {
  private held?: { key: string; since: number; lastActed: number; lastSeen: number };

  constructor(private readonly timing: HoldTiming = DEFAULT_HOLD_TIMING) {}

  /**
   * Records a keydown at `now` (ms) and says whether it should act. Keys that must not repeat
   * (`repeats` false: OK, Back, colour keys) act once per press however long they are held.
   */
  press(key: string, now: number, repeats = true): boolean {
    const held = this.held;
    if (!held || held.key !== key || now - held.lastSeen > this.timing.lapseMs) {
      this.held = { key, since: now, lastActed: now, lastSeen: now };
      return true;
    }
    held.lastSeen = now;
    if (!repeats) return false;
    const heldMs = now - held.since;
    const wait = held.lastActed === held.since ? this.timing.delayMs : repeatInterval(heldMs, this.timing);
    if (now - held.lastActed < wait) return false;
    held.lastActed = now;
    return true;
  }

  /** Records a keyup: the next press of that key acts at once. */
  release(key: string): void {
    if (this.held?.key === key) this.held = undefined;
  }
}
