import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPersistentStore, type KeyValueStore } from '../storage/store';
import { ConnectivityMonitor, type ConnectivityEdges, type ConnectivityProbe } from './connectivity';
import type { DeviceIdentity } from './device-identity';
import { DEVICE_STORAGE_KEYS, DeviceManager } from './device-manager';
import { FakeConnectivity, FakeDeviceApi, FakeTime, MemoryStore, settle, TEST_FIELDS } from './test-support';

const identity: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'tizen', osName: 'Tizen', firmware: 'T-1290.3', deviceType: 'TV' };
const MINUTE = 60_000;

function setup({ store = new MemoryStore() as KeyValueStore, random = (): number => 0.5, connectivity = undefined as ConnectivityProbe | undefined } = {}) {
  const time = new FakeTime();
  const api = new FakeDeviceApi();
  const net = new FakeConnectivity();
  const resumeListeners = new Set<() => void>();
  const manager = new DeviceManager({ store, clock: time, timers: time, random });
  return {
    time,
    store,
    api,
    net,
    manager,
    async start(intervalSeconds = 300) {
      manager.start({
        device: Promise.resolve({ api, identity }),
        connectivity: connectivity ?? net,
        onResume: (listener) => {
          resumeListeners.add(listener);
          return () => resumeListeners.delete(listener);
        },
        intervalSeconds,
      });
      await settle();
    },
    resume() {
      resumeListeners.forEach((listener) => listener());
    },
  };
}

/** The real monitor with browser online, a ping and the platform's own network signal. */
function platformMonitor(ping: () => Promise<boolean>) {
  let platformSignal!: (online: boolean) => void;
  const win = Object.assign(new EventTarget(), { navigator: { onLine: true } }) as unknown as ConnectivityEdges['win'];
  const connectivity = new ConnectivityMonitor({ win, platform: { onNetworkChange: (listener) => ((platformSignal = listener), () => {}) }, ping });
  return { connectivity, platformSignal };
}

afterEach(() => vi.restoreAllMocks());

/**
 * A manager started under a stand-in identifier (a desktop's one-start ID, chosen while storage did
 * not answer), its first tick run: the API sends the stand-in's fields and answers checks with `checkAnswer`.
 */
async function startStandIn(store: KeyValueStore, checkAnswer: FakeDeviceApi['checkAnswer'] = { kind: 'success' }) {
  const standIn: DeviceIdentity = { ...identity, mac: '02AABBCCDDEE', macSource: 'session', platform: 'desktop', deviceType: 'Desktop', provisional: true };
  const api = new FakeDeviceApi();
  api.fields = { ...TEST_FIELDS, mac_address: standIn.mac };
  api.checkAnswer = checkAnswer;
  const time = new FakeTime();
  const manager = new DeviceManager({ store, clock: time, timers: time, random: () => 0.5 });
  manager.start({ device: Promise.resolve({ api, identity: standIn }), connectivity: new FakeConnectivity(), onResume: () => () => undefined, intervalSeconds: 300 });
  await settle();
  return { api, manager, time };
}

