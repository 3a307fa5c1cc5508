import type { KeyValueStore } from '../storage/store';

const INSTALLATION_ID_KEY = 'registration.installation-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** `length` random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** `crypto.getRandomValues`: `crypto.randomUUID` is too new for the TVs (Chromium 92). */
export const cryptoRandomBytes: RandomBytes = (length) => window.crypto.getRandomValues(new Uint8Array(length));

/** An RFC 4122 version 4 UUID. */
export function createUuidV4(randomBytes: RandomBytes): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.prototype.map.call(bytes, (byte: number) => (byte + 0x100).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The `installation_id`: made at first run and kept, so a renewal is recognised as this install.
 * Undefined when storage did not answer: a new one then would replace the kept one for good.
 */
export async function loadInstallationId(store: KeyValueStore, randomBytes: RandomBytes = cryptoRandomBytes): Promise<string | undefined> {
  const stored = await store.read<unknown>(INSTALLATION_ID_KEY);
  if (!stored.known) return undefined;
  if (typeof stored.value === 'string' && UUID.test(stored.value)) return stored.value;
  const id = createUuidV4(randomBytes);
  await store.set(INSTALLATION_ID_KEY, id);
  return id;
}
