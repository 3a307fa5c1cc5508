/** The home screen the key-response rows run on: the 10 rails × 20 tiles. */
export const BENCH_GRID = { rails: 10, tiles: 20 } as const;

const MOTIFS = ['waves', 'circles', 'peaks', 'stripes'] as const;

/**
 * A `catalog.json` in the shape of `public/catalog.json` with `rails × tiles` available tiles,
 * alternating landscape and poster rails so both tile layouts are in the measurement.
 */
export function benchCatalog(rails: number = BENCH_GRID.rails, tiles: number = BENCH_GRID.tiles): { rails: unknown[] } {
  return {
    rails: Array.from({ length: rails }, (_, r) => ({
      id: `bench-rail-${r + 1}`,
      title: `Bench rail ${r + 1}`,
      layout: r % 2 ? 'poster' : 'landscape',
      tiles: Array.from({ length: tiles }, (_, t) => ({
        id: `bench-${r + 1}-${t + 1}`,
        title: `Tile ${r + 1}.${t + 1}`,
        subtitle: `Bench · ${2000 + t}`,
        description: `Tile ${t + 1} of rail ${r + 1}, generated for the key-response benchmark.`,
        art: { hue: (r * 36 + t * 7) % 360, motif: MOTIFS[(r + t) % MOTIFS.length] },
      })),
    })),
  };
}
