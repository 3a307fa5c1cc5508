import { describe, expect, it } from 'vitest';
import { MOTIFS } from '../catalog/catalog';
import { artworkBackground } from './artwork';

/** The `hsla()` lightness values of a CSS text, in order. */
const lightnesses = (css: string): number[] => Array.from(css.match(/hsla\(\d+, \d+%, \d+%/g) ?? [], (colour) => Number(/(\d+)%$/.exec(colour)?.[1]));

describe('artworkBackground', () => {
  it('is the same for the same tile and shape, and differs between tiles and shapes', () => {
    const art = { hue: 120, motif: 'peaks' as const };
    const background = artworkBackground(art, 'tile-a', 'landscape');
    expect(background).toMatch(/^linear-gradient\(/);
    expect(artworkBackground(art, 'tile-a', 'landscape')).toBe(background);
    expect(artworkBackground(art, 'tile-b', 'landscape')).not.toBe(background);
    expect(artworkBackground({ hue: 120, motif: 'circles' }, 'tile-a', 'landscape')).not.toBe(artworkBackground({ hue: 120, motif: 'circles' }, 'tile-a', 'poster'));
  });

  it('draws every motif with a few shapes and valid numbers', () => {
    for (const motif of MOTIFS) {
      const css = artworkBackground({ hue: 10, motif }, `seed-${motif}`);
      // Three shapes or more, over the background gradient.
      expect(css.match(/gradient\(/g)?.length).toBeGreaterThanOrEqual(4);
      expect(css).not.toMatch(/NaN|Infinity|null|undefined/);
    }
  });

  it('paints the shapes over a background gradient dark enough for white titles', () => {
    const css = artworkBackground({ hue: 60, motif: 'circles' }, 'x');
    const background = css.slice(css.lastIndexOf(', linear-gradient(to bottom right, ') + 2);
    expect(css.indexOf('radial-gradient')).toBe(0);
    expect(background).toMatch(/^linear-gradient\(to bottom right, hsla\([^)]+\), hsla\([^)]+\)\)$/);
    expect(lightnesses(background)).toHaveLength(2);
    for (const lightness of lightnesses(background)) expect(lightness).toBeLessThanOrEqual(25);
  });

  it('keeps discs round in both tile shapes', () => {
    const radii = (css: string): number[][] => Array.from(css.match(/radial-gradient\([\d.]+% [\d.]+%/g) ?? [], (found) => (found.match(/[\d.]+/g) ?? []).map(Number));
    const landscape = radii(artworkBackground({ hue: 200, motif: 'circles' }, 'disc', 'landscape'));
    expect(landscape.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of landscape) expect(x * 16).toBeCloseTo(y * 9, 0);
    const poster = radii(artworkBackground({ hue: 200, motif: 'circles' }, 'disc', 'poster'));
    for (const [x, y] of poster) expect(x * 2).toBeCloseTo(y * 3, 0);
  });
});