describe('DeviceManager: add and check', () => {
  it('on first run asks configs, adds the device, then checks it', async () => {
    const { api, manager, store, start } = setup();
    await start();
    expect(api.calls).toEqual(['configs', 'add', 'check']);
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'ok' });
    expect(manager.state.banned).toBeUndefined();
    expect(await store.get(DEVICE_STORAGE_KEYS.added)).toEqual(TEST_FIELDS);
  });

  it('does not add again on the next start when nothing changed', async () => {
    const store = new MemoryStore();
    await setup({ store }).start();
    const second = setup({ store });
    await second.start();
    expect(second.api.calls).toEqual(['configs', 'check']);
  });

  it('adds again when a field changed since the last success (a firmware update)', async () => {
    const store = new MemoryStore();
    await setup({ store }).start();
    const updated = setup({ store });
    updated.api.fields = { ...TEST_FIELDS, device_version: 'T-1300.1' };
    await updated.start();
    expect(updated.api.calls).toEqual(['configs', 'add', 'check']);
    expect(await store.get(DEVICE_STORAGE_KEYS.added)).toEqual(updated.api.fields);
  });

  it('still checks after a failed add, and adds again at the next tick', async () => {
    const { api, time, start } = setup();
    api.queued.add.push({ kind: 'failure', detail: 'HTTP 500' });
    await start();
    expect(api.calls).toEqual(['configs', 'add', 'check']);
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(3)).toEqual(['add', 'check']);
  });

  it('does not add twice in one tick when the device was just added', async () => {
    const { api, start } = setup();
    api.queued.add.push({ kind: 'failure', detail: 'HTTP 500' });
    api.queued.check.push({ kind: 'not-found' });
    await start();
    expect(api.calls).toEqual(['configs', 'add', 'check']);
  });

  it('answers device_not_found with add, then checks once more', async () => {
    const store = new MemoryStore();
    await setup({ store }).start();
    const { api, manager, start } = setup({ store });
    api.queued.check.push({ kind: 'not-found' });
    await start();
    expect(api.calls).toEqual(['configs', 'check', 'add', 'check']);
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'ok' });
  });

  it('never loops on device_not_found', async () => {
    const store = new MemoryStore();
    await setup({ store }).start();
    const { api, manager, start } = setup({ store });
    api.checkAnswer = { kind: 'not-found' };
    await start();
    expect(api.calls).toEqual(['configs', 'check', 'add', 'check']);
    expect(manager.state.lastCheck?.outcome.kind).toBe('failed');
    expect(manager.state.banned).toBeUndefined();
  });
});

