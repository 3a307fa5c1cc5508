import { describe, expect, it } from 'vitest';
import { MOTIFS } from '../catalog/catalog';
import { artworkImage, drawArtwork } from './artwork';

describe('drawArtwork', () => {
  it('draws the same picture for the same tile and a different one for another tile', () => {
    const art = { hue: 200, motif: 'waves' as const };
    expect(drawArtwork(art, 'tile-a', 160, 90)).toEqual(drawArtwork(art, 'tile-a', 160, 90));
    expect(drawArtwork(art, 'tile-a', 160, 90)).not.toEqual(drawArtwork(art, 'tile-b', 160, 90));
  });

  it('draws every motif with a few shapes and valid numbers', () => {
    for (const motif of MOTIFS) {
      const drawing = drawArtwork({ hue: 10, motif }, `seed-${motif}`, 100, 150);
      expect(drawing.shapes.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(drawing)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('keeps the background dark enough for white titles', () => {
    const { from, to } = drawArtwork({ hue: 60, motif: 'circles' }, 'x', 160, 90);
    for (const colour of [from, to]) expect(Number(/(\d+)%\)$/.exec(colour)?.[1])).toBeLessThanOrEqual(25);
  });

  it('makes one self-contained SVG image per tile, the same every time', () => {
    const art = { hue: 120, motif: 'peaks' as const };
    const image = artworkImage(art, 'tile-a', 160, 90);
    expect(image).toMatch(/^url\("data:image\/svg\+xml,%3Csvg%20xmlns/);
    expect(decodeURIComponent(image)).toContain(drawArtwork(art, 'tile-a', 160, 90).from);
    expect(artworkImage(art, 'tile-a', 160, 90)).toBe(image);
    expect(artworkImage(art, 'tile-b', 160, 90)).not.toBe(image);
    expect(artworkImage(art, 'tile-a', 100, 150)).not.toBe(image);
  });
});
