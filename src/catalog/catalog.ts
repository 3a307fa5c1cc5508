import type { FeatureFlags } from '../app/services';
import { fnv1a } from '../hash/fnv1a';
import { isJsonObject } from '../net/json';

/** The generated-artwork styles a tile can ask for. */
export const MOTIFS = ['waves', 'circles', 'peaks', 'stripes'] as const;
export type Motif = (typeof MOTIFS)[number];

/** How a tile's artwork is drawn: no image files, only a colour and a pattern. */
export interface Artwork {
  /** Hue of the palette, 0–360. */
  hue: number;
  motif: Motif;
}

export interface Tile {
  id: string;
  title: string;
  /** A short line under the title, e.g. "Documentary · 2024". */
  subtitle: string;
  description: string;
  /** Shown dimmed and skipped by focus: listed, but not available yet. */
  comingSoon: boolean;
  art: Artwork;
}

export interface Rail {
  id: string;
  title: string;
  /** `landscape` = 16:9 tiles, `poster` = 2:3 tiles. */
  layout: 'landscape' | 'poster';
  /** A feature flag that must be true for the rail to show; none = always shown. */
  flag?: string;
  tiles: Tile[];
}

export interface Catalog {
  rails: Rail[];
}

export interface ParsedCatalog {
  catalog: Catalog;
  /** One line per skipped or corrected entry, for the log. */
  warnings: string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function parseArt(raw: unknown, id: string, where: string, warnings: string[]): Artwork {
  // Hashed, so a tile without `art` still gets the same artwork every time.
  const seed = fnv1a(id);
  const art = isJsonObject(raw) ? raw : {};
  // A hue is an angle: 400 is 40.
  const hueGiven = typeof art.hue === 'number' && Number.isFinite(art.hue);
  const motifGiven = (MOTIFS as readonly unknown[]).indexOf(art.motif) >= 0;
  if (raw !== undefined && (!isJsonObject(raw) || (art.hue !== undefined && !hueGiven) || (art.motif !== undefined && !motifGiven))) {
    warnings.push(`${where}: art takes a number hue and a motif (${MOTIFS.join(', ')}); what is not is generated`);
  }
  return { hue: hueGiven ? (((art.hue as number) % 360) + 360) % 360 : seed % 360, motif: motifGiven ? (art.motif as Motif) : MOTIFS[seed % MOTIFS.length] };
}

function parseTile(raw: unknown, where: string, warnings: string[]): Tile | undefined {
  if (!isJsonObject(raw) || !text(raw.id) || !text(raw.title)) {
    warnings.push(`${where} needs an id and a title; skipped`);
    return undefined;
  }
  const id = text(raw.id);
  if (raw.comingSoon !== undefined && typeof raw.comingSoon !== 'boolean') warnings.push(`${where}: comingSoon must be true or false; taken as false`);
  return { id, title: text(raw.title), subtitle: text(raw.subtitle), description: text(raw.description), comingSoon: raw.comingSoon === true, art: parseArt(raw.art, id, where, warnings) };
}

/** A rail's tiles, each id once: a second tile with the same id is a mistake in the file. */
function uniqueTiles(tiles: Tile[], rail: string, warnings: string[]): Tile[] {
  const seen = new Set<string>();
  return tiles.filter((tile) => {
    if (!seen.has(tile.id)) return seen.add(tile.id);
    warnings.push(`rail ${rail}: tile id ${tile.id} appears twice; the second is skipped`);
    return false;
  });
}

function parseRail(raw: unknown, where: string, warnings: string[]): Rail | undefined {
  if (!isJsonObject(raw) || !text(raw.id) || !text(raw.title) || !Array.isArray(raw.tiles)) {
    warnings.push(`${where} needs an id, a title and a tiles list; skipped`);
    return undefined;
  }
  const id = text(raw.id);
  if (raw.layout !== undefined && raw.layout !== 'landscape' && raw.layout !== 'poster') warnings.push(`rail ${id}: layout must be landscape or poster; using landscape`);
  const tiles = uniqueTiles(
    raw.tiles.map((tile, i) => parseTile(tile, `rail ${id} tile ${i}`, warnings)).filter((tile): tile is Tile => !!tile),
    id,
    warnings,
  );
  if (!tiles.length) {
    warnings.push(`rail ${id} has no valid tiles; skipped`);
    return undefined;
  }
  const flag = text(raw.flag);
  // Fails closed: a rail behind a flag that cannot be read must not show to everyone.
  if (raw.flag !== undefined && !flag) {
    warnings.push(`rail ${id}: flag must be a feature flag's name; skipped`);
    return undefined;
  }
  return { id, title: text(raw.title), layout: raw.layout === 'poster' ? 'poster' : 'landscape', ...(flag ? { flag } : {}), tiles };
}

/** Reads untrusted `catalog.json` content: bad rails and tiles are skipped, never fatal. */
export function parseCatalog(raw: unknown): ParsedCatalog {
  const warnings: string[] = [];
  if (!isJsonObject(raw) || !Array.isArray(raw.rails)) {
    warnings.push('catalog.json must hold an object with a rails list; showing no rails');
    return { catalog: { rails: [] }, warnings };
  }
  const rails = raw.rails.map((rail, i) => parseRail(rail, `rail ${i}`, warnings)).filter((rail): rail is Rail => !!rail);
  return { catalog: { rails }, warnings };
}

/** The rails to show: those without a flag, and those whose flag the server set to true. */
export function visibleRails(catalog: Catalog, flags: Pick<FeatureFlags, 'isEnabled'> | undefined): Rail[] {
  return catalog.rails.filter((rail) => !rail.flag || flags?.isEnabled(rail.flag) === true);
}
