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
 * The layout is measured once and kept until items are added or removed or the track or
 * viewport change size: measuring on each press, right after focus marks moved, forced the
 * engine to restyle and lay out the page inside the key handler, and again in the frame. It is
 * measured when the ResizeObserver reports, just after the engine's own layout, where reading
 * it is free; only an arrow press that finds it stale measures at once. Focus placed by code
 * (start-up's first focus, a restore) waits for that measurement or the next frame instead of
 * forcing a layout in the middle of start-up.
 */
export class RevealController implements ReactiveController {
  /** Current scroll distance from the track's start, in stage pixels. */
  offset = 0;
  private geometry?: Geometry;
  private watched?: [HTMLElement, HTMLElement];
  /** Without ResizeObserver (never on the engines we support, but tests may lack it) nothing is kept. */
  private readonly resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.onResize()) : undefined;
  /** Items added, removed or reordered move the others without always changing the track's size. */
  private readonly items = new MutationObserver(() => (this.geometry = undefined));
  /** An item focused by code before the layout was known, revealed once it is. */
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
    // Watching reports the first layout; later ones are reported when the sizes change.
    if (this.resizes) this.watch(track, viewport);
    else this.markEnds(this.overflow(this.measure(track, viewport)));
  }

  hostDisconnected(): void {
    this.host.removeEventListener('tv-focus-change', this.onFocusChange);
    this.host.removeEventListener('wheel', this.onWheel);
    this.resizes?.disconnect();
    this.items.disconnect();
    window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.watched = undefined;
    this.geometry = undefined;
    this.pending = undefined;
  }

  /** Watches the elements measured; only when they are new, as each observe() also reports once. */
  private watch(track: HTMLElement, viewport: HTMLElement): void {
    if (!this.resizes || (this.watched && this.watched[0] === track && this.watched[1] === viewport)) return;
    this.geometry = undefined;
    this.resizes.disconnect();
    this.resizes.observe(track);
    this.resizes.observe(viewport);
    this.items.disconnect();
    this.items.observe(track, { childList: true });
    this.watched = [track, viewport];
  }

  /** Scrolls by `distance` (negative = back toward the start), clamped to the track. */
  scrollBy(distance: number): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const geometry = this.measure(track, viewport);
    this.apply(track, Math.min(Math.max(0, this.offset + distance), Math.max(0, this.overflow(geometry))), geometry);
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    if (event.detail.cause === 'pointer') return;
    const track = this.options.track();
    const item = track && event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.parentElement === track);
    if (!item) return;
    this.pending = undefined;
    const kept = this.kept();
    if (kept && kept.items.has(item)) this.reveal(item);
    else if (event.detail.cause === 'key') this.reveal(item, true);
    else this.revealLater(item);
  };

  private revealLater(item: HTMLElement): void {
    this.pending = item;
    if (!this.frame) this.frame = window.requestAnimationFrame(() => this.onFrame());
  }

  /** At the start of a frame the engine lays out anyway: measuring here costs no extra layout. */
  private onFrame(): void {
    this.frame = 0;
    const item = this.pending;
    this.pending = undefined;
    if (item) this.reveal(item, true);
  }

  /** Called just after a layout that changed a size: the layout can be read for free. */
  private onResize(): void {
    this.geometry = undefined;
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const geometry = this.measure(track, viewport);
    const item = this.pending;
    this.pending = undefined;
    if (item) this.reveal(item);
    else this.markEnds(this.overflow(geometry));
  }

  /** Moves the track to show `item`; `fresh` measures first (the item is new to the last measurement). */
  private reveal(item: HTMLElement, fresh = false): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport || !item.isConnected) return;
    if (fresh) this.geometry = undefined;
    const geometry = this.measure(track, viewport);
    const span = geometry.items.get(item);
    if (!span) return;
    const offset = revealOffset({ item: span, viewport: geometry.viewport, content: geometry.content, current: this.offset, margin: this.options.margin, align: this.options.align });
    this.apply(track, offset, geometry);
  }

  private readonly onWheel = (event: WheelEvent): void => {
    const delta = this.options.axis === 'x' ? event.deltaX : event.deltaY;
    if (!delta) return;
    event.preventDefault();
    this.scrollBy(delta);
  };

  /** The kept layout, or a fresh one read in a single batch (no write in between). */
  private measure(track: HTMLElement, viewport: HTMLElement): Geometry {
    this.watch(track, viewport);
    const kept = this.kept();
    if (kept) return kept;
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

  /** The kept layout while it still holds; changes to the items are read now, not when the observer's callback would run. */
  private kept(): Geometry | undefined {
    if (this.items.takeRecords().length) this.geometry = undefined;
    return this.resizes ? this.geometry : undefined;
  }

  private length(element: HTMLElement): number {
    return this.options.axis === 'x' ? element.offsetWidth : element.offsetHeight;
  }

  /** How much longer the track is than the viewport. */
  private overflow(geometry: Geometry): number {
    return geometry.content - geometry.viewport;
  }

  /** Moves the track to `offset` and marks which way there is more to see. */
  private apply(track: HTMLElement, offset: number, geometry: Geometry): void {
    const { rtl } = geometry;
    // Most presses move along a rail without scrolling the column: leave its style untouched.
    if (offset !== this.offset) {
      this.offset = offset;
      const distance = rtl ? offset : -offset;
      // A 2D translate: the track is composited only while it glides, so at rest the engine
      // paints just the tiles on screen instead of the whole 8000-pixel rail.
      track.style.transform = this.options.axis === 'x' ? `translate(${distance}px, 0)` : `translate(0, ${distance}px)`;
    }
    this.markEnds(this.overflow(geometry));
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
