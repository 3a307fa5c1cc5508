import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { RegistrationClient } from './registration-client';
import { grantBody, memoryStore, response } from './test-support';
import './tv-registration-status';

const TV: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'webos', osName: 'webOS', deviceType: 'TV' };
const DAY = 24 * 3600_000;

describe('tv-registration-status', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('follows registration from "Registering now" to registered, without showing the token', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    let answer: () => void = () => {};
    const client = new RegistrationClient({
      config: { ...DEFAULT_CONFIG, registerApi: { ...DEFAULT_CONFIG.registerApi, token: 'register-token' } },
      identity: Promise.resolve(TV),
      store: memoryStore(),
      baseUrl: 'http://tv.example/',
      appVersion: '1.0.0',
      http: () => new Promise((resolve) => (answer = () => resolve(response(201, grantBody(Date.now(), Date.now() + 180 * DAY))))),
    });
    const section = document.createElement('tv-registration-status');
    section.services = { registration: client };
    document.body.appendChild(section);
    const text = () => section.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    await client.start();
    await vi.waitFor(() => expect(text()).toContain('Registering now…'));
    answer();
    await vi.waitFor(() => expect(text()).toContain('Last answer201 Created at'));
    expect(text()).toContain('Registered until');
    expect(text()).not.toContain('device_token');
    client.dispose();
  });
});
