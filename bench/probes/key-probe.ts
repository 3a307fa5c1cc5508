import type { KeyLog, KeyResult } from './probe-window';

// Sent to the page as source text: ES2017 and self-contained (see startup-probe.ts).

/**
 * Times every key press from its keydown (`event.timeStamp`, stamped by the input pipeline, so
 * queueing counts) to the next frame painted after focus moved. From each keydown the probe
 * compares the deep active element (through shadow roots) in every animation frame; the first
 * frame that shows a different one posts a task, which runs once that frame has been painted.
 * (`focusin` cannot be used: a move between two tiles of the same rail never leaves the rail's
 * shadow root.) A press is settled as "not moved" after `graceFrames` frames without a change,
 * or when the next keydown arrives first (a repeat the app paced out). Installed before any
 * page script, so its capture listener and `focus()` hook come first.
 */
export function installKeyProbe(graceFrames: number): void {
  const log: KeyLog = { keydowns: 0, results: [] };
  window.__tvBenchKeys = log;
  type Press = { id: number; start: number; before: Element | null; handled: number | null; frames: number };
  let waiting: Press[] = [];
  let looping = false;

  const deepActive = (): Element | null => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const settle = (press: Press, moved: boolean): void => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const latency = performance.now() - press.start;
      const result: KeyResult = { id: press.id, moved, latency, handled: press.handled === null ? latency : press.handled };
      log.results.push(result);
    };
    channel.port2.postMessage(0);
  };
  const onFrame = (): void => {
    const active = deepActive();
    const still: Press[] = [];
    waiting.forEach((press) => {
      press.frames += 1;
      if (press.before !== active) settle(press, true);
      else if (press.frames >= graceFrames) settle(press, false);
      else still.push(press);
    });
    waiting = still;
    looping = waiting.length > 0;
    if (looping) requestAnimationFrame(onFrame);
  };

  // When the app moves focus by calling focus(), note how long its own handling took.
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    focus.call(this, options);
    const active = deepActive();
    const now = performance.now();
    waiting.forEach((press) => {
      if (press.handled === null && press.before !== active) press.handled = now - press.start;
    });
  };

  window.addEventListener(
    'keydown',
    (event) => {
      log.keydowns += 1;
      const active = deepActive();
      // A press whose focus has not moved by the next keydown was paced out (a held key).
      waiting = waiting.filter((press) => {
        if (press.before === active) log.results.push({ id: press.id, moved: false, latency: performance.now() - press.start, handled: 0 });
        return press.before !== active;
      });
      waiting.push({ id: log.keydowns, start: event.timeStamp, before: active, handled: null, frames: 0 });
      if (!looping) {
        looping = true;
        requestAnimationFrame(onFrame);
      }
    },
    true,
  );
}

/** Waits until press `id` is settled, moved or not. */
export function waitForKeyResult(id: number): Promise<KeyResult> {
  return new Promise((resolve) => {
    const poll = (): void => {
      const log = window.__tvBenchKeys;
      const found = log ? log.results.filter((result) => result.id === id)[0] : undefined;
      if (found) resolve(found);
      else setTimeout(poll, 5);
    };
    poll();
  });
}
