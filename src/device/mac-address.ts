import type { MacFormat } from '../config/config';
import { fnv1a } from '../hash/fnv1a';

/** All zeros and all ones are what TVs report when they refuse or have no interface. */
const PLACEHOLDER_MACS = new Set(['000000000000', 'FFFFFFFFFFFF']);

/**
 * A platform MAC in any common notation (`a1:b2:…`, `A1-B2-…`, `a1b2.c3d4.e5f6`) as 12 uppercase
 * hex digits, or undefined when it is not a usable address.
 */
export function normaliseMac(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const hex = raw.trim().replace(/[\s:.-]/g, '').toUpperCase();
  return /^[0-9A-F]{12}$/.test(hex) && !PLACEHOLDER_MACS.has(hex) ? hex : undefined;
}

/** Writes a normalised MAC the way `deviceApi.macFormat` asks (CONTRACT §1). */
export function formatMac(mac: string, format: MacFormat): string {
  return format === 'colon' ? (mac.match(/../g) ?? []).join(':') : mac;
}

/** Sets the locally administered bit and clears the multicast bit of the first octet (IEEE 802). */
function asLocalUnicast(bytes: number[]): string {
  const octets = bytes.slice(0, 6);
  octets[0] = (octets[0] & 0xfc) | 0x02;
  return octets.map((byte) => (byte & 0xff).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/**
 * A stable, locally administered identifier derived from the TV's unique ID (DUID / LGUDID), for
 * TVs that refuse the MAC (CONTRACT §6): the same ID always gives the same 12 hex digits.
 */
export function macFromUniqueId(uniqueId: string): string {
  // Two seeds give two independent halves.
  const high = fnv1a(uniqueId);
  const low = fnv1a(uniqueId, 0x9e3779b9);
  return asLocalUnicast([high >>> 24, high >>> 16, high >>> 8, high, low >>> 24, low >>> 16]);
}

/** A random, locally administered identifier from six random bytes. */
export function macFromRandomBytes(bytes: ArrayLike<number>): string {
  return asLocalUnicast(Array.from(bytes));
}