describe('DeviceManager: outcomes', () => {
  it('shows and stores a ban with the server message', async () => {
    const { api, manager, store, start } = setup();
    api.checkAnswer = { kind: 'banned', message: 'Banned <b>now</b>' };
    await start();
    expect(manager.state.banned).toEqual({ message: 'Banned <b>now</b>' });
    expect(await store.get(DEVICE_STORAGE_KEYS.ban)).toEqual({ message: 'Banned <b>now</b>' });
  });

  it('shows a stored ban as soon as it is restored, before any request', async () => {
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Banned earlier' });
    const { api, manager } = setup({ store });
    await manager.restore();
    expect(manager.state.banned).toEqual({ message: 'Banned earlier' });
    expect(api.calls).toEqual([]);
  });

  it('clears the ban, live and in storage, after a successful check', async () => {
    const { api, manager, store, time, start } = setup();
    api.checkAnswer = { kind: 'banned', message: 'Banned' };
    await start();
    const seen: boolean[] = [];
    manager.subscribe((state) => seen.push(state.banned !== undefined));
    api.checkAnswer = { kind: 'success' };
    await time.advance(5 * MINUTE);
    expect(manager.state.banned).toBeUndefined();
    expect(seen).toContain(false);
    expect(await store.get(DEVICE_STORAGE_KEYS.ban)).toBeUndefined();
  });

  it.each([
    ['a successful check', true],
    ['management switched off', false],
  ])('deletes a stored ban the start-up could not read after %s, so the lifted ban does not come back at the next start', async (_, management) => {
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Banned' });
    // IndexedDB did not answer the start-up read in time; the server has lifted the ban meanwhile.
    store.unanswered.add(DEVICE_STORAGE_KEYS.ban);
    const { api, manager, start } = setup({ store });
    api.management = management;
    await start();
    expect(manager.state.banned).toBeUndefined();
    store.unanswered.clear();
    const restarted = setup({ store });
    await restarted.manager.restore();
    expect(restarted.manager.state.banned).toBeUndefined();
  });

  it('keeps a stored ban when the successful check was made under a stand-in identifier (storage too slow to say which one is kept)', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Banned' });
    store.unanswered.add(DEVICE_STORAGE_KEYS.ban);
    // The server never banned the stand-in, so its check succeeds.
    const { api } = await startStandIn(store);
    expect(api.count('check')).toBe(1);
    // Next start: storage answers, and the TV is offline: the ban shows at once (CONTRACT §4).
    store.unanswered.clear();
    const restarted = setup({ store });
    await restarted.manager.restore();
    expect(restarted.manager.state.banned).toEqual({ message: 'Banned' });
  });

  it.each([
    ['the stored ban went unread', true, undefined],
    ['the stored ban was read and shows', false, { message: 'Kept ban' }],
  ])('under a stand-in identifier, a ban its own checks found is lifted by its next success, and the stored ban is left as it was (%s)', async (_, unread, afterLift) => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Kept ban' });
    if (unread) store.unanswered.add(DEVICE_STORAGE_KEYS.ban);
    const { api, manager, time } = await startStandIn(store, { kind: 'banned', message: 'Stand-in ban' });
    expect(manager.state.banned).toEqual({ message: 'Stand-in ban' });
    api.checkAnswer = { kind: 'success' };
    await time.advance(6 * MINUTE);
    expect(manager.state.banned).toEqual(afterLift);
    // The kept identifier's ban is still stored for the next start, which reads storage.
    store.unanswered.clear();
    const restarted = setup({ store });
    await restarted.manager.restore();
    expect(restarted.manager.state.banned).toEqual({ message: 'Kept ban' });
  });

  it('under a stand-in identifier, its add stores nothing over the kept device\'s fields, so the next start does not add that device again', async () => {
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.added, TEST_FIELDS);
    const { api, time } = await startStandIn(store);
    expect(api.count('add')).toBe(1);
    await time.advance(6 * MINUTE);
    expect(api.count('add')).toBe(1);
    expect(store.data.get(DEVICE_STORAGE_KEYS.added)).toEqual(TEST_FIELDS);
  });

  it('lifts a ban as soon as configs says management is off, without waiting for a slow store to take the flag', async () => {
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Banned' });
    await store.set(DEVICE_STORAGE_KEYS.management, true);
    // IndexedDB that takes its time over writes (the store gives up after 3 s of running time).
    const slow: KeyValueStore = { ...store, get: (key) => store.get(key), read: (key) => store.read(key), del: (key) => store.del(key), set: (key, value) => (key === DEVICE_STORAGE_KEYS.management ? new Promise(() => undefined) : store.set(key, value)) };
    const { api, manager, start } = setup({ store: slow });
    api.management = false;
    await start();
    expect(manager.state.managementEnabled).toBe(false);
    expect(manager.state.banned).toBeUndefined();
  });

  it('under a stand-in identifier, a ban its checks found lifts when management is switched off', async () => {
    const store = new MemoryStore();
    const { api, manager, time } = await startStandIn(store, { kind: 'banned', message: 'Stand-in ban' });
    expect(manager.state.banned).toEqual({ message: 'Stand-in ban' });
    api.management = false;
    await time.advance(6 * MINUTE);
    expect(manager.state.banned).toBeUndefined();
  });

  it('deletes the stored ban once, not at every success: none when the start-up read found none', async () => {
    const unread = new MemoryStore();
    unread.unanswered.add(DEVICE_STORAGE_KEYS.ban);
    const del = vi.spyOn(unread, 'del');
    const first = setup({ store: unread });
    await first.start();
    await first.time.advance(30 * MINUTE);
    expect(first.api.count('check')).toBe(7);
    expect(del).toHaveBeenCalledTimes(1);

    const clean = new MemoryStore();
    const cleanDel = vi.spyOn(clean, 'del');
    const second = setup({ store: clean });
    await second.start();
    await second.time.advance(30 * MINUTE);
    expect(cleanDel).not.toHaveBeenCalled();
  });

  it.each([
    ['a network error', 'network error'],
    ['a 500', 'HTTP 500'],
    ['an HTML body', 'HTTP 200, body not JSON'],
    ['another error code', 'HTTP 400, error_code invalid_body'],
  ])('changes nothing the viewer sees on %s', async (_, detail) => {
    const banned = setup();
    banned.api.checkAnswer = { kind: 'banned', message: 'Banned' };
    await banned.start();
    banned.api.checkAnswer = { kind: 'failure', detail };
    await banned.time.advance(5 * MINUTE);
    expect(banned.manager.state.banned).toEqual({ message: 'Banned' });

    const clean = setup();
    clean.api.checkAnswer = { kind: 'failure', detail };
    await clean.start();
    expect(clean.manager.state.banned).toBeUndefined();
    expect(clean.manager.state.lastCheck?.outcome).toEqual({ kind: 'failed', detail });
  });

  it('treats a ban answer to add as a ban, without checking', async () => {
    const { api, manager, start } = setup();
    api.addAnswer = { kind: 'banned', message: 'Banned on add' };
    await start();
    expect(api.calls).toEqual(['configs', 'add']);
    expect(manager.state.banned).toEqual({ message: 'Banned on add' });
  });
});

