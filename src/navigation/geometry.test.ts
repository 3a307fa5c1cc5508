import { describe, expect, it } from 'vitest';
import { chooseCandidate, indexAfterRemoval, isInDirection, logicalSpan, revealOffset, type Rect } from './geometry';

const box = (left: number, top: number, width = 100, height = 100): Rect => ({ left, top, width, height });

/** Two rails of five 100×100 tiles, 20 px apart, the second rail 150 px below the first. */
const rails = [0, 1, 2, 3, 4].flatMap((i) => [box(i * 120, 0)]).concat([0, 1, 2, 3, 4].map((i) => box(i * 120, 150)));

describe('chooseCandidate', () => {
  it('moves to the neighbour in each of the four directions', () => {
    const from = rails[7]; // second rail, third tile
    expect(chooseCandidate(from, rails, 'right')).toBe(8);
    expect(chooseCandidate(from, rails, 'left')).toBe(6);
    expect(chooseCandidate(from, rails, 'up')).toBe(2);
    expect(chooseCandidate(from, rails, 'down')).toBe(-1);
  });

  it('returns -1 at an edge instead of wrapping around', () => {
    expect(chooseCandidate(rails[0], rails, 'left')).toBe(-1);
    expect(chooseCandidate(rails[4], rails, 'right')).toBe(-1);
  });

  it('prefers the aligned item below over a nearer diagonal one', () => {
    const from = box(200, 0);
    const diagonal = box(330, 110); // closer vertically, but off to the side
    const below = box(200, 300);
    expect(chooseCandidate(from, [diagonal, below], 'down')).toBe(1);
  });

  it('falls back to the nearest item outside the beam when nothing is aligned', () => {
    const from = box(0, 0);
    const far = box(600, 400);
    const near = box(200, 150);
    expect(chooseCandidate(from, [far, near], 'down')).toBe(1);
  });

  it('picks the best-centred item when several are equally near', () => {
    const from = box(100, 0, 100, 50);
    const offCentre = box(20, 100, 100, 50);
    const centred = box(110, 100, 100, 50);
    expect(chooseCandidate(from, [offCentre, centred], 'down')).toBe(1);
  });

  it('tolerates a scaled-up focused tile that overlaps its neighbours', () => {
    const focusedScaled = box(110, -10, 120, 120); // 100×100 at 120 scaled by 1.2
    const next = box(240, 0);
    const previous = box(0, 0);
    expect(chooseCandidate(focusedScaled, [previous, next], 'right')).toBe(1);
    expect(chooseCandidate(focusedScaled, [previous, next], 'left')).toBe(0);
  });

  it('stops at the end of a row rather than jumping diagonally into the next one', () => {
    const endOfRail = box(480, 0);
    const nextRailFurtherRight = box(600, 150);
    expect(chooseCandidate(endOfRail, [nextRailFurtherRight], 'right')).toBe(-1);
  });

  it('ignores items with no size (collapsed or hidden)', () => {
    expect(chooseCandidate(box(0, 0), [box(120, 0, 0, 0)], 'right')).toBe(-1);
  });

  it('moves by what is on screen in a right-to-left rail: Left goes to the next item', () => {
    // An RTL rail lays item 0 at the right; item 1 is to its left.
    const rtlRail = [box(480, 0), box(360, 0), box(240, 0)];
    expect(chooseCandidate(rtlRail[0], rtlRail, 'left')).toBe(1);
    expect(chooseCandidate(rtlRail[0], rtlRail, 'right')).toBe(-1);
  });
});

describe('isInDirection', () => {
  it('does not count a container that surrounds the source', () => {
    expect(isInDirection(box(100, 100), box(0, 0, 400, 400), 'right')).toBe(false);
  });
});

describe('revealOffset', () => {
  const base = { viewport: 1000, content: 3000, current: 0, margin: 50 };

  it('keeps the scroll when the item is already visible', () => {
    expect(revealOffset({ ...base, item: { start: 400, size: 200 } })).toBe(0);
  });

  it('scrolls forward just enough to show the item and its margin', () => {
    expect(revealOffset({ ...base, item: { start: 1000, size: 200 } })).toBe(250);
  });

  it('scrolls back when the item is before the visible part', () => {
    expect(revealOffset({ ...base, current: 800, item: { start: 500, size: 200 } })).toBe(450);
  });

  it('brings the item to the start when asked, as a column of rails does', () => {
    expect(revealOffset({ ...base, align: 'start', item: { start: 400, size: 200 } })).toBe(350);
    expect(revealOffset({ ...base, align: 'start', current: 800, item: { start: 500, size: 200 } })).toBe(450);
  });

  it('never scrolls past either end', () => {
    expect(revealOffset({ ...base, current: 100, item: { start: 0, size: 200 } })).toBe(0);
    expect(revealOffset({ ...base, item: { start: 2900, size: 100 } })).toBe(2000);
    expect(revealOffset({ ...base, content: 600, item: { start: 500, size: 100 } })).toBe(0);
  });
});

describe('logicalSpan', () => {
  it('measures from the left in LTR and from the right in RTL', () => {
    expect(logicalSpan(300, 100, 1000, false)).toEqual({ start: 300, size: 100 });
    expect(logicalSpan(300, 100, 1000, true)).toEqual({ start: 600, size: 100 });
  });
});

describe('indexAfterRemoval', () => {
  it('gives focus to the item that took the removed one’s place, or the new last one', () => {
    expect(indexAfterRemoval(2, 5)).toBe(2);
    expect(indexAfterRemoval(5, 5)).toBe(4);
    expect(indexAfterRemoval(0, 0)).toBe(-1);
  });
});
