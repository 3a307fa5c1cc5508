import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TvFocusChangeDetail } from './events';
import { logicalSpan, revealOffset, type Span } from './geometry';

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

/** The track's layout as last measured. */
interface Geometry {
  rtl: boolean;
  /** Length of the track along the axis. */
  content: number;
  /** Length of the viewport along the axis. */
  viewport: number;
  /** Each item's span from the track's start edge. */
  items: Map<Element, Span>;
}

/**
 * Scroll-into-view by transform: when focus lands on an item of the track (by key or restore,
 * never by pointer, so nothing slides under a Magic Remote pointer), the track is translated
 * just enough to show it. Layout offsets, not screen rects, so a running transition or a
 * focus scale doesn't skew the measurement. The wheel and `scrollBy` move it for pointer users;
 * the host's `can-scroll-back` / `can-scroll-forward` attributes say which way there is more.
 *
 * The layout is measured once and kept until the host renders or the track or viewport change
 * size: measuring on each press, right after focus marks moved, forced the engine to restyle
 * and lay out the page inside the key handler, and again in the frame.
 */
export class RevealController implements ReactiveController {
  /** Current scroll distance from the track's start, in stage pixels. */
  offset = 0;
  private geometry?: Geometry;
  private watched?: [HTMLElement, HTMLElement];
  /** Without ResizeObserver (never on the engines we support, but tests may lack it) nothing is kept. */
  private readonly resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (this.geometry = undefined)) : undefined;

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
    this.geometry = undefined;
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const geometry = this.measure(track, viewport);
    this.markEnds(geometry.content - geometry.viewport);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('tv-focus-change', this.onFocusChange);
    this.host.removeEventListener('wheel', this.onWheel);
    this.resizes?.disconnect();
    this.watched = undefined;
    this.geometry = undefined;
  }

  /** Watches the sizes of the elements measured; only when they are new, as each observe() also reports once. */
  private watch(track: HTMLElement, viewport: HTMLElement): void {
    if (!this.resizes || (this.watched && this.watched[0] === track && this.watched[1] === viewport)) return;
    this.resizes.disconnect();
    this.resizes.observe(track);
    this.resizes.observe(viewport);
    this.watched = [track, viewport];
  }

  /** Scrolls by `distance` (negative = back toward the start), clamped to the track. */
  scrollBy(distance: number): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const { rtl, content, viewport: visible } = this.measure(track, viewport);
    this.apply(track, Math.min(Math.max(0, this.offset + distance), Math.max(0, content - visible)), rtl, content - visible);
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    if (event.detail.cause === 'pointer') return;
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const item = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.parentElement === track);
    if (!item) return;
    let geometry = this.measure(track, viewport);
    if (!geometry.items.has(item)) {
      // An item the last measurement did not see: the track changed since.
      this.geometry = undefined;
      geometry = this.measure(track, viewport);
    }
    const span = geometry.items.get(item);
    if (!span) return;
    const offset = revealOffset({ item: span, viewport: geometry.viewport, content: geometry.content, current: this.offset, margin: this.options.margin, align: this.options.align });
    this.apply(track, offset, geometry.rtl, geometry.content - geometry.viewport);
  };

  private readonly onWheel = (event: WheelEvent): void => {
    const delta = this.options.axis === 'x' ? event.deltaX : event.deltaY;
    if (!delta) return;
    event.preventDefault();
    this.scrollBy(delta);
  };

  /** The kept layout, or a fresh one read in a single batch (no write in between). */
  private measure(track: HTMLElement, viewport: HTMLElement): Geometry {
    if (this.geometry && this.resizes) return this.geometry;
    this.watch(track, viewport);
    const horizontal = this.options.axis === 'x';
    const rtl = horizontal && getComputedStyle(track).direction === 'rtl';
    const content = this.length(track);
    const items = new Map<Element, Span>();
    for (let child = track.firstElementChild; child; child = child.nextElementSibling) {
      if (!(child instanceof HTMLElement)) continue;
      items.set(child, logicalSpan(horizontal ? child.offsetLeft : child.offsetTop, horizontal ? child.offsetWidth : child.offsetHeight, content, rtl));
    }
    this.geometry = { rtl, content, viewport: this.length(viewport), items };
    return this.geometry;
  }

  private length(element: HTMLElement): number {
    return this.options.axis === 'x' ? element.offsetWidth : element.offsetHeight;
  }

  /** Moves the track to `offset`; `overflow` is how much longer the track is than the viewport. */
  private apply(track: HTMLElement, offset: number, rtl: boolean, overflow: number): void {
    // Most presses move along a rail without scrolling the column: leave its style untouched.
    if (offset !== this.offset) {
      this.offset = offset;
      const distance = rtl ? offset : -offset;
      // A 2D translate: the track is composited only while it glides, so at rest the engine
      // paints just the tiles on screen instead of the whole 8000-pixel rail.
      track.style.transform = this.options.axis === 'x' ? `translate(${distance}px, 0)` : `translate(0, ${distance}px)`;
    }
    this.markEnds(overflow);
  }

  private markEnds(overflow: number): void {
    setFlag(this.host, 'can-scroll-back', this.offset > 0);
    setFlag(this.host, 'can-scroll-forward', overflow - this.offset > 1);
  }
}

/** `toggleAttribute` with a force argument is Chromium 69+. */
function setFlag(element: Element, name: string, on: boolean): void {
  if (on === element.hasAttribute(name)) return;
  if (on) element.setAttribute(name, '');
  else element.removeAttribute(name);
}
