// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { redactPath } from './redact.js';

describe('redactPath', () => {
  it('keeps only the tail of a magic link in an approve path or URL, and leaves other paths alone', () => {
    expect(redactPath('/devices/approve/Secret-Link-9f3a')).toBe('/devices/approve/…9f3a');
    expect(redactPath('/devices/approve/Secret%2FLink-9f3a?x=1')).toBe('/devices/approve/…9f3a?x=1');
    expect(redactPath('/api/device/check')).toBe('/api/device/check');
  });
});
