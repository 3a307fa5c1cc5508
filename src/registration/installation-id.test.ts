import { describe, expect, it } from 'vitest';
import { createUuidV4, loadInstallationId } from './installation-id';
import { memoryStore } from './test-support';

describe('installation_id', () => {
  it('is an RFC 4122 version 4 UUID', () => {
    expect(createUuidV4((n) => new Uint8Array(n).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(createUuidV4((n) => new Uint8Array(n))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('is made once and kept', async () => {
    const store = memoryStore();
    const first = await loadInstallationId(store);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await loadInstallationId(store)).toBe(first);
  });

  it('replaces a damaged stored value', async () => {
    const store = memoryStore({ 'registration.installation-id': 'not-a-uuid' });
    expect(await loadInstallationId(store)).not.toBe('not-a-uuid');
  });

  it('is not made anew when storage did not answer, so the kept one is not replaced', async () => {
    const kept = memoryStore({ 'registration.installation-id': 'a1b2c3d4-0000-4000-8000-000000000000' });
    const silent = { ...kept, read: async () => ({ known: false as const }) };
    expect(await loadInstallationId(silent)).toBeUndefined();
    expect(kept.dump()).toEqual({ 'registration.installation-id': 'a1b2c3d4-0000-4000-8000-000000000000' });
  });
});