describe('DeviceManager: configs gating', () => {
  it('sends no add or check while management is off, and clears a stored ban', async () => {
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, { message: 'Banned earlier' });
    const { api, manager, time, start } = setup({ store });
    api.management = false;
    await start();
    await time.advance(30 * MINUTE);
    expect(api.calls.every((call) => call === 'configs')).toBe(true);
    expect(api.count('configs')).toBeGreaterThan(1);
    expect(manager.state.banned).toBeUndefined();
    expect(await store.get(DEVICE_STORAGE_KEYS.ban)).toBeUndefined();
    expect(await store.get(DEVICE_STORAGE_KEYS.management)).toBe(false);
  });

  it('does nothing while the flag was never known and configs does not answer', async () => {
    const { api, manager, start } = setup();
    api.management = undefined;
    await start();
    expect(api.calls).toEqual(['configs']);
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'skipped', reason: 'management-unknown' });
  });

  it('stays enabled, across restarts, until the server says otherwise', async () => {
    const store = new MemoryStore();
    await setup({ store }).start();
    const { api, time, start } = setup({ store });
    api.management = undefined;
    await start();
    expect(api.calls).toEqual(['configs', 'check']);
    api.management = false;
    await time.advance(5 * MINUTE);
    api.management = undefined;
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(2)).toEqual(['configs', 'configs']);
  });

  it('while management is on, a tick is one check: configs only at start-up and after a resume or reconnect', async () => {
    const { api, net, time, resume, start } = setup();
    await start();
    await time.advance(30 * MINUTE);
    expect(api.count('configs')).toBe(1);
    expect(api.count('check')).toBe(7);
    resume();
    await time.advance(5 * MINUTE);
    expect(api.count('configs')).toBe(2);
    net.set(false);
    net.set(true);
    await time.advance(5 * MINUTE);
    expect(api.count('configs')).toBe(3);
    await time.advance(10 * MINUTE);
    expect(api.count('configs')).toBe(3);
  });

  it('asks configs at every tick while a ban shows, so switching management off lifts it', async () => {
    const { api, manager, time, start } = setup();
    api.queued.check.push({ kind: 'banned', message: 'Banned' }, { kind: 'banned', message: 'Banned' });
    await start();
    expect(manager.state.banned).toEqual({ message: 'Banned' });
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(3)).toEqual(['configs', 'check']);
    api.management = false;
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(5)).toEqual(['configs']);
    expect(manager.state.banned).toBeUndefined();
  });

  it('asks configs at once after a new ban, and lifts it when management was switched off meanwhile', async () => {
    const { api, manager, time, start } = setup();
    await start();
    api.management = false;
    api.queued.check.push({ kind: 'banned', message: 'Banned' });
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(3)).toEqual(['check', 'configs']);
    expect(manager.state.banned).toBeUndefined();
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'skipped', reason: 'management-off' });
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(5)).toEqual(['configs']);
  });

  it('shows a new ban once configs confirms that management is still on', async () => {
    const { api, manager, time, start } = setup();
    await start();
    api.queued.check.push({ kind: 'banned', message: 'Banned' });
    await time.advance(5 * MINUTE);
    expect(api.calls.slice(3)).toEqual(['check', 'configs']);
    expect(manager.state.banned).toEqual({ message: 'Banned' });
  });

  it('follows the flag when it turns back on', async () => {
    const { api, time, start } = setup();
    api.management = false;
    await start();
    api.management = true;
    await time.advance(5 * MINUTE);
    expect(api.calls).toEqual(['configs', 'configs', 'add', 'check']);
  });
});

