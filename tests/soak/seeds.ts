/** `npm run soak` runs seeds 1…20 unless told otherwise. */
export const DEFAULT_SEED_COUNT = 20;

/**
 * The seeds to run: `SOAK_SEEDS=17,42` replays exactly those; `SOAK_COUNT=50` runs 1…50.
 * A typo must not silently run nothing, so anything unreadable throws.
 */
export function soakSeeds(env: Record<string, string | undefined>): number[] {
  const listed = env.SOAK_SEEDS?.trim();
  if (listed) {
    const seeds = listed.split(',').map((item) => item.trim());
    const bad = seeds.filter((item) => !/^\d+$/.test(item));
    if (bad.length) throw new Error(`SOAK_SEEDS must be whole numbers separated by commas; cannot read ${bad.join(', ')}`);
    return [...new Set(seeds.map(Number))];
  }
  const count = env.SOAK_COUNT?.trim() ? Number(env.SOAK_COUNT) : DEFAULT_SEED_COUNT;
  if (!Number.isInteger(count) || count < 1) throw new Error(`SOAK_COUNT must be a positive whole number, not ${env.SOAK_COUNT}`);
  return Array.from({ length: count }, (_, i) => i + 1);
}
