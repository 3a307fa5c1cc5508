/** The FNV-1a offset basis: the seed of the standard 32-bit hash. */
export const FNV1A_OFFSET = 0x811c9dc5;

/**
 * 32-bit FNV-1a over UTF-16 code units: a stable number from a string, not a secret. A second
 * seed gives an independent hash of the same text.
 */
export function fnv1a(text: string, seed = FNV1A_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
