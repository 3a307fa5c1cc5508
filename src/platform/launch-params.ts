import type { LaunchParams } from './platform';

/** Query parameters of the page URL (`?magicLink=…`), the launch parameters every platform shares. */
export function queryLaunchParams(search: string): LaunchParams {
  const params: LaunchParams = {};
  new URLSearchParams(search).forEach((value, key) => {
    params[key] = value;
  });
  return params;
}

/** A launch parameter's text, trimmed: blank, like absent, is none. */
export function launchText(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/**
 * Keeps the string, number and boolean values of a parsed launch object as text; nested
 * objects are dropped because no launch parameter the app reads is structured.
 */
export function toLaunchParams(raw: unknown): LaunchParams {
  const params: LaunchParams = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return params;
  for (const key of Object.keys(raw)) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = String(value);
  }
  return params;
}

/** Parses a JSON launch-parameter string; anything unreadable means no parameters. */
export function parseLaunchJson(text: unknown): LaunchParams {
  if (typeof text !== 'string' || text === '') return {};
  try {
    return toLaunchParams(JSON.parse(text));
  } catch {
    return {};
  }
}
