import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMac, macFromRandomBytes, macFromUniqueId, normaliseMac } from './mac-address';

const isLocalUnicast = (mac: string): boolean => (parseInt(mac.slice(0, 2), 16) & 0x03) === 0x02;

describe('normaliseMac', () => {
  it.each([
    ['a1:b2:c3:d4:e5:f6', 'A1B2C3D4E5F6'],
    ['A1-B2-C3-D4-E5-F6', 'A1B2C3D4E5F6'],
    ['a1b2.c3d4.e5f6', 'A1B2C3D4E5F6'],
    [' A1B2C3D4E5F6 ', 'A1B2C3D4E5F6'],
  ])('reads %s as 12 uppercase hex digits', (raw, expected) => {
    expect(normaliseMac(raw)).toBe(expected);
  });

  it.each([['00:00:00:00:00:00'], ['ff:ff:ff:ff:ff:ff'], ['A1:B2:C3'], ['G1:B2:C3:D4:E5:F6'], [''], [undefined], [42]])('refuses %s', (raw) => {
    expect(normaliseMac(raw)).toBeUndefined();
  });
});

describe('formatMac', () => {
  it('writes the plain form the seed shows and the colon form', () => {
    expect(formatMac('A1B2C3D4E5F6', 'plain')).toBe('A1B2C3D4E5F6');
    expect(formatMac('A1B2C3D4E5F6', 'colon')).toBe('A1:B2:C3:D4:E5:F6');
  });
});

describe('macFromUniqueId', () => {
  it('is stable, 12 hex digits, locally administered and unicast for any ID', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const mac = macFromUniqueId(id);
        expect(mac).toMatch(/^[0-9A-F]{12}$/);
        expect(isLocalUnicast(mac)).toBe(true);
        expect(macFromUniqueId(id)).toBe(mac);
      }),
    );
  });

  it('gives different TVs different identifiers', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `ZEDTRZ5NZ4H${i.toString().padStart(3, '0')}`);
    expect(new Set(ids.map(macFromUniqueId)).size).toBe(ids.length);
  });
});

describe('macFromRandomBytes', () => {
  it('keeps the random bits but forces a locally administered unicast address', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const mac = macFromRandomBytes(bytes);
        expect(mac).toMatch(/^[0-9A-F]{12}$/);
        expect(isLocalUnicast(mac)).toBe(true);
        expect(mac.slice(2)).toBe(Array.from(bytes.slice(1), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(''));
      }),
    );
  });
});
