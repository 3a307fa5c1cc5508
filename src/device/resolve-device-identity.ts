import { createLogger } from '../log/log';
import type { Platform } from '../platform/platform';
import type { KeyValueStore } from '../storage/store';
import type { DeviceIdentity } from './device-identity';
import { macFromRandomBytes, macFromUniqueId, normaliseMac } from './mac-address';

const log = createLogger('device:identity');

/** Where the identifier made at first run (desktop, or a TV without MAC or unique ID) is kept. */
export const GENERATED_ID_KEY = 'device.generatedId';
/** The last MAC the platform gave, for a start where its read fails or times out. */
export const PLATFORM_MAC_KEY = 'device.platformMac';

async function generatedMac(store: KeyValueStore): Promise<string> {
  const kept = normaliseMac(await store.get<unknown>(GENERATED_ID_KEY));
  if (kept) return kept;
  // Every target engine has getRandomValues (Chromium 11+), in file:// and http:// pages alike.
  const made = macFromRandomBytes(window.crypto.getRandomValues(new Uint8Array(6)));
  await store.set(GENERATED_ID_KEY, made);
  log.info('made a new device identifier for this installation');
  return made;
}

/**
 * The identifier and where it came from. A MAC the platform gave once stays the identifier when a
 * later read fails (a slow Luna call, a throwing webapis): another identifier would be another
 * device to the server, and a ban on this one would lift.
 */
async function chooseMac(rawMac: string | undefined, storedMac: unknown, uniqueId: string | undefined, store: KeyValueStore): Promise<[string, DeviceIdentity['macSource']]> {
  const platformMac = normaliseMac(rawMac);
  const kept = normaliseMac(storedMac);
  if (platformMac) {
    if (platformMac !== kept) await store.set(PLATFORM_MAC_KEY, platformMac);
    return [platformMac, 'platform'];
  }
  if (rawMac !== undefined) log.warn('the platform MAC is not a usable address; using a fallback identifier');
  if (kept) {
    log.warn('the platform gave no MAC this time; using the one it gave before');
    return [kept, 'kept'];
  }
  return uniqueId ? [macFromUniqueId(uniqueId), 'unique-id'] : [await generatedMac(store), 'generated'];
}

async function resolve(platform: Platform, store: KeyValueStore): Promise<DeviceIdentity> {
  // The kept MAC is read beside the platform reads, not after them: the first check waits for this.
  const [rawMac, firmware, model, uniqueId, osVersion, storedMac] = await Promise.all([
    platform.readMac(),
    platform.readFirmware(),
    platform.readModel(),
    platform.readUniqueId(),
    platform.readOsVersion(),
    store.get<unknown>(PLATFORM_MAC_KEY),
  ]);
  const [mac, macSource] = await chooseMac(rawMac, storedMac, uniqueId, store);
  return {
    mac,
    macSource,
    platform: platform.name,
    osName: platform.osName,
    osVersion,
    firmware,
    model,
    brand: platform.brand,
    uniqueId,
    deviceType: platform.name === 'desktop' ? 'Desktop' : 'TV',
  };
}

const resolved = new WeakMap<KeyValueStore, WeakMap<Platform, Promise<DeviceIdentity>>>();

/**
 * Who this TV is (CONTRACT §6): the platform MAC (the last one it gave, when a read fails), else
 * an identifier derived from the unique ID, else one generated at first run and kept. Callers
 * share one resolution per platform and store, so two modules asking at once can never generate
 * two different identifiers.
 * Never rejects: every platform read is bounded and falls back.
 */
export function resolveDeviceIdentity(platform: Platform, store: KeyValueStore): Promise<DeviceIdentity> {
  let byPlatform = resolved.get(store);
  if (!byPlatform) resolved.set(store, (byPlatform = new WeakMap()));
  let identity = byPlatform.get(platform);
  if (!identity) byPlatform.set(platform, (identity = resolve(platform, store)));
  return identity;
}
