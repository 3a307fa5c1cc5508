import type { Artwork } from '../catalog/catalog';

/** One drawn element of a generated artwork, in viewBox units. */
export type Shape = { kind: 'circle'; cx: number; cy: number; r: number; fill: string; opacity: number } | { kind: 'path'; d: string; fill: string; opacity: number };

export interface ArtworkDrawing {
  width: number;
  height: number;
  /** Top-left and bottom-right colours of the background gradient. */
  from: string;
  to: string;
  shapes: Shape[];
}

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

const hsl = (hue: number, saturation: number, lightness: number): string => `hsl(${Math.round(hue) % 360}, ${saturation}%, ${lightness}%)`;
const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * Draws a tile's artwork from its colour and motif, seeded by its id: sample content needs no
 * image files and no network. Kept mid-dark so white titles stay readable over it.
 */
export function drawArtwork(art: Artwork, seed: string, width: number, height: number): ArtworkDrawing {
  const next = random(seed);
  const { hue } = art;
  const shapes: Shape[] = [];
  const layers = 3 + Math.floor(next() * 3);
  for (let i = 0; i < layers; i++) {
    const fill = hsl(hue + (next() - 0.5) * 60, 55 + next() * 25, 30 + i * 8 + next() * 8);
    const opacity = round(0.45 + next() * 0.4);
    if (art.motif === 'circles') {
      shapes.push({ kind: 'circle', cx: round(next() * width), cy: round(next() * height), r: round((0.15 + next() * 0.35) * Math.max(width, height)), fill, opacity });
    } else if (art.motif === 'waves') {
      const y = height * (0.35 + (i / layers) * 0.6);
      const amplitude = height * (0.05 + next() * 0.12);
      const d = `M0 ${round(y)} Q${round(width * 0.25)} ${round(y - amplitude)} ${round(width * 0.5)} ${round(y)} T${width} ${round(y)} V${height} H0 Z`;
      shapes.push({ kind: 'path', d, fill, opacity });
    } else if (art.motif === 'peaks') {
      const base = height * (0.55 + (i / layers) * 0.4);
      const peak = round(next() * width);
      const d = `M0 ${round(base)} L${peak} ${round(base - height * (0.25 + next() * 0.35))} L${width} ${round(base)} V${height} H0 Z`;
      shapes.push({ kind: 'path', d, fill, opacity });
    } else {
      const x = round(next() * width);
      const band = round(width * (0.08 + next() * 0.14));
      shapes.push({ kind: 'path', d: `M${x} 0 H${round(x + band)} L${round(x + band - height)} ${height} H${round(x - height)} Z`, fill, opacity });
    }
  }
  return { width, height, from: hsl(hue, 45, 22), to: hsl(hue + 40, 55, 12), shapes };
}

const imageCache = new Map<string, string>();

/**
 * The artwork as a CSS `url()` of an SVG data URL, made once per tile and shape. One image per
 * tile paints as a single draw call, where inline SVG elements cost a paint chunk each and made
 * every frame of a 200-tile screen slow to composite on a TV.
 */
export function artworkImage(art: Artwork, seed: string, width: number, height: number): string {
  const key = `${seed}|${art.hue}|${art.motif}|${width}x${height}`;
  let image = imageCache.get(key);
  if (!image) {
    image = `url("data:image/svg+xml,${encodeURIComponent(artworkSvg(drawArtwork(art, seed, width, height)))}")`;
    imageCache.set(key, image);
  }
  return image;
}

function artworkSvg({ width, height, from, to, shapes }: ArtworkDrawing): string {
  const drawn = shapes
    .map((shape) =>
      shape.kind === 'circle'
        ? `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}" opacity="${shape.opacity}"/>`
        : `<path d="${shape.d}" fill="${shape.fill}" opacity="${shape.opacity}"/>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>${drawn}</svg>`
  );
}
