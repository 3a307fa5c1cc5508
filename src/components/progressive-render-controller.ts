import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ProgressiveRenderOptions {
  /** Items rendered with the host's first render: enough to fill the screen. */
  first: number;
  /** Items added each time the page is idle after a frame. */
  step: number;
}

/** Waits for idle time, but never longer than this: the rest of a screen must not wait forever. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Renders a long list in slices: the first few items at once, the rest a step at a time when the
 * page is idle after a frame was painted, so start-up paints what is on screen without waiting
 * for what is not (ten rails of twenty tiles took a third of a second to create at a TV's speed),
 * and start-up's own work (storage, the first device check) goes before it. A remote key
 * renders everything at once, before the focus engine looks where the key leads: the listener
 * runs in the capture phase, and the host renders in the microtasks that follow it, ahead of the
 * shell's own key handling.
 */
export class ProgressiveRenderController implements ReactiveController {
  private limit?: number;
  private total = 0;
  private frame = 0;
  private idle = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ProgressiveRenderOptions,
  ) {
    host.addController(this);
  }

  /** How many of `total` items to render now; `first` overrides the option for a host that knows better at its first render. */
  count(total: number, first = this.options.first): number {
    this.total = total;
    if (this.limit === undefined) this.limit = first;
    return Math.min(total, this.limit);
  }

  private get complete(): boolean {
    return this.limit === undefined || this.limit >= this.total;
  }

  hostConnected(): void {
    // Taken off the page half-way: carry on where it stopped.
    if (!this.complete) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown, true);
    this.cancel();
  }

  hostUpdated(): void {
    if (this.complete) {
      window.removeEventListener('keydown', this.onKeyDown, true);
      return;
    }
    window.addEventListener('keydown', this.onKeyDown, true);
    if (this.frame || this.idle) return;
    // A frame callback runs before that frame's paint; idle time comes after it.
    this.frame = window.requestAnimationFrame(() => {
      this.frame = 0;
      this.idle = window.requestIdleCallback(
        () => {
          this.idle = 0;
          this.grow((this.limit ?? 0) + this.options.step);
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    });
  }

  private readonly onKeyDown = (): void => {
    if (!this.complete) this.grow(Infinity);
  };

  private grow(limit: number): void {
    this.cancel();
    this.limit = limit;
    this.host.requestUpdate();
  }

  private cancel(): void {
    window.cancelAnimationFrame(this.frame);
    window.cancelIdleCallback(this.idle);
    this.frame = 0;
    this.idle = 0;
  }
}

