import { readFileSync } from 'node:fs';
import { advance, MINUTES, reloadAfterCheck, trackApiRequests } from './support/device-helpers';
import { installFakeTizen } from './support/fake-platforms';
import { expect, test } from './support/fixtures';
import { REGISTER_TOKEN, expectNoSecrets, requestsTo, serveConfig } from './registration-helpers';

const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('first run registers with the Bearer token and the union of both seeds’ fields', async ({ page, server, consoleMessages }) => {
  await page.addInitScript(installFakeTizen, {});
  await serveConfig(page, { registerApi: { username: 'viewer@example.com', password: 'hunter2-secret' } });
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/device_app_register/'));
  await page.goto(server.url);

  const headers = (await sent).headers();
  expect(headers['authorization']).toBe(`Bearer ${REGISTER_TOKEN}`);
  expect(headers['content-type']).toBe('application/json');
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201]);
  const [logged] = await requestsTo(server, 'register');
  expect(logged!.body).toEqual({
    mac_addr: '5C:49:7D:A1:B2:C3',
    generic_id: 'EMULATEDTIZENDUID0001',
    device_id: '5C497DA1B2C3',
    installation_id: expect.stringMatching(UUID_V4),
    app_name: 'tv-app',
    app_version: APP_VERSION,
    platform: 'Tizen',
    os_family: 'Tizen',
    os_version: 'T-KTMAKUC-1290.3',
    os_api_version: '6.0',
    device_brand: 'Samsung',
    device_family: 'TV',
    device_model: 'QE55Q80AATXXU',
    username: 'viewer@example.com',
    password: '[redacted]',
  });
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, 'hunter2-secret']);
});

test('a registered TV does not register again after a reload', async ({ page, server, consoleMessages }) => {
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await serveConfig(page);
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201]);
  const { registrations } = await server.admin<{ registrations: Array<{ installation_id: string }> }>('state');

  await reloadAfterCheck(page, server);
  await advance(page, tracker, 60 * MINUTES, 5 * MINUTES);
  expect(await requestsTo(server, 'register')).toHaveLength(1);
  expect((await server.admin<{ registrations: Array<{ installation_id: string }> }>('state')).registrations).toEqual(registrations);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN]);
});

test('the registration’s api_refresh_interval sets the device-check interval, clamped to 60 s', async ({ page, server }) => {
  await server.admin('settings', { body: { apiRefreshInterval: 5 } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await serveConfig(page);
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201]);
  // Counted after five virtual minutes, by which the old 300 s tick has come in any case: on a
  // loaded machine the app may take its answer in a few steps after the server logged it.
  await advance(page, tracker, 5 * MINUTES, 10_000);
  const before = (await requestsTo(server, 'check')).length;
  await advance(page, tracker, 5 * MINUTES, 10_000);
  // Every 60 s ± 10 %: neither the server's 5 s (about 60) nor config.json's 300 s (1 or 2).
  const checks = (await requestsTo(server, 'check')).length - before;
  expect(checks).toBeGreaterThanOrEqual(4);
  expect(checks).toBeLessThanOrEqual(6);
});
