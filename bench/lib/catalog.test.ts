import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCH_GRID, benchCatalog } from './catalog';

type Entry = Record<string, unknown>;
const shipped = JSON.parse(readFileSync(new URL('../../public/catalog.json', import.meta.url), 'utf8')) as { rails: (Entry & { tiles: Entry[] })[] };
const keysOf = (entries: Entry[]): Set<string> => new Set(entries.flatMap((entry) => Object.keys(entry)));

describe('bench catalog', () => {
  const catalog = benchCatalog() as { rails: (Entry & { tiles: Entry[] })[] };

  it('has 10 rails of 20 tiles, every tile with a unique id', () => {
    expect(catalog.rails).toHaveLength(BENCH_GRID.rails);
    const tiles = catalog.rails.flatMap((rail) => rail.tiles);
    expect(tiles).toHaveLength(BENCH_GRID.rails * BENCH_GRID.tiles);
    expect(new Set(tiles.map((tile) => tile.id)).size).toBe(tiles.length);
  });

  it('uses only fields the shipped public/catalog.json uses, so the app reads it like the real one', () => {
    const shippedTiles = shipped.rails.flatMap((rail) => rail.tiles);
    for (const key of keysOf(catalog.rails)) expect(keysOf(shipped.rails)).toContain(key);
    for (const key of keysOf(catalog.rails.flatMap((rail) => rail.tiles))) expect(keysOf(shippedTiles)).toContain(key);
  });
});
