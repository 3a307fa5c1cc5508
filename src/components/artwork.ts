import type { Artwork } from '../catalog/catalog';

/** Width and height of each picture shape, for keeping discs round. */
const PROPORTIONS = { landscape: [16, 9], poster: [2, 3] } as const;
export type ArtworkShape = keyof typeof PROPORTIONS;

/** A small seeded generator (mulberry32): the same tile always gets the same picture. */
function random(seedText: string): () => number {
  let seed = 0;
  for (let i = 0; i < seedText.length; i++) seed = (Math.imul(31, seed) + seedText.charCodeAt(i)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds to a multiple of 1 / `scale`: short numbers keep the CSS short and quick to build. */
const round = (value: number, scale = 1000): number => Math.round(value * scale) / scale;
const pct = (fraction: number): string => `${round(fraction * 100, 100)}%`;

/** A colour as CSS, at its own opacity or at another one (0 for the clear side of an edge). */
type Paint = (opacity?: number) => string;
const paint =
  (hue: number, saturation: number, lightness: number, alpha = 1): Paint =>
  (opacity = round(alpha, 100)) =>
    `hsla(${((Math.round(hue) % 360) + 360) % 360}, ${Math.round(saturation)}%, ${Math.round(lightness)}%, ${opacity})`;

/** A hard edge to the same colour at zero opacity: `transparent` is black at zero opacity, which can fringe the edge grey. */
const edge = (fill: Paint, at: string): string => `${fill()} ${at}, ${fill(0)}`;

/**
 * The `background-position` that puts a layer `size` wide (a fraction of the box) at `start`: a
 * percentage there aligns that point of the layer with the same point of the box.
 */
function boxPosition(start: number, size: number): string {
  const room = Math.abs(1 - size) < 0.001 ? 0.001 : 1 - size;
  return pct(start / room);
}

/**
 * Draws a tile's artwork from its colour and motif, seeded by its id, as `background` layers
 * from back to front, over a gradient of the tile's hue: sample content needs no image files and no network. Positions are fractions
 * of the picture, so the same drawing fills any box of its proportions. Kept mid-dark so white
 * titles stay readable over it. Hills and peaks are opaque (each is painted in two overlapping
 * parts, which translucency would show), far layers lighter than near ones, like a landscape in
 * haze; discs and stripes are translucent, so where they cross the colours mix.
 */
function drawLayers(art: Artwork, seed: string, [width, height]: readonly [number, number]): string[] {
  const next = random(seed);
  const { hue } = art;
  const layers: string[] = [];
  const count = 3 + Math.floor(next() * 3);
  for (let i = 0; i < count; i++) {
    const depth = i / count;
    const tint = (): [number, number] => [hue + (next() - 0.5) * 60, 45 + next() * 25];
    const opaque = (): Paint => {
      const [h, saturation] = tint();
      return paint(h, saturation, 36 - depth * 20 + next() * 5);
    };
    const translucent = (): Paint => {
      const [h, saturation] = tint();
      return paint(h, saturation, 30 + i * 8 + next() * 8, 0.45 + next() * 0.4);
    };
    if (art.motif === 'circles') {
      const fill = translucent();
      const [cx, cy, r] = [round(next()), round(next()), round(0.15 + next() * 0.35)];
      const radius = r * Math.max(width, height);
      layers.push(`radial-gradient(${pct(radius / width)} ${pct(radius / height)} at ${pct(cx)} ${pct(cy)}, ${edge(fill, '98%')} 100%) no-repeat`);
    } else if (art.motif === 'waves') {
      const fill = opaque();
      const top = 0.3 + depth * 0.5 + next() * 0.1;
      // A wide ellipse rising from below the bottom edge; its centre sits half a picture below
      // it, so the hill is still wide where it leaves the picture.
      const hill = (cx: number, hillTop: number, rx: number): string => {
        const ry = 1 - hillTop + 0.5;
        return `radial-gradient(${pct(rx)} ${pct(ry)} at ${pct(cx)} ${pct(hillTop + ry)}, ${edge(fill, '99%')} 100%) no-repeat`;
      };
      // Two hills of one colour make a rolling ridge: a dip where they meet.
      layers.push(hill(round(next() * 0.4), round(top), round(0.6 + next() * 0.3)), hill(round(0.6 + next() * 0.4), round(top + (next() - 0.5) * 0.12), round(0.6 + next() * 0.3)));
    } else if (art.motif === 'peaks') {
      const summit = 0.15 + next() * 0.7;
      const y = round(0.15 + depth * 0.45 + next() * 0.15);
      // Feet stay inside the picture: old engines drew a layer that reached outside its box wrongly.
      const left = round(summit * next() * 0.6);
      const right = round(summit + (1 - summit) * (0.4 + next() * 0.6));
      const x = round(summit);
      const fill = opaque();
      // Two right triangles, each filling half of its own box. The right one starts a little
      // left of the summit, under the left one's slope: old engines left a seam where they met.
      const rise = pct(1 - y);
      const slope = (start: number, size: number, corner: string): string =>
        `linear-gradient(to top ${corner}, ${edge(fill, '50%')} 50%) ${boxPosition(start, size)} 100% / ${pct(size)} ${rise} no-repeat`;
      const overlap = 0.01;
      layers.push(`${slope(x - overlap, right - x + overlap, 'right')}, ${slope(left, x - left, 'left')}`);
    } else {
      const start = 0.1 + next() * 0.75;
      const fill = translucent();
      const [from, to] = [round(start), round(start + 0.05 + next() * 0.1)];
      // At 135° a point (x, y) sits at (x + y) / (width + height) along the gradient, in any box.
      layers.push(`linear-gradient(135deg, ${fill(0)} ${pct(from)}, ${fill()} ${pct(from)}, ${fill()} ${pct(to)}, ${fill(0)} ${pct(to)}) no-repeat`);
    }
  }
  return layers;
}

const backgrounds = new Map<string, string>();

/**
 * A tile's artwork as a CSS `background` value (frontmost layer first), made once per tile and
 * shape. Gradients, not an image: the engine paints them directly, where each SVG image was a
 * document of its own to parse at start-up and to draw again whenever its tile repainted.
 */
export function artworkBackground(art: Artwork, seed: string, shape: ArtworkShape = 'landscape'): string {
  const key = `${seed}|${art.hue}|${art.motif}|${shape}`;
  let background = backgrounds.get(key);
  if (!background) {
    const layers = drawLayers(art, seed, PROPORTIONS[shape] ?? PROPORTIONS.landscape).reverse();
    background = `${layers.join(', ')}, linear-gradient(to bottom right, ${paint(art.hue, 45, 22)()}, ${paint(art.hue + 40, 55, 12)()})`;
    backgrounds.set(key, background);
  }
  return background;
}
