import type { Artwork } from '../catalog/catalog';

/** A colour as hue (degrees), saturation and lightness (percent), and opacity (0–1). */
export interface Colour {
  hue: number;
  saturation: number;
  lightness: number;
  alpha: number;
}

/**
 * One drawn element of a generated artwork. Positions are fractions of the picture's width (x)
 * and height (y), so the same drawing fills any box of its proportions.
 */
export type Shape =
  /** A disc; `r` is a fraction of the picture's longer side. */
  | { kind: 'circle'; cx: number; cy: number; r: number; colour: Colour }
  /** A wide ellipse rising from below the bottom edge: `top` is its highest point, `rx` its half-width. */
  | { kind: 'hill'; cx: number; top: number; rx: number; colour: Colour }
  /** A mountain with its summit at (`x`, `y`) and its feet on the bottom edge at `left` and `right`. */
  | { kind: 'peak'; x: number; y: number; left: number; right: number; colour: Colour }
  /** A diagonal stripe between two lines parallel to the bottom-left → top-right diagonal, as fractions of width + height. */
  | { kind: 'band'; from: number; to: number; colour: Colour };

export interface ArtworkDrawing {
  /** Top-left and bottom-right colours of the background gradient. */
  from: Colour;
  to: Colour;
  /** Back to front. */
  shapes: Shape[];
}

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
const colour = (hue: number, saturation: number, lightness: number, alpha = 1): Colour => ({
  hue: ((Math.round(hue) % 360) + 360) % 360,
  saturation: Math.round(saturation),
  lightness: Math.round(lightness),
  alpha: round(alpha, 100),
});

/**
 * Draws a tile's artwork from its colour and motif, seeded by its id: sample content needs no
 * image files and no network. Kept mid-dark so white titles stay readable over it. Hills and
 * peaks are opaque (each is painted in two overlapping parts, which translucency would show),
 * far layers lighter than near ones, like a landscape in haze; discs and stripes are
 * translucent, so where they cross the colours mix.
 */
export function drawArtwork(art: Artwork, seed: string): ArtworkDrawing {
  const next = random(seed);
  const { hue } = art;
  const shapes: Shape[] = [];
  const layers = 3 + Math.floor(next() * 3);
  for (let i = 0; i < layers; i++) {
    const depth = i / layers;
    const tint = (): { hue: number; saturation: number } => ({ hue: hue + (next() - 0.5) * 60, saturation: 45 + next() * 25 });
    const opaque = (): Colour => {
      const { hue: h, saturation } = tint();
      return colour(h, saturation, 36 - depth * 20 + next() * 5);
    };
    const translucent = (): Colour => {
      const { hue: h, saturation } = tint();
      return colour(h, saturation, 30 + i * 8 + next() * 8, 0.45 + next() * 0.4);
    };
    if (art.motif === 'circles') {
      shapes.push({ kind: 'circle', colour: translucent(), cx: round(next()), cy: round(next()), r: round(0.15 + next() * 0.35) });
    } else if (art.motif === 'waves') {
      const fill = opaque();
      const top = 0.3 + depth * 0.5 + next() * 0.1;
      // Two hills of one colour make a rolling ridge: a dip where they meet.
      shapes.push({ kind: 'hill', colour: fill, cx: round(next() * 0.4), top: round(top), rx: round(0.6 + next() * 0.3) });
      shapes.push({ kind: 'hill', colour: fill, cx: round(0.6 + next() * 0.4), top: round(top + (next() - 0.5) * 0.12), rx: round(0.6 + next() * 0.3) });
    } else if (art.motif === 'peaks') {
      const x = 0.15 + next() * 0.7;
      const y = 0.15 + depth * 0.45 + next() * 0.15;
      // Feet stay inside the picture: old engines drew a layer that reached outside its box wrongly.
      const left = x * next() * 0.6;
      const right = x + (1 - x) * (0.4 + next() * 0.6);
      shapes.push({ kind: 'peak', colour: opaque(), x: round(x), y: round(y), left: round(left), right: round(right) });
    } else {
      const from = 0.1 + next() * 0.75;
      shapes.push({ kind: 'band', colour: translucent(), from: round(from), to: round(from + 0.05 + next() * 0.1) });
    }
  }
  return { from: colour(hue, 45, 22), to: colour(hue + 40, 55, 12), shapes };
}

