import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MOTIFS, parseCatalog } from '../../src/catalog/catalog';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { formatMac, macFromRandomBytes, macFromUniqueId, normaliseMac } from '../../src/device/mac-address';
import { expectPrototypesClean, hostileJson, hostileString, PROPERTY_TIMEOUT_MS } from './hostile';

const CATALOG_KEYS = ['rails', 'id', 'title', 'layout', 'flag', 'tiles', 'subtitle', 'description', 'comingSoon', 'art', 'hue', 'motif'];
const CATALOG_VALUES = ['landscape', 'poster', 'waves', 'circles', 360, -720, 1e400, true, 'featured'];

/** The first octet of a locally administered unicast MAC: bit 1 set, bit 0 clear. */
const isLocalUnicast = (mac: string): boolean => (parseInt(mac.slice(0, 2), 16) & 0x03) === 0x02;

describe('catalog.json under hostile input', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('any JSON shows only complete rails and tiles with valid artwork, and pollutes nothing', () => {
    fc.assert(
      fc.property(hostileJson(CATALOG_KEYS, CATALOG_VALUES), (raw) => {
        const { catalog, warnings } = parseCatalog(raw);
        expect(warnings.every((warning) => typeof warning === 'string')).toBe(true);
        for (const rail of catalog.rails) {
          expect(rail.id && rail.title).toBeTruthy();
          expect(['landscape', 'poster']).toContain(rail.layout);
          expect(rail.tiles.length).toBeGreaterThan(0);
          for (const tile of rail.tiles) {
            expect(typeof tile.title === 'string' && tile.title !== '').toBe(true);
            expect(tile.art.hue).toBeGreaterThanOrEqual(0);
            expect(tile.art.hue).toBeLessThan(360);
            expect(MOTIFS).toContain(tile.art.motif);
          }
        }
        expectPrototypesClean();
      }),
      { numRuns: 500 },
    );
  });

  it('a broken catalog.json shows no rails, with a warning, and never rejects', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const catalog = await loadCatalog(async () => text);
        expect(Array.isArray(catalog.rails)).toBe(true);
        vi.restoreAllMocks();
      }),
    );
  });
});

describe('device identifiers (CONTRACT §6)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('a platform MAC in any notation becomes 12 hex digits or nothing', () => {
    const notation = fc.tuple(fc.uint8Array({ minLength: 6, maxLength: 6 }), fc.constantFrom(':', '-', '', '.'), fc.boolean()).map(([bytes, separator, lower]) => {
      const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(separator === '.' ? '' : separator);
      const text = separator === '.' ? hex.match(/.{4}/g)!.join('.') : hex;
      return lower ? text : text.toUpperCase();
    });
    fc.assert(
      fc.property(fc.oneof(notation, hostileString, hostileJson()), (raw) => {
        const mac = normaliseMac(raw);
        if (mac === undefined) return;
        expect(mac).toMatch(/^[0-9A-F]{12}$/);
        expect(['000000000000', 'FFFFFFFFFFFF']).not.toContain(mac);
        expect(formatMac(mac, 'colon').replace(/:/g, '')).toBe(mac);
      }),
    );
  });

  it('an identifier from a unique ID is stable, locally administered, and differs between TVs', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        const mac = macFromUniqueId(a);
        expect(mac).toMatch(/^[0-9A-F]{12}$/);
        expect(isLocalUnicast(mac)).toBe(true);
        expect(macFromUniqueId(a)).toBe(mac);
        if (a !== b) expect(macFromUniqueId(b)).not.toBe(mac);
      }),
    );
  });

  it('a random identifier is locally administered unicast', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 16 }), (bytes) => {
        expect(isLocalUnicast(macFromRandomBytes(bytes))).toBe(true);
      }),
    );
  });
});
