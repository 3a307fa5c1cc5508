/** Type guards for untrusted JSON (request bodies, the state file). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A check for one field and the rule it enforces, worded to follow "<field> must be". */
export type FieldRule = readonly [check: (value: unknown) => boolean, rule: string];

/** Checks the fields of an admin request against their rules: the first problem as a
 * sentence, or undefined. Unknown fields are refused so that a typo (`delay` for
 * `delayMs`) is reported instead of silently doing nothing. */
export function fieldProblem(fields: JsonObject, rules: Readonly<Record<string, FieldRule>>, noun: string): string | undefined {
  for (const [field, value] of Object.entries(fields)) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule) return `unknown ${noun} "${field}" (known: ${Object.keys(rules).join(', ')})`;
    if (!rule[0](value)) return `${field} must be ${rule[1]}`;
  }
  return undefined;
}
