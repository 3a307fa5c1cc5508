import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TvFocusChangeDetail } from './events';
import { logicalSpan, revealOffset } from './geometry';
import { setFlag } from './set-flag';

export interface RevealOptions {
  /** `x` for a rail, `y` for a column of rails or a list. */
  axis: 'x' | 'y';
  /** The clipping element. */
  viewport(): HTMLElement | null | undefined;
  /** The moving element; its children are the items, and it must be their offsetParent (`position: relative`). */
  track(): HTMLElement | null | undefined;
  /** Room kept around the focused item, in stage pixels. */
  margin: number;
  /** `nearest` (default) scrolls as little as possible; `start` brings the focused item to the start. */
  align?: 'nearest' | 'start';
}

/** The track and viewport as measured in one batch of reads (no write in between). */
interface Layout {
  track: HTMLElement;
  rtl: boolean;
  /** Length of the track along the axis. */
  content: number;
  /** Length of the viewport along the axis. */
  viewport: number;
}

/**
 * Scroll-into-view by transform: when focus lands on an item of the track (by key or restore,
 * never by pointer, so nothing slides under a Magic Remote pointer), the track is translated
 * just enough to show it. Layout offsets, not screen rects, so a running transition or a
 * focus scale doesn't skew the measurement. The wheel and `scrollBy` move it for pointer users;
 * the host's `can-scroll-back` / `can-scroll-forward` attributes say which way there is more,
 * updated when the ResizeObserver reports a new size, just after a layout, where reading it is
 * free. Focus placed by code (start-up's first focus, a restore) is revealed in the next frame
 * instead of forcing a layout in the middle of start-up.
 */
export class RevealController implements ReactiveController {
  /** Current scroll distance from the track's start, in stage pixels. */
  offset = 0;
  /** Without ResizeObserver (never on the engines we support, but tests may lack it) the ends are marked after each update. */
  private readonly resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.markEnds()) : undefined;
  private watched?: HTMLElement;
  /** An item focused by code, revealed in the next frame. */
  private pending?: HTMLElement;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RevealOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('tv-focus-change', this.onFocusChange);
    this.host.addEventListener('wheel', this.onWheel);
  }

  hostUpdated(): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    if (!this.resizes) this.markEnds();
    else if (track !== this.watched) {
      // Each observe() reports once: that report marks the ends after the first layout.
      this.resizes.disconnect();
      this.resizes.observe(track);
      this.resizes.observe(viewport);
      this.watched = track;
    }
  }

  hostDisconnected(): void {
    this.host.removeEventListener('tv-focus-change', this.onFocusChange);
    this.host.removeEventListener('wheel', this.onWheel);
    this.resizes?.disconnect();
    window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.watched = undefined;
    this.pending = undefined;
  }

  /** Scrolls by `distance` (negative = back toward the start), clamped to the track. */
  scrollBy(distance: number): void {
    const layout = this.measure();
    if (layout) this.apply(layout, Math.min(Math.max(0, this.offset + distance), Math.max(0, layout.content - layout.viewport)));
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    const { cause } = event.detail;
    if (cause === 'pointer') return;
    const track = this.options.track();
    const item = track && event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.parentElement === track);
    if (!item) return;
    this.pending = item;
    if (cause === 'key') this.revealPending();
    else if (!this.frame) this.frame = window.requestAnimationFrame(() => this.revealPending());
  };

  /** At the start of a frame the engine lays out anyway: measuring there costs no extra layout. */
  private revealPending(): void {
    const item = this.pending;
    const layout = this.measure();
    window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = undefined;
    if (!item || !item.isConnected || !layout) return;
    const x = this.options.axis === 'x';
    const span = logicalSpan(x ? item.offsetLeft : item.offsetTop, x ? item.offsetWidth : item.offsetHeight, layout.content, layout.rtl);
    const { margin, align } = this.options;
    this.apply(layout, revealOffset({ item: span, viewport: layout.viewport, content: layout.content, current: this.offset, margin, align }));
  }

  private readonly onWheel = (event: WheelEvent): void => {
    const delta = this.options.axis === 'x' ? event.deltaX : event.deltaY;
    if (!delta) return;
    event.preventDefault();
    this.scrollBy(delta);
  };

  private measure(): Layout | undefined {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return undefined;
    const x = this.options.axis === 'x';
    return {
      track,
      rtl: x && getComputedStyle(track).direction === 'rtl',
      content: x ? track.offsetWidth : track.offsetHeight,
      viewport: x ? viewport.offsetWidth : viewport.offsetHeight,
    };
  }

  /** Moves the track to `offset` and marks which way there is more to see. */
  private apply(layout: Layout, offset: number): void {
    // Most presses move along a rail without scrolling the column: leave its style untouched.
    if (offset !== this.offset) {
      this.offset = offset;
      const distance = layout.rtl ? offset : -offset;
      // A 2D translate: the track is composited only while it glides, so at rest the engine
      // paints just the tiles on screen instead of the whole 8000-pixel rail.
      layout.track.style.transform = this.options.axis === 'x' ? `translate(${distance}px, 0)` : `translate(0, ${distance}px)`;
    }
    this.markEnds(layout);
  }

  private markEnds(layout = this.measure()): void {
    if (!layout) return;
    setFlag(this.host, 'can-scroll-back', this.offset > 0);
    setFlag(this.host, 'can-scroll-forward', layout.content - layout.viewport - this.offset > 1);
  }
}

