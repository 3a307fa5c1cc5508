// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTER_TOKEN } from './api.js';
import { redactAuthorization, redactPath, shownToken } from './redact.js';

describe('redactPath', () => {
  it('keeps only the tail of a magic link in an approve path or URL, and leaves other paths alone', () => {
    expect(redactPath('/devices/approve/Secret-Link-9f3a')).toBe('/devices/approve/…9f3a');
    expect(redactPath('/devices/approve/Secret%2FLink-9f3a?x=1')).toBe('/devices/approve/…9f3a?x=1');
    expect(redactPath('/api/device/check')).toBe('/api/device/check');
  });
});

describe('shownToken', () => {
  it('shows the built-in default in full and a custom token only by its last four characters', () => {
    expect(shownToken(DEFAULT_REGISTER_TOKEN, DEFAULT_REGISTER_TOKEN)).toBe('reference-register-token');
    expect(shownToken('my-private-token-7c1e', DEFAULT_REGISTER_TOKEN)).toBe('…7c1e');
  });

  it('shows a short custom token only by its length, since its last four characters would be most of it', () => {
    expect(shownToken('abc', DEFAULT_REGISTER_TOKEN)).toBe('(3 characters)');
    expect(shownToken('12345678', DEFAULT_REGISTER_TOKEN)).toBe('(8 characters)');
  });
});

describe('redactAuthorization', () => {
  it('keeps the tail of a long token and only the length of a short one', () => {
    expect(redactAuthorization('Bearer reference-user-token')).toBe('Bearer …oken');
    expect(redactAuthorization('Bearer abc')).toBe('Bearer (3 characters)');
  });
});
