import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config';
import { registrationFingerprint, sameBackend } from './fingerprint';

const api = { ...DEFAULT_CONFIG.registerApi, token: 'register-secret-token', password: 'hunter2' };

describe('registrationFingerprint', () => {
  it('is stable for the same configuration and app version', () => {
    expect(registrationFingerprint({ ...api }, '1.0.0')).toBe(registrationFingerprint(api, '1.0.0'));
  });

  it('changes with the app version and with any registration setting', () => {
    const base = registrationFingerprint(api, '1.0.0');
    const changed = [
      registrationFingerprint(api, '1.0.1'),
      registrationFingerprint({ ...api, token: 'rotated-token' }, '1.0.0'),
      registrationFingerprint({ ...api, url: 'https://gate.example.com/api/v1/device_app_register/' }, '1.0.0'),
      registrationFingerprint({ ...api, username: 'someone' }, '1.0.0'),
      registrationFingerprint({ ...api, password: 'hunter3' }, '1.0.0'),
      registrationFingerprint({ ...api, deviceType: 'de' }, '1.0.0'),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('keeps no secret readable', () => {
    const fingerprint = registrationFingerprint(api, '1.0.0');
    expect(fingerprint).not.toContain('register-secret-token');
    expect(fingerprint).not.toContain('hunter2');
    expect(fingerprint).toMatch(/^[0-9a-f]+\.[0-9a-f]+$/);
  });

  it('names the backend apart from the rest, so a 409 can outlast every change but a new backend', () => {
    const base = registrationFingerprint(api, '1.0.0');
    expect(sameBackend(base, registrationFingerprint({ ...api, token: 'rotated-token', deviceType: 'de' }, '2.0.0'))).toBe(true);
    expect(sameBackend(base, registrationFingerprint({ ...api, url: 'https://gate.example.com/api/v1/device_app_register/' }, '1.0.0'))).toBe(false);
    // Stored before fingerprints named the backend: no backend can be matched against it.
    expect(sameBackend('1c2b3a4d5e6f7', '1c2b3a4d5e6f7')).toBe(false);
  });
});