describe('DeviceManager: connectivity', () => {
  it('sends nothing at all while offline, then checks once on reconnect', async () => {
    const { api, net, time, start } = setup();
    net.reachability = 'offline';
    await start();
    await time.advance(30 * MINUTE);
    expect(api.calls).toEqual([]);
    net.reachability = 'online';
    net.set(true);
    await settle();
    expect(api.calls).toEqual(['configs', 'add', 'check']);
    net.set(false);
    net.set(true);
    await settle();
    expect(api.count('check')).toBe(1);
  });

  it('pings while the identity and the stored state are still being read, and asks the API only once both are in', async () => {
    let openStore!: () => void;
    const storeOpen = new Promise<void>((resolve) => (openStore = resolve));
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.added, TEST_FIELDS);
    const slowStore: KeyValueStore = { get: async (key) => (await storeOpen, store.get(key)), read: async (key) => (await storeOpen, store.read(key)), set: (key, value) => store.set(key, value), del: (key) => store.del(key) };
    const { api, net, time } = setup();
    let identify!: (device: { api: FakeDeviceApi; identity: DeviceIdentity }) => void;
    const manager = new DeviceManager({ store: slowStore, clock: time, timers: time, random: () => 0.5 });
    manager.start({ device: new Promise((resolve) => (identify = resolve)), connectivity: net, onResume: () => () => undefined, intervalSeconds: 300 });
    await settle();
    expect(net.probes).toBe(1);
    expect(manager.state.identity).toBeUndefined();
    identify({ api, identity });
    await settle();
    expect(manager.state.identity).toEqual(identity);
    expect(api.calls).toEqual([]);
    openStore();
    await settle();
    // The stored add was read before the tick went on: the device is not added again.
    expect(api.calls).toEqual(['configs', 'check']);
    expect(net.probes).toBe(1);
  });

  it('stops a tick that loses the network midway, and catches up once on reconnect', async () => {
    const { api, manager, net, start } = setup();
    api.hold();
    const started = start();
    await settle();
    expect(api.calls).toEqual(['configs']);
    net.set(false);
    api.release();
    await started;
    await settle();
    expect(api.calls).toEqual(['configs']);
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'skipped', reason: 'offline' });
    net.set(true);
    await settle();
    expect(api.calls).toEqual(['configs', 'configs', 'add', 'check']);
  });

  it('sends no device request while the ping fails, and checks when it answers again', async () => {
    const { api, manager, net, time, start } = setup();
    net.reachability = 'unreachable';
    await start();
    await time.advance(12 * MINUTE);
    expect(api.calls).toEqual([]);
    expect(manager.state.lastCheck?.outcome).toEqual({ kind: 'skipped', reason: 'no-ping' });
    net.reachability = 'online';
    await time.advance(5 * MINUTE);
    expect(api.calls).toEqual(['configs', 'add', 'check']);
  });

  it('keeps checking while pings answer after a platform "disconnected" that is never followed by "connected"', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const ping = vi.fn(async () => true);
    const { connectivity, platformSignal } = platformMonitor(ping);
    // webOS's internet check failing on a LAN-only backend, or a Tizen GATEWAY_CONNECTED missed while paused.
    platformSignal(false);
    const { api, manager, time, start } = setup({ connectivity });
    await start();
    await time.advance(30 * MINUTE - 1);
    expect(ping).toHaveBeenCalledTimes(6);
    expect(api.count('check')).toBe(6);
    expect(manager.state.online).toBe(true);
  });

  it('catches up on a reconnect that comes while the ping is on its way and then fails', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    let answerPing!: (ok: boolean) => void;
    const ping = vi.fn(() => new Promise<boolean>((resolve) => (answerPing = resolve)));
    const { connectivity, platformSignal } = platformMonitor(ping);
    platformSignal(false);
    const { api, time, start } = setup({ connectivity });
    await start();
    // GATEWAY_CONNECTED arrives before the ping that left while the gateway was down times out.
    platformSignal(true);
    ping.mockImplementation(async () => true);
    answerPing(false);
    await settle();
    expect(ping).toHaveBeenCalledTimes(2);
    expect(api.calls).toEqual(['configs', 'add', 'check']);
    // One catch-up, not a chain: the next check waits for the timer.
    await time.advance(4 * MINUTE);
    expect(ping).toHaveBeenCalledTimes(2);
  });

  it('runs no catch-up after a tick that checked, whatever came in while it ran', async () => {
    const { api, net, time, resume, start } = setup();
    await start();
    api.hold();
    await time.advance(5 * MINUTE);
    resume();
    net.set(false);
    net.set(true);
    api.release();
    await settle();
    expect(api.count('check')).toBe(2);
    expect(net.probes).toBe(2);
    expect(time.nextTimerIn).toBe(5 * MINUTE);
  });

  it('does not check on reconnect when the check is not due yet', async () => {
    const { api, net, time, start } = setup();
    await start();
    await time.advance(MINUTE);
    net.set(false);
    net.set(true);
    await settle();
    expect(api.count('check')).toBe(1);
  });

  it('mirrors connectivity in its state', async () => {
    const { manager, net, start } = setup();
    await start();
    net.set(false);
    expect(manager.state.online).toBe(false);
  });
});

