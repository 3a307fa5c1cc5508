import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TvFocusChangeDetail } from './events';
import { revealOffset } from './geometry';
import { setFlag } from './set-flag';
import { measureTrack, type TrackLayout } from './track-layout';

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
 * just enough to show it, and again whenever the track's layout changes under it, until the
 * viewer scrolls or points elsewhere. The wheel and `scrollBy` move it for pointer users; the host's
 * `can-scroll-back` / `can-scroll-forward` attributes say which way there is more.
 *
 * A press reads no layout: reading offsets right after the focus engine moved the `focused`
 * mark would force a style recalc in the keydown handler. The track's layout is measured when
 * it changes instead — a ResizeObserver report comes just after the engine laid out, where
 * reading is free (progressive rendering's new tiles and a resize both change the track's size),
 * and a MutationObserver drops the numbers when items are added, removed or reordered without
 * a size change. The track's direction is read with the layout: the app never flips it at run time.
 * Focus placed by code (start-up's first focus, a restore) is revealed in the next frame
 * instead of forcing a layout in the middle of start-up.
 */
export class RevealController implements ReactiveController {
  /** Current scroll distance from the track's start, in stage pixels. */
  offset = 0;
  /** Without ResizeObserver (never on the engines we support, but tests may lack it) every read measures. */
  private readonly resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.followLayout()) : undefined;
  private readonly mutations = new MutationObserver((records) => this.onItemsChanged(records));
  /** The track both observers watch. */
  private watched?: HTMLElement;
  /** The track's layout as last measured; undefined when it may have changed since. */
  private layout?: TrackLayout;
  /** An item focused by code, revealed in the next frame. */
  private pending?: HTMLElement;
  /**
   * The item last revealed by key or code, kept in view when the layout changes under it (a rail
   * a feature flag shows above the focused one), until the viewer scrolls or points elsewhere.
   */
  private followed?: HTMLElement;
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
    // Back in the document after a removal: the observers were let go, watch again.
    this.watch();
  }

  hostUpdated(): void {
    if (this.resizes) this.watch();
    else this.followLayout();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('tv-focus-change', this.onFocusChange);
    this.host.removeEventListener('wheel', this.onWheel);
    this.resizes?.disconnect();
    this.mutations.disconnect();
    window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.watched = undefined;
    this.layout = undefined;
    this.pending = undefined;
    this.followed = undefined;
  }

  /** Scrolls by `distance` (negative = back toward the start), clamped to the track. */
  scrollBy(distance: number): void {
    this.followed = undefined;
    const track = this.options.track();
    const layout = track && this.read(track);
    if (track && layout) this.apply(track, layout, Math.min(Math.max(0, this.offset + distance), Math.max(0, layout.content - layout.viewport)));
  }

  /** Observes a new track; each observe() reports once, so its ends are marked after the first layout. */
  private watch(): void {
    const track = this.options.track();
    const viewport = this.options.viewport();
    if (!this.resizes || !track || !viewport || track === this.watched) return;
    this.resizes.disconnect();
    this.mutations.disconnect();
    this.resizes.observe(track);
    this.resizes.observe(viewport);
    // The subtree only for `hidden`: an item hidden or shown in place (a feature flag's rail).
    this.mutations.observe(track, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    this.watched = track;
    this.layout = undefined;
  }

  /**
   * After a layout the ResizeObserver reported (or each update without one): keeps the followed
   * item in view from the fresh measurement, else just marks the ends.
   */
  private followLayout(): void {
    const track = this.options.track();
    const layout = track && this.measure(track);
    if (!track || !layout) return;
    const item = this.followed;
    // A hidden screen measures zero: there is nothing to follow until it is shown again.
    if (item && item.parentElement === track && layout.viewport > 0) this.reveal(track, layout, item);
    else this.markEnds(layout);
  }

  /**
   * Items added, removed or reordered, or one hidden or shown: the measured layout is stale. One
   * hidden and another shown can move the followed item without changing the track's size, so no
   * resize is reported: it is followed in the next frame instead. Changes inside an item are not.
   */
  private onItemsChanged(records: MutationRecord[]): void {
    const track = this.watched;
    const ofItems = records.filter((record) => record.target === track || (record.target as Element).parentElement === track);
    if (!ofItems.length) return;
    this.layout = undefined;
    if (this.followed && ofItems.some((record) => record.type === 'attributes')) this.revealNextFrame(this.followed);
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    const { cause } = event.detail;
    if (cause === 'pointer') {
      this.followed = undefined;
      return;
    }
    const track = this.options.track();
    const item = track && event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.parentElement === track);
    if (!item) return;
    if (cause !== 'key') return this.revealNextFrame(item);
    this.pending = item;
    this.revealPending();
  };

  /** Reveals `item` at the start of the next frame, where reading layout costs nothing extra. */
  private revealNextFrame(item: HTMLElement): void {
    this.pending = item;
    if (!this.frame) this.frame = window.requestAnimationFrame(() => this.revealPending());
  }

  private revealPending(): void {
    const item = this.pending;
    window.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = undefined;
    const track = this.options.track();
    if (!item || !track || item.parentElement !== track) return;
    const layout = this.read(track);
    if (layout) this.reveal(track, layout, item);
  }

  private reveal(track: HTMLElement, layout: TrackLayout, item: HTMLElement): void {
    const span = layout.items[Array.prototype.indexOf.call(track.children, item)];
    if (!span) return;
    this.followed = item;
    const { margin, align } = this.options;
    this.apply(track, layout, revealOffset({ item: span, viewport: layout.viewport, content: layout.content, current: this.offset, margin, align }));
  }

  private readonly onWheel = (event: WheelEvent): void => {
    const delta = this.options.axis === 'x' ? event.deltaX : event.deltaY;
    if (!delta) return;
    event.preventDefault();
    this.scrollBy(delta);
  };

  /**
   * The cached layout while it holds; else a fresh one (a forced layout: at the start of a frame,
   * where the engine lays out anyway, or on the rare press right after the items changed).
   */
  private read(track: HTMLElement): TrackLayout | undefined {
    // Another item count: items changed in this very task, before the MutationObserver reported.
    if (this.layout && track === this.watched && this.layout.items.length === track.children.length) return this.layout;
    return this.measure(track);
  }

  /** Measures the track, keeping the numbers only while the observers would tell when they go stale. */
  private measure(track: HTMLElement): TrackLayout | undefined {
    const viewport = this.options.viewport();
    const layout = viewport ? measureTrack(track, viewport, this.options.axis) : undefined;
    // A hidden screen measures zero: keep nothing, so the reveal after it is shown again measures.
    this.layout = layout && layout.viewport > 0 && track === this.watched ? layout : undefined;
    return layout;
  }

  /** Moves the track to `offset` and marks which way there is more to see. */
  private apply(track: HTMLElement, layout: TrackLayout, offset: number): void {
    // Most presses move along a rail without scrolling the column: leave its style untouched.
    if (offset !== this.offset) {
      this.offset = offset;
      const distance = layout.rtl ? offset : -offset;
      // A 2D translate: the track is composited only while it glides (motion on), so at rest the
      // engine paints just the tiles on screen instead of the whole 8000-pixel rail.
      track.style.transform = this.options.axis === 'x' ? `translate(${distance}px, 0)` : `translate(0, ${distance}px)`;
    }
    this.markEnds(layout);
  }

  private markEnds(layout: TrackLayout): void {
    setFlag(this.host, 'can-scroll-back', this.offset > 0);
    setFlag(this.host, 'can-scroll-forward', layout.content - layout.viewport - this.offset > 1);
  }
}
