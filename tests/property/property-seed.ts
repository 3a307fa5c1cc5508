/**
 * The seed every property test starts from. Fixed by default so `npm test` (and CI) is
 * reproducible: a red run is red again on the same commit, and a new counterexample cannot
 * turn an unchanged commit red. `FC_SEED=random` explores fresh seeds (`npm run test:explore`);
 * `FC_SEED=<integer>` replays the seed a failing exploration printed.
 */
export const DEFAULT_PROPERTY_SEED = 20261123;

/** The seed to use for `FC_SEED`'s value, or undefined for a fresh random seed per assertion. */
export function propertySeed(setting: string | undefined): number | undefined {
  if (setting === undefined || setting === '') return DEFAULT_PROPERTY_SEED;
  if (setting === 'random') return undefined;
  const seed = Number(setting);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(setting)}`);
  return seed;
}
