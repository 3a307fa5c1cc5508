/**
 * A platform answer as trimmed text, or undefined: TV APIs documented to give text also answer
 * numbers, `false`, objects or blanks, and the app builds identifiers and request fields on it.
 */
export function platformText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
