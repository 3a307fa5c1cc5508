/** A box on screen, as `getBoundingClientRect()` reports it. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The four remote-control arrows. Physical, not logical: on an RTL screen Right still moves right. */
export type Direction = 'up' | 'down' | 'left' | 'right';

const right = (rect: Rect): number => rect.left + rect.width;
const bottom = (rect: Rect): number => rect.top + rect.height;

/** The part of a rect that lies along the direction of travel, and the part across it. */
function axes(rect: Rect, direction: Direction): { start: number; end: number; crossStart: number; crossEnd: number } {
  const horizontal = direction === 'left' || direction === 'right';
  return horizontal
    ? { start: rect.left, end: right(rect), crossStart: rect.top, crossEnd: bottom(rect) }
    : { start: rect.top, end: bottom(rect), crossStart: rect.left, crossEnd: right(rect) };
}

/** +1 when travel increases the coordinate (right, down), -1 otherwise. */
const sign = (direction: Direction): number => (direction === 'right' || direction === 'down' ? 1 : -1);

/**
 * A candidate lies in the direction when both of its edges are past the source's edges. Not
 * "fully beyond": a focused tile may be scaled up and overlap its neighbours a little.
 */
export function isInDirection(from: Rect, to: Rect, direction: Direction): boolean {
  const a = axes(from, direction);
  const b = axes(to, direction);
  const s = sign(direction);
  return (b.start - a.start) * s > 0.5 && (b.end - a.end) * s > 0.5;
}

/** Whether `rank` comes before `other`, comparing entry by entry; equal ranks keep the earlier candidate. */
function ranksBefore(rank: readonly number[], other: readonly number[]): boolean {
  for (let i = 0; i < rank.length; i++) if (rank[i] !== other[i]) return rank[i] < other[i];
  return false;
}

/** Misalignment costs more than distance, so Down prefers the tile below over a nearer diagonal one. */
const CROSS_WEIGHT = 2;

/**
 * Picks where an arrow press goes: among candidates in the direction, those overlapping the
 * source across the direction of travel (in its "beam", like Android's FocusFinder) win; then
 * the smallest gap plus weighted misalignment; then the best-centred. Returns the candidate's
 * index, or -1 when nothing lies that way.
 *
 * Left and Right stay in the beam: TV screens are rows, and Right at the end of a rail should
 * stop there, not jump diagonally into the next rail. Up and Down fall back to the nearest item
 * outside the beam, so a button in a header still reaches the rails below it.
 */
export function chooseCandidate(from: Rect, candidates: readonly Rect[], direction: Direction): number {
  const a = axes(from, direction);
  const horizontal = direction === 'left' || direction === 'right';
  let best = -1;
  /** Ranks compared in order: out of the beam (1) or in it (0), gap plus weighted misalignment, distance between centres. */
  let bestRank = [horizontal ? 0 : 1, Infinity, Infinity];
  candidates.forEach((rect, index) => {
    if (!(rect.width > 0 && rect.height > 0 && isInDirection(from, rect, direction))) return;
    const b = axes(rect, direction);
    // Empty space between the source's exit edge and the candidate's entry edge, and across the direction of travel.
    const gap = Math.max(0, sign(direction) > 0 ? b.start - a.end : a.start - b.end);
    const crossGap = Math.max(0, b.crossStart - a.crossEnd, a.crossStart - b.crossEnd);
    const inBeam = Math.min(a.crossEnd, b.crossEnd) - Math.max(a.crossStart, b.crossStart) > 0;
    const rank = [inBeam ? 0 : 1, gap + CROSS_WEIGHT * crossGap, Math.abs((b.crossStart + b.crossEnd) / 2 - (a.crossStart + a.crossEnd) / 2)];
    if (ranksBefore(rank, bestRank)) {
      best = index;
      bestRank = rank;
    }
  });
  return best;
}

/** The span of one item along a scrolling axis, in the track's own (untransformed) coordinates. */
export interface Span {
  readonly start: number;
  readonly size: number;
}

/** What a transform-scrolled list knows about itself along its axis. */
export interface RevealInput {
  /** The focused item, measured from the track's start edge (its left edge in LTR, right edge in RTL). */
  item: Span;
  /** Visible length of the viewport. */
  viewport: number;
  /** Full length of the track. */
  content: number;
  /** Current scroll distance (how far the track is moved back), 0 at the start. */
  current: number;
  /** Room kept before and after the focused item, so its neighbours peek in and the focus ring isn't clipped. */
  margin: number;
  /** `nearest` scrolls as little as possible; `start` always brings the item to the start (a column of rails). */
  align?: 'nearest' | 'start';
}

/**
 * The scroll distance that shows the focused item with its margins (the smallest change, or with
 * the item at the start), never past either end of the track. Axis- and direction-agnostic: in
 * RTL the caller measures from the right edge and applies the result as a positive translate.
 */
export function revealOffset({ item, viewport, content, current, margin, align = 'nearest' }: RevealInput): number {
  const max = Math.max(0, content - viewport);
  let next = current;
  if (align === 'start' || item.start - margin < next) next = item.start - margin;
  else if (item.start + item.size + margin > next + viewport) next = item.start + item.size + margin - viewport;
  return Math.min(max, Math.max(0, next));
}

/** The index to take over focus when the focused item vanished from a list of `remaining` items. */
export function indexAfterRemoval(removedIndex: number, remaining: number): number {
  if (remaining <= 0) return -1;
  return Math.min(Math.max(0, removedIndex), remaining - 1);
}

/**
 * An item's span measured from the track's start edge: `offsetLeft` counts from the left, but in
 * RTL the track starts at its right edge, so the same item is mirrored.
 */
export function logicalSpan(physicalStart: number, size: number, trackLength: number, rtl: boolean): Span {
  return { start: rtl ? trackLength - physicalStart - size : physicalStart, size };
}
