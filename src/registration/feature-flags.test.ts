import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppConfigFeatureFlags } from './feature-flags';
import { readFeatureFlags } from './read-feature-flags';
import { refreshIntervalSeconds } from './refresh-interval';

describe('AppConfigFeatureFlags', () => {
  it('answers from app_config.feature_flags, undefined for flags the server never named', () => {
    const flags = new AppConfigFeatureFlags();
    flags.update(readFeatureFlags({ feature_flags: { new_dashboard: true, beta_features: false } }));
    expect(flags.isEnabled('new_dashboard')).toBe(true);
    expect(flags.isEnabled('beta_features')).toBe(false);
    expect(flags.isEnabled('toString')).toBeUndefined();
  });

  it('tells subscribers only when the flags really change', () => {
    const flags = new AppConfigFeatureFlags();
    const listener = vi.fn();
    const unsubscribe = flags.subscribe(listener);
    flags.update(readFeatureFlags({ feature_flags: { a: true } }));
    flags.update(readFeatureFlags({ feature_flags: { a: true }, api_refresh_interval: 60 }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    flags.update(readFeatureFlags({ feature_flags: { a: false } }));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('readFeatureFlags', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps only true or false values, with a warning for the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readFeatureFlags({ feature_flags: { a: 'yes', b: true, c: false } })).toEqual({ b: true, c: false });
    expect(warn).toHaveBeenCalledWith('[tv-app:registration]', expect.stringContaining('feature flag a'));
  });

  it('reads no flags from a missing or malformed feature_flags, warning only for the malformed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readFeatureFlags(undefined)).toEqual({});
    expect(readFeatureFlags({})).toEqual({});
    expect(warn).not.toHaveBeenCalled();
    expect(readFeatureFlags({ feature_flags: [true] })).toEqual({});
    expect(readFeatureFlags({ feature_flags: 'on' })).toEqual({});
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('refreshIntervalSeconds', () => {
  it('clamps app_config.api_refresh_interval to 60–3600 s', () => {
    expect(refreshIntervalSeconds({ api_refresh_interval: 300 })).toBe(300);
    expect(refreshIntervalSeconds({ api_refresh_interval: 5 })).toBe(60);
    expect(refreshIntervalSeconds({ api_refresh_interval: 86_400 })).toBe(3600);
  });

  it('is undefined when the server sent no number', () => {
    expect(refreshIntervalSeconds(undefined)).toBeUndefined();
    expect(refreshIntervalSeconds({ api_refresh_interval: '300' })).toBeUndefined();
  });
});
