/** `api_refresh_interval` bounds (CONTRACT §3): a server typo never floods it or silences a TV for days. */
export const REFRESH_INTERVAL_BOUNDS = { minSeconds: 60, maxSeconds: 3600 } as const;

/** `app_config.api_refresh_interval` in seconds, clamped; undefined when the server gave no number. */
export function refreshIntervalSeconds(appConfig: Record<string, unknown> | undefined): number | undefined {
  const value = appConfig?.['api_refresh_interval'];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(REFRESH_INTERVAL_BOUNDS.maxSeconds, Math.max(REFRESH_INTERVAL_BOUNDS.minSeconds, Math.round(value)));
}
