import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TvFocusChangeDetail } from './events';
import { logicalSpan, revealOffset } from './geometry';

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

/**
 * Scroll-into-view by transform: when focus lands on an item of the track (by key or restore,
 * never by pointer, so nothing slides under a Magic Remote pointer), the track is translated
 * just enough to show it. Layout offsets, not screen rects, so a running transition or a
 * focus scale doesn't skew the measurement. The wheel and `scrollBy` move it for pointer users;
 * the host's `can-scroll-back` / `can-scroll-forward` attributes say which way there is more.
 */
export class RevealController implements ReactiveController {
  /** Current scroll distance from the track's start, in stage pixels. */
  offset = 0;

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
    this.markEnds();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('tv-focus-change', this.onFocusChange);
    this.host.removeEventListener('wheel', this.onWheel);
  }

  /** Scrolls by `distance` (negative = back toward the start), clamped to the track. */
  scrollBy(distance: number): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    this.apply(track, Math.min(Math.max(0, this.offset + distance), Math.max(0, this.length(track) - this.length(viewport))));
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    if (event.detail.cause === 'pointer') return;
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!track || !viewport) return;
    const item = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.parentElement === track);
    if (!item) return;
    const horizontal = this.options.axis === 'x';
    const rtl = horizontal && getComputedStyle(track).direction === 'rtl';
    const trackLength = this.length(track);
    const span = logicalSpan(horizontal ? item.offsetLeft : item.offsetTop, horizontal ? item.offsetWidth : item.offsetHeight, trackLength, rtl);
    this.apply(track, revealOffset({ item: span, viewport: this.length(viewport), content: trackLength, current: this.offset, margin: this.options.margin, align: this.options.align }));
  };

  private readonly onWheel = (event: WheelEvent): void => {
    const delta = this.options.axis === 'x' ? event.deltaX : event.deltaY;
    if (!delta) return;
    event.preventDefault();
    this.scrollBy(delta);
  };

  private length(element: HTMLElement): number {
    return this.options.axis === 'x' ? element.offsetWidth : element.offsetHeight;
  }

  private apply(track: HTMLElement, offset: number): void {
    this.offset = offset;
    const rtl = this.options.axis === 'x' && getComputedStyle(track).direction === 'rtl';
    const distance = rtl ? offset : -offset;
    track.style.transform = this.options.axis === 'x' ? `translate3d(${distance}px, 0, 0)` : `translate3d(0, ${distance}px, 0)`;
    this.markEnds();
  }

  private markEnds(): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    const more = track && viewport ? this.length(track) - this.length(viewport) - this.offset : 0;
    setFlag(this.host, 'can-scroll-back', this.offset > 0);
    setFlag(this.host, 'can-scroll-forward', more > 1);
  }
}

/** `toggleAttribute` with a force argument is Chromium 69+. */
function setFlag(element: Element, name: string, on: boolean): void {
  if (on) element.setAttribute(name, '');
  else element.removeAttribute(name);
}
