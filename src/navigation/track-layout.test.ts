import { describe, expect, it } from 'vitest';
import { lay } from './test-layout';
import { measureTrack } from './track-layout';

/** A 1000 × 400 viewport over a 2000 × 900 track holding three items. */
function setup(direction: 'ltr' | 'rtl' = 'ltr') {
  const viewport = lay(document.createElement('div'), { width: 1000, height: 400 });
  const track = lay(document.createElement('div'), { width: 2000, height: 900 });
  track.style.direction = direction;
  track.append(
    lay(document.createElement('div'), { left: 0, width: 300, top: 0, height: 200 }),
    lay(document.createElement('div'), { left: 400, width: 500, top: 300, height: 250 }),
    lay(document.createElement('div'), { left: 1000, width: 1000, top: 650, height: 250 }),
  );
  viewport.appendChild(track);
  document.body.appendChild(viewport);
  return { viewport, track };
}

describe('measureTrack', () => {
  // A column is measured top-down even when its text runs right to left.
  it.each([
    { what: 'a rail: each item from the left edge, the track and the viewport across', axis: 'x', direction: 'ltr', content: 2000, viewport: 1000, items: [[0, 300], [400, 500], [1000, 1000]] },
    { what: 'a column down from its top edge', axis: 'y', direction: 'rtl', content: 900, viewport: 400, items: [[0, 200], [300, 250], [650, 250]] },
  ] as const)('measures $what', ({ axis, direction, content, viewport: length, items }) => {
    const { viewport, track } = setup(direction);
    expect(measureTrack(track, viewport, axis)).toEqual({
      rtl: false,
      content,
      viewport: length,
      items: items.map(([start, size]) => ({ start, size })),
    });
  });

  it('measures a right-to-left rail from its right edge', () => {
    const { viewport, track } = setup('rtl');
    const layout = measureTrack(track, viewport, 'x');
    expect(layout.rtl).toBe(true);
    expect(layout.items).toEqual([
      { start: 1700, size: 300 },
      { start: 1100, size: 500 },
      { start: 0, size: 1000 },
    ]);
  });
});