describe('DeviceManager: schedule', () => {
  it('checks right after start and then every interval: six checks in 30 minutes', async () => {
    const { api, time, start } = setup();
    await start();
    await time.advance(30 * MINUTE - 1);
    expect(api.count('check')).toBe(6);
  });

  it.each([
    [0, 270_000],
    [0.999999, 330_000],
  ])('jitters the interval by ±10 %% (random %s → %s ms)', async (r, delay) => {
    const { time, start } = setup({ random: () => r });
    await start();
    expect(Math.abs((time.nextTimerIn ?? 0) - delay)).toBeLessThanOrEqual(1);
  });

  it('keeps exactly one timer between ticks, and none while a tick runs', async () => {
    const { api, time, start } = setup();
    await start();
    expect(time.pendingTimers).toBe(1);
    api.hold();
    await time.advance(5 * MINUTE);
    expect(time.pendingTimers).toBe(0);
    api.release();
    await settle();
    expect(time.pendingTimers).toBe(1);
  });

  it('runs one chain at a time: resume, reconnect and the timer during a tick send nothing more', async () => {
    const { api, net, time, resume, start } = setup();
    await start();
    api.hold();
    await time.advance(5 * MINUTE);
    time.pass(10 * MINUTE);
    resume();
    net.set(false);
    net.set(true);
    await settle();
    api.release();
    await settle();
    expect(api.calls).toEqual(['configs', 'add', 'check', 'check']);
  });

  it('catches up on resume when a check was due while timers were paused', async () => {
    const { api, time, resume, start } = setup();
    await start();
    time.pass(20 * MINUTE);
    resume();
    await settle();
    expect(api.count('check')).toBe(2);
    expect(time.pendingTimers).toBe(1);
    expect(time.nextTimerIn).toBe(5 * MINUTE);
  });

  it('does nothing on resume when no check is due', async () => {
    const { api, time, resume, start } = setup();
    await start();
    time.pass(2 * MINUTE);
    resume();
    await settle();
    expect(api.count('check')).toBe(1);
  });

  it('runs its schedule on the monotonic clock: a wall clock set back delays no check', async () => {
    const { api, time, resume, start } = setup();
    await start();
    time.jumpWallClock(-12 * 60 * MINUTE);
    resume();
    await time.advance(4 * MINUTE);
    expect(api.count('check')).toBe(1);
    await time.advance(MINUTE);
    expect(api.count('check')).toBe(2);
  });

  it('checks at once on resume after standby, when only the wall clock moved on', async () => {
    const { api, time, resume, start } = setup();
    await start();
    // A night in standby: the system is suspended, so the monotonic clock and the timer stand still.
    time.jumpWallClock(8 * 60 * MINUTE);
    resume();
    await settle();
    expect(api.count('check')).toBe(2);
    expect(time.nextTimerIn).toBe(5 * MINUTE);
  });

  it('shows the next check time for the device screen', async () => {
    const { manager, time, start } = setup();
    await start();
    expect(manager.state.nextCheckAt).toBe(time.wallNow() + 5 * MINUTE);
    expect(manager.state.inFlight).toBe(false);
  });

  it('applies a new interval from the last check, at once when already overdue', async () => {
    const { api, time, manager, start } = setup();
    await start();
    await time.advance(2 * MINUTE);
    manager.setCheckInterval(600);
    expect(time.nextTimerIn).toBe(8 * MINUTE);
    manager.setCheckInterval(60);
    await settle();
    expect(api.count('check')).toBe(2);
    expect(time.nextTimerIn).toBe(MINUTE);
  });

  it('applies a new interval from the last ping when the ticks since the last check could not reach the server', async () => {
    const { api, net, time, manager, start } = setup();
    await start();
    net.reachability = 'unreachable';
    await time.advance(10 * MINUTE);
    expect(net.probes).toBe(3);
    // The registration's api_refresh_interval arrives 2 minutes after the last (unanswered) ping.
    await time.advance(2 * MINUTE);
    manager.setCheckInterval(600);
    await settle();
    expect(net.probes).toBe(3);
    expect(time.nextTimerIn).toBe(8 * MINUTE);
    // The TV is still overdue for a check, so coming back online checks at once.
    net.reachability = 'online';
    net.set(false);
    net.set(true);
    await settle();
    expect(api.count('check')).toBe(2);
  });

  it('ignores an interval that is not a positive number', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { time, manager, start } = setup();
    await start();
    manager.setCheckInterval(Number.NaN);
    manager.setCheckInterval(-5);
    expect(time.nextTimerIn).toBe(5 * MINUTE);
  });

  it('uses an interval set before start instead of the config value', async () => {
    const { time, manager, start } = setup();
    manager.setCheckInterval(120);
    await start(300);
    expect(time.nextTimerIn).toBe(2 * MINUTE);
  });
});

