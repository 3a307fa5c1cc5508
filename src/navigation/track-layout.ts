import { logicalSpan, type Span } from './geometry';

/** A transform-scrolled track and its clipping viewport, along one axis, in stage pixels. */
export interface TrackLayout {
  /** Whether the track runs right to left (only ever on the x axis). */
  readonly rtl: boolean;
  /** Length of the track. */
  readonly content: number;
  /** Length of the viewport. */
  readonly viewport: number;
  /** Each child of the track, in child order, measured from the track's start edge. */
  readonly items: readonly Span[];
}

/**
 * Reads a track's layout in one batch, every read before any write, so it costs at most one
 * layout, and none right after the engine laid out (a ResizeObserver callback). Layout offsets,
 * not screen rects: a running transition, the stage's scale or a focused tile's zoom don't skew them.
 */
export function measureTrack(track: HTMLElement, viewport: HTMLElement, axis: 'x' | 'y'): TrackLayout {
  const x = axis === 'x';
  const rtl = x && getComputedStyle(track).direction === 'rtl';
  const content = x ? track.offsetWidth : track.offsetHeight;
  const items = Array.from(track.children, (child) =>
    child instanceof HTMLElement ? logicalSpan(x ? child.offsetLeft : child.offsetTop, x ? child.offsetWidth : child.offsetHeight, content, rtl) : { start: 0, size: 0 },
  );
  return { rtl, content, viewport: x ? viewport.offsetWidth : viewport.offsetHeight, items };
}
