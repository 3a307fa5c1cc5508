/** A JSON object (not null, not an array): the shape every untrusted file and API answer is checked for first. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
