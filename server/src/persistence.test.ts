// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReferenceServer } from './index.js';
import { DEVICE, json, REGISTER_AUTH, REGISTRATION } from './test-support.js';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'reference-api-'));
  file = join(folder, 'state.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function withServer<T>(use: (server: Awaited<ReturnType<typeof startReferenceServer>>) => Promise<T>): Promise<T> {
  const server = await startReferenceServer({ port: 0, quiet: true, stateFile: file });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const state = async (url: string) => json(fetch(`${url}/admin/api/state`));

describe('state file', () => {
  it('round-trips devices, bans, registrations, links, approvals and settings across a restart', async () => {
    const before = await withServer(async ({ url }) => {
      await post(`${url}/api/device/add`, DEVICE);
      await post(`${url}/admin/api/devices/${DEVICE.mac_address}/ban`, { message: 'Persisted ban' });
      await post(`${url}/api/v1/device_app_register/`, { ...REGISTRATION, password: 'never-on-disk' }, REGISTER_AUTH);
      await post(`${url}/admin/api/settings`, { device_management: 0, apiRefreshInterval: 120 });
      await post(`${url}/admin/api/magic-links`, {});
      return state(url);
    });
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, devices: [expect.objectContaining({ key: 'A1B2C3D4E5F6' })] });
    expect(text).not.toContain('never-on-disk');
    expect(text).not.toContain('password');
    // Atomic writes leave no temporary files behind.
    expect(await readdir(folder)).toEqual(['state.json']);

    await withServer(async ({ url }) => {
      // The request log and its counts are per run, not state.
      const { requestCounts, ...after } = await state(url);
      expect(requestCounts).toEqual({});
      expect(after).toEqual({ ...before, requestCounts: undefined });
      const check = await post(`${url}/api/device/check`, { mac_address: DEVICE.mac_address });
      expect(await json(check)).toMatchObject({ error_code: 'device_banned', message: 'Persisted ban' });
    });
  });

  it('writes on flush() without waiting for the debounce', async () => {
    await withServer(async ({ url, api }) => {
      await post(`${url}/api/device/add`, DEVICE);
      await api.flush();
      expect(JSON.parse(await readFile(file, 'utf8')).devices).toHaveLength(1);
    });
  });

  it('writes by itself shortly after a change (debounced)', async () => {
    await withServer(async ({ url }) => {
      await post(`${url}/api/device/add`, DEVICE);
      await vi.waitFor(async () => expect(JSON.parse(await readFile(file, 'utf8')).devices).toHaveLength(1), { timeout: 2000, interval: 50 });
    });
  });

  it.each([
    ['broken JSON', '{"version": 1, "devices": ['],
    ['a wrong shape', JSON.stringify({ version: 1, devices: [{ key: 1 }] })],
    ['an unknown version', JSON.stringify({ version: 7 })],
    // Every registration would fail: its expiry date is past what a Date can hold.
    ['a registration lifetime over 10 years', JSON.stringify({ version: 1, settings: { registrationLifetimeSeconds: 1e14 } })],
    // The admin API refuses an unknown setting; kept silently, a typo would just do nothing.
    ['a misspelt setting', JSON.stringify({ version: 1, settings: { ratelimit: 2 } })],
    // Kept, the page would call this link usable (not expired) while approval refuses it as expired.
    ['an expiry that is not a date', JSON.stringify({ version: 1, magicLinks: [{ link: 'ml_0123456789abcdef01234567', created_at: '2026-01-01T00:00:00.000Z', expires_at: 'tomorrow', used_at: null }] })],
  ])('moves a file with %s aside, logs it and starts empty', async (_name, content) => {
    await writeFile(file, content);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await withServer(async ({ url }) => {
        expect((await state(url)).devices).toEqual([]);
        await post(`${url}/api/device/add`, DEVICE);
      });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/state file .* is corrupt \(.+\); moved it to .*state\.json\.corrupt-/));
    } finally {
      errors.mockRestore();
    }
    const names = (await readdir(folder)).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('state.json');
    expect(names[1]).toMatch(/^state\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(await readFile(join(folder, names[1]!), 'utf8')).toBe(content);
    expect(JSON.parse(await readFile(file, 'utf8')).devices).toHaveLength(1);
  });

  it('creates the folder of a state file that does not exist yet', async () => {
    file = join(folder, 'nested', 'deeper', 'state.json');
    await withServer(async ({ url }) => {
      await post(`${url}/api/device/add`, DEVICE);
    });
    expect(JSON.parse(await readFile(file, 'utf8')).devices).toHaveLength(1);
  });
});
