import { createLogger } from '../log/log';
import type { Platform } from '../platform/platform';
import { valueOf, type KeyValueStore } from '../storage/store';
import type { DeviceIdentity } from './device-identity';
import { macFromRandomBytes, macFromUniqueId, normaliseMac } from './mac-address';

const log = createLogger('device:identity');

/** Where the identifier made at first run (desktop, or a TV without MAC or unique ID) is kept. */
export const GENERATED_ID_KEY = 'device.generatedId';
/** The last MAC the platform gave, for a start where its read fails or times out. */
export const PLATFORM_MAC_KEY = 'device.platformMac';
/** The identifier last derived from the unique ID, for a start where that read fails too. */
export const DERIVED_ID_KEY = 'device.derivedId';

async function generatedMac(store: KeyValueStore): Promise<[string, DeviceIdentity['macSource']]> {
  const stored = await store.read<unknown>(GENERATED_ID_KEY);
  const kept = normaliseMac(valueOf(stored));
  if (kept) return [kept, 'generated'];
  // Every target engine has getRandomValues (Chromium 11+), in file:// and http:// pages alike.
  const made = macFromRandomBytes(window.crypto.getRandomValues(new Uint8Array(6)));
  if (!stored.known) {
    // Storage did not answer, so the kept identifier may well be there: storing a new one over it
    // would make this another device for good. Waiting is no better (a store that hangs may never
    // answer, and no check could run meanwhile), so this start goes by an identifier of its own
    // and the next one that reads storage is the same device again.
    log.warn('storage did not answer; using a device identifier for this start only');
    return [made, 'session'];
  }
  await store.set(GENERATED_ID_KEY, made);
  log.info('made a new device identifier for this installation');
  return [made, 'generated'];
}

/** What the platform said this start, and the identifiers kept from earlier starts (untrusted). */
interface IdentityReads {
  rawMac: string | undefined;
  uniqueId: string | undefined;
  storedMac: unknown;
  storedDerived: unknown;
}

/**
 * The identifier and where it came from: the platform MAC, else the last one it gave, else one
 * derived from the unique ID (this start's, else the last one), else one generated once. Whatever
 * the platform gave once stays the identifier when a later read fails (a slow Luna call, a
 * throwing webapis): another identifier would be another device to the server, and a ban on this
 * one would lift. A TV that refused the MAC and gives it later (a webOS viewer accepting the
 * agreement) moves to the MAC once, since the MAC is the identifier the contract names and the
 * one an operator finds on the set; it is kept from then on, so it never moves back.
 */
async function chooseMac({ rawMac, uniqueId, storedMac, storedDerived }: IdentityReads, store: KeyValueStore): Promise<[string, DeviceIdentity['macSource']]> {
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
  const keptDerived = normaliseMac(storedDerived);
  if (uniqueId) {
    const derived = macFromUniqueId(uniqueId);
    if (derived !== keptDerived) await store.set(DERIVED_ID_KEY, derived);
    return [derived, 'unique-id'];
  }
  if (keptDerived) {
    log.warn('the platform gave no unique ID this time; using the identifier derived from the one it gave before');
    return [keptDerived, 'kept-unique-id'];
  }
  return generatedMac(store);
}

/**
 * Whether the chosen identifier may stand in for the device's real one: only when a kept
 * identifier that would outrank it went unread (the kept MAC over a derived one; either over a
 * generated one on a TV, where a MAC or unique ID may have been given before).
 */
export function standsIn(source: DeviceIdentity['macSource'], platform: Platform['name'], macKnown: boolean, derivedKnown: boolean): boolean {
  switch (source) {
    case 'platform':
    case 'kept':
      return false;
    case 'unique-id':
    case 'kept-unique-id':
      return !macKnown;
    case 'generated':
      return platform !== 'desktop' && !(macKnown && derivedKnown);
    case 'session':
      return true;
  }
}

async function resolve(platform: Platform, store: KeyValueStore): Promise<DeviceIdentity> {
  // The kept identifiers are read beside the platform reads, not after them: the first check waits for this.
  const [rawMac, firmware, model, uniqueId, osVersion, storedMac, storedDerived] = await Promise.all([
    platform.readMac(),
    platform.readFirmware(),
    platform.readModel(),
    platform.readUniqueId(),
    platform.readOsVersion(),
    store.read<unknown>(PLATFORM_MAC_KEY),
    store.read<unknown>(DERIVED_ID_KEY),
  ]);
  const [mac, macSource] = await chooseMac({ rawMac, uniqueId, storedMac: valueOf(storedMac), storedDerived: valueOf(storedDerived) }, store);
  const provisional = standsIn(macSource, platform.name, storedMac.known, storedDerived.known);
  return {
    mac,
    macSource,
    ...(provisional ? { provisional } : {}),
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
 * an identifier derived from the unique ID (the last one, when that read fails too), else one
 * generated at first run and kept. Callers share one resolution per platform and store, so two
 * modules asking at once can never generate two different identifiers.
 * Never rejects: every platform read is bounded and falls back.
 */
export function resolveDeviceIdentity(platform: Platform, store: KeyValueStore): Promise<DeviceIdentity> {
  let byPlatform = resolved.get(store);
  if (!byPlatform) resolved.set(store, (byPlatform = new WeakMap()));
  let identity = byPlatform.get(platform);
  if (!identity) byPlatform.set(platform, (identity = resolve(platform, store)));
  return identity;
}
