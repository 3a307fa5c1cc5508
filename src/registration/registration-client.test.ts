import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connectivity } from '../app/services';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import type { HttpRequest, HttpResult } from '../net/http';
import { RegistrationClient, type RegistrationClientOptions } from './registration-client';
import { grantBody, memoryStore, response } from './test-support';

const HOUR = 3600_000;
const START = Date.parse('2025-03-01T12:00:00Z');
const REGISTER_TOKEN = 'register-secret-token';
const PASSWORD = 'hunter2-password';
const CONFIG: AppConfig = {
  ...DEFAULT_CONFIG,
  appName: 'tv-app',
  registerApi: { ...DEFAULT_CONFIG.registerApi, token: REGISTER_TOKEN, username: 'john.doe', password: PASSWORD },
};
const IDENTITY: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'webos', osName: 'webOS', brand: 'LG', model: 'OLED55C1', deviceType: 'TV' };

type Reply = (request: HttpRequest) => HttpResult;
/** The true time is the faked `Date.now()`; the server stamps its answers with it. */
const dated = (status: number, body?: unknown, headers: Record<string, string> = {}): HttpResult => response(status, body, { Date: new Date(Date.now()).toUTCString(), ...headers });
const granted = (lifetimeMs = 180 * 24 * HOUR, appConfig: Record<string, unknown> = {}): Reply => () => dated(201, grantBody(Date.now(), Date.now() + lifetimeMs, appConfig));

function fakeApi(reply: Reply) {
  const calls: Array<{ url: string; request: HttpRequest }> = [];
  const api = {
    calls,
    reply,
    http: async (url: string, request: HttpRequest): Promise<HttpResult> => {
      calls.push({ url, request });
      return api.reply(request);
    },
  };
  return api;
}

function fakeConnectivity(initial: boolean): Connectivity & { set(online: boolean): void } {
  const listeners = new Set<(online: boolean) => void>();
  let online = initial;
  return {
    get online() {
      return online;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      online = next;
      listeners.forEach((listener) => listener(next));
    },
  };
}

