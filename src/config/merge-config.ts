import { CHECK_INTERVAL_BOUNDS, type AppConfig } from './config';

export interface MergedConfig {
  config: AppConfig;
  /** One line per ignored or corrected key; values are never quoted, they may be secrets. */
  warnings: string[];
}

const ALLOWED_VALUES: Record<string, readonly string[]> = {
  'deviceApi.bodyEncoding': ['json', 'form'],
  'deviceApi.macFormat': ['plain', 'colon'],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks the defaults, not the input: only keys the app knows are ever read, so hostile keys
 * such as `__proto__` cannot reach the result, and every value keeps the default's type.
 */
function mergeInto(defaults: Record<string, unknown>, raw: Record<string, unknown>, path: string, warnings: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const fallback = defaults[key];
    const keyPath = path ? `${path}.${key}` : key;
    if (!Object.prototype.hasOwnProperty.call(raw, key)) {
      result[key] = isPlainObject(fallback) ? mergeInto(fallback, {}, keyPath, warnings) : fallback;
      continue;
    }
    const value = raw[key];
    if (isPlainObject(fallback)) {
      if (!isPlainObject(value)) warnings.push(`${keyPath} must be an object; using defaults`);
      result[key] = mergeInto(fallback, isPlainObject(value) ? value : {}, keyPath, warnings);
    } else if (typeof value !== typeof fallback || (typeof value === 'number' && !Number.isFinite(value))) {
      warnings.push(`${keyPath} must be a ${typeof fallback}; using the default`);
      result[key] = fallback;
    } else if (typeof value === 'string' && ALLOWED_VALUES[keyPath] && !ALLOWED_VALUES[keyPath].includes(value)) {
      warnings.push(`${keyPath} must be one of ${ALLOWED_VALUES[keyPath].join(', ')}; using the default`);
      result[key] = fallback;
    } else {
      result[key] = value;
    }
  }
  for (const key of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) warnings.push(`${path ? `${path}.` : ''}${key} is not a known key; ignored`);
  }
  return result;
}

/** Deep-merges untrusted `config.json` content over the defaults (CONTRACT §1). */
export function mergeConfig(defaults: AppConfig, raw: unknown): MergedConfig {
  const warnings: string[] = [];
  if (!isPlainObject(raw)) {
    warnings.push('config.json must hold a JSON object; using defaults');
    raw = {};
  }
  const config = mergeInto(defaults as unknown as Record<string, unknown>, raw as Record<string, unknown>, '', warnings) as unknown as AppConfig;
  const { min, max } = CHECK_INTERVAL_BOUNDS;
  if (config.checkIntervalSeconds < min || config.checkIntervalSeconds > max) {
    warnings.push(`checkIntervalSeconds must be between ${min} and ${max}; clamped`);
    config.checkIntervalSeconds = Math.min(max, Math.max(min, config.checkIntervalSeconds));
  }
  return { config, warnings };
}