const css = ({ hue, saturation, lightness, alpha }: Colour, opacity = alpha): string => `hsla(${hue}, ${saturation}%, ${lightness}%, ${opacity})`;
const pct = (fraction: number): string => `${round(fraction * 100, 100)}%`;
/** A hard edge to the same colour at zero opacity: `transparent` is black at zero opacity, which can fringe the edge grey. */
const edge = (fill: Colour, at: string): string => `${css(fill)} ${at}, ${css(fill, 0)}`;

/**
 * The `background-position` that puts a layer `size` wide (a fraction of the box) at `start`: a
 * percentage there aligns that point of the layer with the same point of the box.
 */
function boxPosition(start: number, size: number): string {
  const room = Math.abs(1 - size) < 0.001 ? 0.001 : 1 - size;
  return pct(start / room);
}

/** One `background` layer (image, position / size, repeat) per shape. */
function layer(shape: Shape, [width, height]: readonly [number, number]): string {
  switch (shape.kind) {
    case 'circle': {
      const radius = shape.r * Math.max(width, height);
      return `radial-gradient(${pct(radius / width)} ${pct(radius / height)} at ${pct(shape.cx)} ${pct(shape.cy)}, ${edge(shape.colour, '98%')} 100%) no-repeat`;
    }
    case 'hill': {
      // The centre sits half a picture below the bottom edge: the hill is still wide where it leaves the picture.
      const ry = 1 - shape.top + 0.5;
      return `radial-gradient(${pct(shape.rx)} ${pct(ry)} at ${pct(shape.cx)} ${pct(shape.top + ry)}, ${edge(shape.colour, '99%')} 100%) no-repeat`;
    }
    case 'peak': {
      // Two right triangles, each filling half of its own box. The right one starts a little
      // left of the summit, under the left one's slope: old engines left a seam where they met.
      const rise = pct(1 - shape.y);
      const slope = (start: number, size: number, corner: string): string =>
        `linear-gradient(to top ${corner}, ${edge(shape.colour, '50%')} 50%) ${boxPosition(start, size)} 100% / ${pct(size)} ${rise} no-repeat`;
      const overlap = 0.01;
      return `${slope(shape.x - overlap, shape.right - shape.x + overlap, 'right')}, ${slope(shape.left, shape.x - shape.left, 'left')}`;
    }
    case 'band':
      // At 135° a point (x, y) sits at (x + y) / (width + height) along the gradient, in any box.
      return `linear-gradient(135deg, ${css(shape.colour, 0)} ${pct(shape.from)}, ${css(shape.colour)} ${pct(shape.from)}, ${css(shape.colour)} ${pct(shape.to)}, ${css(shape.colour, 0)} ${pct(shape.to)}) no-repeat`;
  }
}

/** The drawing as a CSS `background` value: frontmost shape first, the background gradient last. */
export function artworkCss({ from, to, shapes }: ArtworkDrawing, shape: ArtworkShape): string {
  const proportions = PROPORTIONS[shape] ?? PROPORTIONS.landscape;
  const layers = shapes.map((item) => layer(item, proportions)).reverse();
  return `${layers.join(', ')}, linear-gradient(to bottom right, ${css(from)}, ${css(to)})`;
}

const backgrounds = new Map<string, string>();

/**
 * A tile's artwork as a CSS `background` value, made once per tile and shape. Gradients, not
 * an image: the engine paints them directly, where each SVG image was a document of its own
 * to parse at start-up and to draw again whenever its tile repainted.
 */
export function artworkBackground(art: Artwork, seed: string, shape: ArtworkShape = 'landscape'): string {
  const key = `${seed}|${art.hue}|${art.motif}|${shape}`;
  let background = backgrounds.get(key);
  if (!background) {
    background = artworkCss(drawArtwork(art, seed), shape);
    backgrounds.set(key, background);
  }
  return background;
}