describe('RegistrationClient', () => {
  const clients: RegistrationClient[] = [];
  let store = memoryStore();

  /** A TV running the app; `skewMs` is how far its clock is off the true (server) time. */
  async function launch(api: ReturnType<typeof fakeApi>, options: Partial<RegistrationClientOptions> = {}, skewMs = 0): Promise<RegistrationClient> {
    const client = new RegistrationClient({
      config: CONFIG,
      identity: Promise.resolve(IDENTITY),
      store,
      baseUrl: 'http://tv.example/app/index.html',
      appVersion: '1.0.0',
      http: api.http,
      clock: { now: () => Date.now() + skewMs },
      random: () => 1,
      ...options,
    });
    clients.push(client);
    await client.start();
    await vi.advanceTimersByTimeAsync(0);
    return client;
  }
  const restart = (client: RegistrationClient): void => client.dispose();

  beforeEach(() => {
    vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    store = memoryStore();
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.dispose());
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('registers on first run with the Bearer token and a JSON body, and not again after a restart', async () => {
    const api = fakeApi(granted());
    const first = await launch(api);
    expect(api.calls).toHaveLength(1);
    const [{ url, request }] = api.calls as [{ url: string; request: HttpRequest }];
    expect(url).toBe('http://tv.example/api/v1/device_app_register/');
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({ Authorization: `Bearer ${REGISTER_TOKEN}`, 'Content-Type': 'application/json' });
    expect(JSON.parse(request.body!)).toMatchObject({ mac_addr: 'A1:B2:C3:D4:E5:F6', device_brand: 'LG', username: 'john.doe', password: PASSWORD });
    expect(first.status().state).toBe('registered');

    restart(first);
    await launch(api);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(api.calls).toHaveLength(1);
  });

  it('keeps the same installation_id across restarts', async () => {
    const api = fakeApi(() => dated(500));
    restart(await launch(api));
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await launch(api);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    const ids = new Set(api.calls.map(({ request }) => (JSON.parse(request.body!) as { installation_id: string }).installation_id));
    expect(api.calls.length).toBeGreaterThan(2);
    expect(ids.size).toBe(1);
  });

  it('is off without a register token, and says so once', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const api = fakeApi(granted());
    const client = await launch(api, { config: { ...CONFIG, registerApi: { ...CONFIG.registerApi, token: '' } } });
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(api.calls).toHaveLength(0);
    expect(client.status().state).toBe('off');
    expect(info.mock.calls.filter(([, message]) => String(message).includes('registration is off'))).toHaveLength(1);
  });

  it('renews when a tenth of the lifetime remains by the server clock, on a TV five hours fast', async () => {
    const api = fakeApi(granted(10 * HOUR));
    await launch(api, {}, 5 * HOUR);
    await vi.advanceTimersByTimeAsync(9 * HOUR - 1000);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.calls).toHaveLength(2);
  });

  it('waits for a renewal months away without waking up in between', async () => {
    const api = fakeApi(granted());
    const client = await launch(api);
    const wakeUps = vi.fn();
    client.subscribe(wakeUps);
    await vi.advanceTimersByTimeAsync(20 * 24 * HOUR);
    expect(wakeUps).not.toHaveBeenCalled();
    expect(api.calls).toHaveLength(1);
  });

  it('keeps a backoff across a restart: no storm when the TVs come back', async () => {
    const api = fakeApi(() => dated(500));
    const first = await launch(api);
    expect(first.status().nextAttemptAtLocalMs).toBe(START + 60_000);
    await vi.advanceTimersByTimeAsync(30_000);
    restart(first);
    await launch(api);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.calls).toHaveLength(2);
  });

  it('makes no attempt before Retry-After', async () => {
    const api = fakeApi(() => dated(429, undefined, { 'Retry-After': '120' }));
    await launch(api, { random: () => 0 });
    await vi.advanceTimersByTimeAsync(119_000);
    expect(api.calls).toHaveLength(1);
    api.reply = granted();
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.calls).toHaveLength(2);
  });

  it('leaves the gaps growing while the server keeps failing', async () => {
    const api = fakeApi(() => dated(503));
    const times: number[] = [];
    const http = api.http;
    api.http = async (url, request) => {
      times.push(Date.now());
      return http(url, request);
    };
    await launch(api, { http: api.http, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(gaps.slice(0, 5)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it('backs off as after a failure when reading an answer breaks, instead of retrying at once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeApi(() => dated(201, JSON.parse('{"registration_id":"r","device_token":"device_token_hostile","registration_timestamp":{"toString":1}}')));
    const http = api.http;
    let broken = true;
    // Stands in for any future bug in reading an answer: the parsers themselves no longer throw.
    api.http = async (url, request) => {
      const result = await http(url, request);
      if (broken) throw new TypeError(`Cannot read ${JSON.stringify(result)}`);
      return result;
    };
    const client = await launch(api, { http: api.http, random: () => 0.5 });
    expect(api.calls).toHaveLength(1);
    expect(client.status()).toMatchObject({ state: 'unregistered', nextAttemptAtLocalMs: START + 30_000 });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(api.calls).toHaveLength(1);
    broken = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.calls).toHaveLength(2);
    expect(client.status().state).toBe('registered');
    const logged = warn.mock.calls.map((call) => call.map(String).join(' ')).join('\n');
    expect(logged).toContain('TypeError');
    expect(logged).not.toContain('device_token_hostile');
    expect(logged).not.toContain(REGISTER_TOKEN);
  });

  it('catches up on resume when the TV paused its timers while the app was hidden', async () => {
    const api = fakeApi(() => dated(500));
    let resume = () => {};
    await launch(api, {
      onResume: (listener) => {
        resume = listener;
        return () => {};
      },
    });
    // Time moves on but the paused timer does not fire.
    vi.setSystemTime(START + 2 * HOUR);
    expect(api.calls).toHaveLength(1);
    resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toHaveLength(2);
  });

  it('sends nothing while offline, and registers once the TV is back online', async () => {
    const connectivity = fakeConnectivity(false);
    const api = fakeApi(granted());
    const client = await launch(api, { connectivity });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(api.calls).toHaveLength(0);
    expect(client.status().waitingForNetwork).toBe(true);
    connectivity.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toHaveLength(1);
  });

  it('after a 409 never registers with that backend again: not after restarts, an app update or new settings', async () => {
    const api = fakeApi(() => dated(409, { error: 'already_registered' }));
    const client = await launch(api);
    expect(client.status()).toMatchObject({ state: 'stopped', stoppedStatus: 409 });
    restart(client);
    restart(await launch(api));
    await vi.advanceTimersByTimeAsync(30 * 24 * HOUR);
    restart(await launch(api, { appVersion: '1.1.0' }));
    const changed = { ...CONFIG.registerApi, token: 'rotated-register-token', username: 'jane.doe', password: 'other-password', deviceType: 'de' };
    const updated = await launch(api, { appVersion: '1.1.0', config: { ...CONFIG, registerApi: changed } });
    expect(updated.status()).toMatchObject({ state: 'stopped', stoppedStatus: 409 });
    expect(api.calls).toHaveLength(1);

    restart(updated);
    await launch(api, { config: { ...CONFIG, registerApi: { ...CONFIG.registerApi, url: 'https://other.example/api/v1/device_app_register/' } } });
    expect(api.calls.map(({ url }) => url)).toEqual(['http://tv.example/api/v1/device_app_register/', 'https://other.example/api/v1/device_app_register/']);
  });

  it('keeps a 409 the previous app version stored through the update that brings this rule', async () => {
    store = memoryStore({ 'registration.state': { serverOffsetMs: 0, failures: 0, stopped: { status: 409, fingerprint: '1c2b3a4d5e6f7' } } });
    const api = fakeApi(granted());
    restart(await launch(api, { appVersion: '1.1.0' }));
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    await launch(api, { appVersion: '1.2.0' });
    expect(api.calls).toHaveLength(0);
  });

  it('tells a viewer action what it did: registering now, or why not and until when', async () => {
    const api = fakeApi(() => dated(500));
    const client = await launch(api);
    expect(await client.requestNow()).toEqual({ kind: 'started' });
    expect(api.calls).toHaveLength(2);
    await client.settled();
    api.reply = () => dated(503, undefined, { 'Retry-After': '600' });
    expect(await client.requestNow()).toEqual({ kind: 'started' });
    await client.settled();
    expect(await client.requestNow()).toEqual({ kind: 'waiting', untilLocalMs: Date.now() + 600_000 + 4 * 60_000 });
    expect(api.calls).toHaveLength(3);

    api.reply = () => dated(422);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(await client.requestNow()).toEqual({ kind: 'stopped', status: 422 });
    expect(api.calls).toHaveLength(4);

    const off = await launch(api, { config: { ...CONFIG, registerApi: { ...CONFIG.registerApi, token: '' } } });
    expect(await off.requestNow()).toEqual({ kind: 'off' });
    expect(api.calls).toHaveLength(4);
  });

  it('gives the shell the feature flags and the clamped refresh interval, and tells subscribers', async () => {
    const api = fakeApi(granted(undefined, { api_refresh_interval: 20, feature_flags: { new_dashboard: true } }));
    const client = new RegistrationClient({ config: CONFIG, identity: Promise.resolve(IDENTITY), store, baseUrl: 'http://tv.example/', appVersion: '1.0.0', http: api.http });
    clients.push(client);
    const listener = vi.fn();
    client.subscribe(listener);
    await client.start();
    await client.settled();
    expect(listener).toHaveBeenCalled();
    expect(client.featureFlags.isEnabled('new_dashboard')).toBe(true);
    expect(client.refreshIntervalSeconds()).toBe(60);
  });

  it('never logs or stores the register token or password, and logs no device token', async () => {
    const logged = [vi.spyOn(console, 'info'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')].map((spy) => spy.mockImplementation(() => {}));
    const api = fakeApi(granted(HOUR));
    await launch(api);
    api.reply = () => dated(401, { error: 'invalid_token' });
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    api.reply = () => dated(429, undefined, { 'Retry-After': '5' });
    await vi.advanceTimersByTimeAsync(HOUR);
    const text = JSON.stringify(logged.map((spy) => spy.mock.calls));
    for (const secret of [REGISTER_TOKEN, PASSWORD, 'device_token_xyz789']) expect(text).not.toContain(secret);
    const stored = JSON.stringify(store.dump());
    for (const secret of [REGISTER_TOKEN, PASSWORD]) expect(stored).not.toContain(secret);
  });

  it('drops the device token only after the 401 grace period', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeApi(granted(HOUR));
    const client = await launch(api);
    api.reply = () => dated(401);
    await vi.advanceTimersByTimeAsync(HOUR - 5 * 60_000);
    expect(JSON.stringify(store.dump())).toContain('device_token_xyz789');
    expect(client.status().state).toBe('registered');
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(JSON.stringify(store.dump())).not.toContain('device_token_xyz789');
    expect(client.status()).toMatchObject({ state: 'stopped', stoppedStatus: 401 });
  });

  /** A restart whose storage does not answer until `answer()` (the store gives up after 3 s each read). */
  function silenceStorage(): { healthy: ReturnType<typeof memoryStore>; answer(): void } {
    const healthy = store;
    let silent = true;
    store = { ...healthy, read: async (key) => (silent ? { known: false } : healthy.read(key)) };
    return { healthy, answer: () => (silent = false) };
  }

  it('registers nothing on a guess while the TV\'s storage does not answer, and goes on as the kept installation once it does', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeApi(granted());
    restart(await launch(api));
    const storage = silenceStorage();
    const kept = storage.healthy.dump();
    const client = await launch(api);
    await vi.advanceTimersByTimeAsync(30 * 1000);
    expect(client.status().state).toBe('no-storage');
    // Try again, pressed as often as the viewer likes, asks storage again but does not cut the wait short.
    for (let press = 0; press < 4; press++) expect(await client.requestNow()).toEqual({ kind: 'no-storage' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.calls).toHaveLength(1);
    expect(storage.healthy.dump()).toEqual(kept);
    storage.answer();
    vi.setSystemTime(Date.now() + 180 * 24 * HOUR);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    // Renewed as the same installation, not registered as a new one.
    expect(api.calls).toHaveLength(2);
    const ids = api.calls.map(({ request }) => (JSON.parse(request.body!) as { installation_id: string }).installation_id);
    expect(ids[1]).toBe(ids[0]);
    expect(client.status().state).toBe('registered');
  });

  it('after three reads storage did not answer, registers for this run from memory and writes nothing over the kept registration', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeApi(granted());
    restart(await launch(api));
    const storage = silenceStorage();
    const kept = storage.healthy.dump();
    api.reply = () => dated(409, { error: 'already_registered' });
    const client = await launch(api);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(api.calls).toHaveLength(2);
    expect(client.status()).toMatchObject({ state: 'stopped', stoppedStatus: 409 });
    expect(storage.healthy.dump()).toEqual(kept);
    restart(client);
    // The next start finds storage answering, and the registration it held.
    storage.answer();
    expect((await launch(api)).status().state).toBe('registered');
  });

  it('tells a viewer action that registering waits for the network while the TV is offline, and sends it when back', async () => {
    const connectivity = fakeConnectivity(true);
    const api = fakeApi(() => dated(500));
    const client = await launch(api, { connectivity });
    await client.settled();
    connectivity.set(false);
    await vi.advanceTimersByTimeAsync(HOUR);
    const before = api.calls.length;
    expect(await client.requestNow()).toEqual({ kind: 'offline' });
    expect(api.calls).toHaveLength(before);
    api.reply = granted();
    connectivity.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toHaveLength(before + 1);
  });

  it('with registration switched off, a registration stored earlier sets neither the check interval nor the flags', async () => {
    const api = fakeApi(granted(undefined, { api_refresh_interval: 3600, feature_flags: { beta: true } }));
    restart(await launch(api));
    const off = await launch(api, { config: { ...CONFIG, registerApi: { ...CONFIG.registerApi, token: '' } } });
    expect(off.status().state).toBe('off');
    expect(off.refreshIntervalSeconds()).toBeUndefined();
    expect(off.featureFlags.isEnabled('beta')).toBeUndefined();
  });

  it('registers a stand-in identifier (storage did not say which one the device keeps) for this run only, storing nothing', async () => {
    const api = fakeApi(granted());
    const client = await launch(api, { identity: Promise.resolve({ ...IDENTITY, mac: '02AABBCCDDEE', macSource: 'session', provisional: true }) });
    expect(client.status().state).toBe('registered');
    expect(store.dump()['registration.state']).toBeUndefined();
    restart(client);
    // The next start knows the kept identifier and registers it.
    await launch(api);
    expect(api.calls.map(({ request }) => (JSON.parse(request.body!) as { device_id: string }).device_id)).toEqual(['02AABBCCDDEE', 'A1B2C3D4E5F6']);
  });
});
