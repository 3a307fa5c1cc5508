import { describe, expect, it } from 'vitest';
import { MOTIFS } from '../catalog/catalog';
import { artworkBackground, artworkCss, drawArtwork, type ArtworkDrawing } from './artwork';

describe('drawArtwork', () => {
  it('draws the same picture for the same tile and a different one for another tile', () => {
    const art = { hue: 200, motif: 'waves' as const };
    expect(drawArtwork(art, 'tile-a')).toEqual(drawArtwork(art, 'tile-a'));
    expect(drawArtwork(art, 'tile-a')).not.toEqual(drawArtwork(art, 'tile-b'));
  });

  it('draws every motif with a few shapes and valid numbers', () => {
    for (const motif of MOTIFS) {
      const drawing = drawArtwork({ hue: 10, motif }, `seed-${motif}`);
      expect(drawing.shapes.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(drawing)).not.toMatch(/NaN|Infinity|null/);
    }
  });

  it('keeps the background dark enough for white titles', () => {
    const { from, to } = drawArtwork({ hue: 60, motif: 'circles' }, 'x');
    for (const colour of [from, to]) expect(colour.lightness).toBeLessThanOrEqual(25);
  });
});

describe('artworkCss', () => {
  const disc: ArtworkDrawing = {
    from: { hue: 0, saturation: 40, lightness: 20, alpha: 1 },
    to: { hue: 40, saturation: 50, lightness: 10, alpha: 1 },
    shapes: [{ kind: 'circle', cx: 0.5, cy: 0.5, r: 0.25, colour: { hue: 120, saturation: 60, lightness: 40, alpha: 0.5 } }],
  };

  it('keeps a disc round in both tile shapes', () => {
    const radii = (css: string): number[] => (/radial-gradient\(([\d.]+)% ([\d.]+)%/.exec(css) ?? []).slice(1).map(Number);
    const [landscapeX, landscapeY] = radii(artworkCss(disc, 'landscape'));
    expect(landscapeX * 16).toBeCloseTo(landscapeY * 9, 0);
    const [posterX, posterY] = radii(artworkCss(disc, 'poster'));
    expect(posterX * 2).toBeCloseTo(posterY * 3, 0);
  });

  it('paints the shapes over the background gradient', () => {
    const css = artworkCss(disc, 'landscape');
    expect(css.indexOf('radial-gradient')).toBeLessThan(css.indexOf('linear-gradient(to bottom right, hsla(0, 40%, 20%, 1), hsla(40, 50%, 10%, 1))'));
  });
});

describe('artworkBackground', () => {
  it('is the same for the same tile and shape, and differs between tiles and shapes', () => {
    const art = { hue: 120, motif: 'peaks' as const };
    const background = artworkBackground(art, 'tile-a', 'landscape');
    expect(background).toMatch(/^linear-gradient\(/);
    expect(artworkBackground(art, 'tile-a', 'landscape')).toBe(background);
    expect(artworkBackground(art, 'tile-b', 'landscape')).not.toBe(background);
    expect(artworkBackground({ hue: 120, motif: 'circles' }, 'tile-a', 'landscape')).not.toBe(artworkBackground({ hue: 120, motif: 'circles' }, 'tile-a', 'poster'));
  });
});
