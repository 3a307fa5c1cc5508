import { isJsonObject } from '../net/json';
import { CHECK_INTERVAL_BOUNDS, CONFIG_LIMITS, type AppConfig } from './config';

export interface MergedConfig {
  config: AppConfig;
  /** One line per ignored or corrected key; values are never quoted, they may be secrets. */
  warnings: string[];
}

const ALLOWED_VALUES: Record<string, readonly string[]> = {
  'deviceApi.bodyEncoding': ['json', 'form'],
  'deviceApi.macFormat': ['plain', 'colon'],
  // Seed 002's enum; anything else is refused with a 422, which stops registration for good.
  'registerApi.deviceType': ['', 'de', 'la', 'tb', 'ph'],
};

/**
 * Keys whose blank value means nothing useful: `appName` is shown to the viewer (blank would
 * ask "Exit ?"), and a blank URL or path resolves to the app's own page, so the ping would
 * always answer (offline too, from `file://`) and a token would go to the app's own host.
 * Blank `baseUrl` and tokens do mean something (own origin; switched off), so they are not here.
 */
const NON_BLANK = [
  'appName',
  'pingUrl',
  'deviceApi.configsPath',
  'deviceApi.addPath',
  'deviceApi.checkPath',
  'registerApi.url',
  'approveApi.url',
];

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** What a given value must be instead, or undefined when the key can take it. */
function valueProblem(keyPath: string, value: unknown, fallback: unknown): string | undefined {
  if (typeof value !== typeof fallback || (typeof value === 'number' && !Number.isFinite(value))) return `a ${typeof fallback}`;
  if (typeof value === 'string' && value.length > CONFIG_LIMITS.stringChars) return `at most ${CONFIG_LIMITS.stringChars} characters long`;
  const allowed = ALLOWED_VALUES[keyPath];
  if (allowed && !allowed.includes(value as string)) return `one of ${allowed.map((option) => option || '"" (empty)').join(', ')}`;
  if (NON_BLANK.includes(keyPath) && typeof value === 'string' && value.trim() === '') return 'a non-empty string';
  return undefined;
}

/** The unknown keys met in a merge: all counted, the first few named. */
interface UnknownKeys {
  count: number;
  names: string[];
}

/** A key path for a log line: cut short, and quoted so that a newline in it cannot forge a line. */
function keyForLog(keyPath: string): string {
  const { keyNameChars } = CONFIG_LIMITS;
  return JSON.stringify(keyPath.length > keyNameChars ? `${keyPath.slice(0, keyNameChars)}…` : keyPath);
}

/** One warning for all unknown keys, not one each: a file can hold millions of them. */
function unknownKeysWarning({ count, names }: UnknownKeys): string {
  const more = count > names.length ? ` and ${count - names.length} more` : '';
  return `${count} unknown ${count === 1 ? 'key' : 'keys'} ignored: ${names.join(', ')}${more}`;
}

/**
 * Walks the defaults, not the input: only keys the app knows are ever read, so hostile keys
 * such as `__proto__` cannot reach the result, and every value keeps the default's type.
 * `prefix` is the key path so far (`deviceApi.`), for the warnings.
 */
function mergeInto(defaults: Record<string, unknown>, raw: Record<string, unknown>, prefix: string, warnings: string[], unknown: UnknownKeys): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const fallback = defaults[key];
    const keyPath = prefix + key;
    // JSON has no undefined: undefined means the file leaves the key out.
    const value = hasOwn(raw, key) ? raw[key] : undefined;
    if (isJsonObject(fallback)) {
      if (value !== undefined && !isJsonObject(value)) warnings.push(`${keyPath} must be an object; using defaults`);
      result[key] = mergeInto(fallback, isJsonObject(value) ? value : {}, `${keyPath}.`, warnings, unknown);
      continue;
    }
    const problem = value === undefined ? undefined : valueProblem(keyPath, value, fallback);
    if (problem) warnings.push(`${keyPath} must be ${problem}; using the default`);
    result[key] = value === undefined || problem ? fallback : value;
  }
  for (const key of Object.keys(raw)) {
    if (hasOwn(defaults, key)) continue;
    unknown.count += 1;
    if (unknown.names.length < CONFIG_LIMITS.unknownKeysNamed) unknown.names.push(keyForLog(prefix + key));
  }
  return result;
}

/** Deep-merges untrusted `config.json` content over the defaults (CONTRACT §1). */
export function mergeConfig(defaults: AppConfig, raw: unknown): MergedConfig {
  const warnings: string[] = [];
  if (!isJsonObject(raw)) {
    warnings.push('config.json must hold a JSON object; using defaults');
    raw = {};
  }
  const unknown: UnknownKeys = { count: 0, names: [] };
  const config = mergeInto(defaults as unknown as Record<string, unknown>, raw as Record<string, unknown>, '', warnings, unknown) as unknown as AppConfig;
  if (unknown.count) warnings.push(unknownKeysWarning(unknown));
  const { min, max } = CHECK_INTERVAL_BOUNDS;
  if (config.checkIntervalSeconds < min || config.checkIntervalSeconds > max) {
    warnings.push(`checkIntervalSeconds must be between ${min} and ${max}; clamped`);
    config.checkIntervalSeconds = Math.min(max, Math.max(min, config.checkIntervalSeconds));
  }
  return { config, warnings };
}