describe('DeviceManager: storage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps working in memory when IndexedDB fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new Error('IndexedDB is disabled');
      },
    });
    const { api, manager, time, start } = setup({ store: createPersistentStore('broken-db') });
    api.checkAnswer = { kind: 'banned', message: 'Banned' };
    await start();
    await vi.waitFor(() => expect(manager.state.banned).toEqual({ message: 'Banned' }));
    api.checkAnswer = { kind: 'success' };
    await time.advance(5 * MINUTE);
    await vi.waitFor(() => expect(manager.state.banned).toBeUndefined());
    expect(api.count('add')).toBe(1);
  });

  it('survives a restart through IndexedDB', async () => {
    const first = setup({ store: createPersistentStore('device-restart') });
    first.api.checkAnswer = { kind: 'banned', message: 'Banned for good' };
    await first.start();
    await vi.waitFor(() => expect(first.manager.state.banned).toBeDefined());
    await settle();
    const second = setup({ store: createPersistentStore('device-restart') });
    await second.manager.restore();
    expect(second.manager.state.banned).toEqual({ message: 'Banned for good' });
  });

  it('ignores unreadable stored values', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    await store.set(DEVICE_STORAGE_KEYS.ban, 'banned');
    await store.set(DEVICE_STORAGE_KEYS.management, 'yes');
    const { manager } = setup({ store });
    await manager.restore();
    expect(manager.state.banned).toBeUndefined();
    expect(manager.state.managementEnabled).toBeUndefined();
  });
});

describe('DeviceManager: subscribers', () => {
  it('keeps running when a subscriber throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api, manager, start } = setup();
    manager.subscribe(() => {
      throw new Error('broken screen');
    });
    await start();
    expect(api.calls).toEqual(['configs', 'add', 'check']);
  });
});
