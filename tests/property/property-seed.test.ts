import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertySeed } from './property-seed';

describe('the property tests’ seed (FC_SEED)', () => {
  it('is fixed when unset, so the same commit passes or fails the same way every run', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('')).toBe(DEFAULT_PROPERTY_SEED);
  });

  it('is what every property test of this run starts from (the setup file is wired in)', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed(import.meta.env.FC_SEED));
  });

  it('replays a printed seed, negative ones too, and explores with "random"', () => {
    expect(propertySeed('600560632')).toBe(600560632);
    expect(propertySeed('-1897431021')).toBe(-1897431021);
    expect(propertySeed('random')).toBeUndefined();
  });

  it('refuses anything else with the variable named, instead of silently exploring', () => {
    expect(() => propertySeed('abc')).toThrow(/FC_SEED must be an integer or "random", not "abc"/);
    expect(() => propertySeed('1.5')).toThrow(/FC_SEED/);
  });
});
