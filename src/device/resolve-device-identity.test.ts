import { describe, expect, it, vi } from 'vitest';
import type { Platform } from '../platform/platform';
import { macFromUniqueId } from './mac-address';
import { DERIVED_ID_KEY, GENERATED_ID_KEY, PLATFORM_MAC_KEY, resolveDeviceIdentity, standsIn } from './resolve-device-identity';
import { MemoryStore } from './test-support';

function platform(name: Platform['name'], reads: Partial<Record<'mac' | 'firmware' | 'model' | 'uniqueId' | 'osVersion', string>>): Platform {
  return {
    name,
    osName: name === 'tizen' ? 'Tizen' : name === 'webos' ? 'webOS' : 'Linux',
    brand: name === 'tizen' ? 'Samsung' : undefined,
    readMac: vi.fn(async () => reads.mac),
    readFirmware: async () => reads.firmware,
    readModel: async () => reads.model,
    readUniqueId: async () => reads.uniqueId,
    readOsVersion: async () => reads.osVersion,
    launchParams: () => ({}),
    onRelaunch: () => () => {},
    onNetworkChange: () => () => {},
    registerKeys: () => {},
    exit: () => {},
  };
}

describe('resolveDeviceIdentity', () => {
  it("uses the platform's MAC, normalised, and everything else it reports", async () => {
    const identity = await resolveDeviceIdentity(platform('tizen', { mac: '5c:49:7d:a1:b2:c3', firmware: 'T-1290.3', model: 'QE55', uniqueId: 'DUID1', osVersion: '6.0' }), new MemoryStore());
    expect(identity).toEqual({
      mac: '5C497DA1B2C3',
      macSource: 'platform',
      platform: 'tizen',
      osName: 'Tizen',
      osVersion: '6.0',
      firmware: 'T-1290.3',
      model: 'QE55',
      brand: 'Samsung',
      uniqueId: 'DUID1',
      deviceType: 'TV',
    });
  });

  it('derives a stable identifier from the unique ID when the TV refuses the MAC', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = await resolveDeviceIdentity(platform('webos', { uniqueId: 'LGUDID-1' }), new MemoryStore());
    const garbage = await resolveDeviceIdentity(platform('webos', { mac: '00:00:00:00:00:00', uniqueId: 'LGUDID-1' }), new MemoryStore());
    expect(first.mac).toBe(macFromUniqueId('LGUDID-1'));
    expect(first.macSource).toBe('unique-id');
    expect(garbage.mac).toBe(first.mac);
  });

  it('generates a locally administered identifier once on a desktop and keeps it', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const store = new MemoryStore();
    const first = await resolveDeviceIdentity(platform('desktop', { firmware: 'Chrome 120.0' }), store);
    const again = await resolveDeviceIdentity(platform('desktop', {}), store);
    expect(first.macSource).toBe('generated');
    expect(first.deviceType).toBe('Desktop');
    expect(first.mac).toMatch(/^[0-9A-F]{12}$/);
    expect(parseInt(first.mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(await store.get(GENERATED_ID_KEY)).toBe(first.mac);
    expect(again.mac).toBe(first.mac);
  });

  it('does not store a new identifier over the kept one when storage did not answer: it is for that start only', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    const first = await resolveDeviceIdentity(platform('desktop', {}), store);
    store.unanswered.add(GENERATED_ID_KEY);
    const slowStart = await resolveDeviceIdentity(platform('desktop', {}), store);
    expect(store.data.get(GENERATED_ID_KEY)).toBe(first.mac);
    expect(slowStart).toMatchObject({ macSource: 'session', provisional: true });
    expect(slowStart.mac).toMatch(/^[0-9A-F]{12}$/);
    store.unanswered.clear();
    expect(await resolveDeviceIdentity(platform('desktop', {}), store)).toMatchObject({ mac: first.mac, macSource: 'generated' });
  });

  it('stays the same device when a later start gets no MAC from the platform: the last one it gave is kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    const first = await resolveDeviceIdentity(platform('tizen', { mac: '5c:49:7d:a1:b2:c3', uniqueId: 'DUID1' }), store);
    const slowRead = await resolveDeviceIdentity(platform('tizen', { uniqueId: 'DUID1' }), store);
    expect(slowRead.mac).toBe(first.mac);
    expect(slowRead.macSource).toBe('kept');
    // A MAC the platform does give always wins, and becomes the one kept.
    const newBoard = await resolveDeviceIdentity(platform('tizen', { mac: '5c:49:7d:00:00:01', uniqueId: 'DUID1' }), store);
    expect(newBoard).toMatchObject({ mac: '5C497D000001', macSource: 'platform' });
    expect((await resolveDeviceIdentity(platform('tizen', { mac: 'garbage', uniqueId: 'DUID1' }), store)).mac).toBe('5C497D000001');
  });

  it('marks an identifier chosen while the kept ones went unread as provisional, and never the platform\'s own MAC', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    await resolveDeviceIdentity(platform('tizen', { mac: '5c:49:7d:a1:b2:c3', uniqueId: 'DUID1' }), store);
    store.unanswered.add(PLATFORM_MAC_KEY);
    // The MAC read failed too: the DUID-derived identifier stands in for the kept MAC.
    expect(await resolveDeviceIdentity(platform('tizen', { uniqueId: 'DUID1' }), store)).toMatchObject({ macSource: 'unique-id', provisional: true });
    expect(await resolveDeviceIdentity(platform('tizen', { mac: '5c:49:7d:a1:b2:c3', uniqueId: 'DUID1' }), store)).not.toHaveProperty('provisional');
    store.unanswered.clear();
    expect(await resolveDeviceIdentity(platform('tizen', { uniqueId: 'DUID1' }), store)).not.toHaveProperty('provisional');
  });

  it.each([
    // source, platform, kept MAC read, derived ID read, stands in
    ['platform', 'tizen', false, false, false],
    ['kept', 'tizen', true, false, false],
    ['unique-id', 'webos', true, false, false],
    ['unique-id', 'webos', false, true, true],
    ['kept-unique-id', 'tizen', false, true, true],
    ['generated', 'desktop', false, false, false],
    ['generated', 'tizen', true, false, true],
    ['generated', 'tizen', true, true, false],
    ['session', 'desktop', true, true, true],
  ] as const)('a %s identifier on %s (kept MAC read: %s, derived ID read: %s) stands in: %s', (source, name, macKnown, derivedKnown, expected) => {
    expect(standsIn(source, name, macKnown, derivedKnown)).toBe(expected);
  });

  it('is not provisional on a desktop whose own identifier was read, whatever happened to the TV-only keys', async () => {
    const store = new MemoryStore();
    const first = await resolveDeviceIdentity(platform('desktop', {}), store);
    store.unanswered.add(PLATFORM_MAC_KEY).add(DERIVED_ID_KEY);
    expect(await resolveDeviceIdentity(platform('desktop', {}), store)).toEqual({ ...first });
  });

  it('stays the same device when it refuses the MAC and a later start gets no unique ID: the identifier derived before is kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    const first = await resolveDeviceIdentity(platform('tizen', { uniqueId: 'DUID1' }), store);
    // getDuid threw or took more than 3 s on this start.
    const noDuid = await resolveDeviceIdentity(platform('tizen', {}), store);
    expect(first).toMatchObject({ mac: macFromUniqueId('DUID1'), macSource: 'unique-id' });
    expect(noDuid).toMatchObject({ mac: first.mac, macSource: 'kept-unique-id' });
    expect(await store.get(GENERATED_ID_KEY)).toBeUndefined();
    expect((await resolveDeviceIdentity(platform('tizen', { uniqueId: 'DUID1' }), store)).mac).toBe(first.mac);
  });

  it('moves to the MAC once when a TV that refused it gives it later, and keeps it from then on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new MemoryStore();
    await resolveDeviceIdentity(platform('webos', { uniqueId: 'LGUDID-1' }), store);
    const agreed = await resolveDeviceIdentity(platform('webos', { mac: 'a8:23:fe:10:20:30', uniqueId: 'LGUDID-1' }), store);
    expect(agreed).toMatchObject({ mac: 'A823FE102030', macSource: 'platform' });
    for (const reads of [{ uniqueId: 'LGUDID-1' }, {}]) {
      expect(await resolveDeviceIdentity(platform('webos', reads), store)).toMatchObject({ mac: 'A823FE102030', macSource: 'kept' });
    }
  });

  it('resolves once per platform and store, so concurrent callers share one identifier', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const store = new MemoryStore();
    const desktop = platform('desktop', {});
    const [a, b] = await Promise.all([resolveDeviceIdentity(desktop, store), resolveDeviceIdentity(desktop, store)]);
    expect(a).toBe(b);
    expect(desktop.readMac).toHaveBeenCalledTimes(1);
  });
});
