import { readFileSync } from 'node:fs';
import { reloadAfterCheck } from './support/device-helpers';
import { installFakeTizen, installFakeWebos } from './support/fake-platforms';
import { expect, test } from './support/fixtures';
import { REGISTER_TOKEN, USER_TOKEN, expectNoSecrets, makeMagicLink, requestsTo, serveConfig } from './registration-helpers';

const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('a Samsung TV launched with a magic link opens approval, shows which TV it is, and is approved', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server);
  await page.addInitScript(installFakeTizen, { launchParams: { magicLink: link } });
  await serveConfig(page);
  await page.goto(server.url);

  const screen = page.locator('tv-approval-screen');
  await expect(screen.locator('.name')).toHaveText('Samsung QE55Q80AATXXU');
  await expect(screen.locator('.identifier')).toHaveText('5C497DA1B2C3');
  await expect(screen.locator('.result')).toContainText('This TV is approved.');
  await expect(screen.locator('.result')).toContainText('permissions for device Samsung QE55Q80AATXXU approve successfully');
  const [approve] = await requestsTo(server, 'approve');
  expect(approve).toMatchObject({
    status: 200,
    authorization: `Bearer …${USER_TOKEN.slice(-4)}`,
    body: { deviceId: '5C497DA1B2C3', deviceType: 'web', deviceName: 'Samsung QE55Q80AATXXU', platformVersion: APP_VERSION },
  });
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('an LG TV launched with a magic link and user token is approved with that token', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server);
  const userToken = USER_TOKEN;
  await page.addInitScript(installFakeWebos, { launchParams: { magicLink: link, userToken } });
  await serveConfig(page, { approveApi: { token: '' } });
  await page.goto(server.url);

  const screen = page.locator('tv-approval-screen');
  await expect(screen.locator('.name')).toHaveText('LG OLED55C1PUB');
  await expect(screen.locator('.identifier')).toHaveText('A823FE102030');
  await expect(screen.locator('.result')).toContainText('permissions for device LG OLED55C1PUB approve successfully');
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, userToken, link]);
});

for (const [platform, install] of [
  ['a Samsung TV (appcontrol)', installFakeTizen],
  ['an LG TV (webOSRelaunch)', installFakeWebos],
] as const) {
  test(`${platform} relaunched with a new link while running is approved`, async ({ page, server, consoleMessages }) => {
    await page.addInitScript(install, {});
    await serveConfig(page);
    await page.goto(server.url);
    await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201]);
    await expect(page.locator('tv-approval-screen')).toHaveCount(0);

    const link = await makeMagicLink(server);
    await page.evaluate((magicLink) => window.__tvFake!.relaunch({ magicLink }), link);
    await expect(page.locator('tv-approval-screen .result')).toContainText('This TV is approved.');
    expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
  });
}

test('a Samsung TV relaunched with the same link, during the send and after it, is approved by one request', async ({ page, server, consoleMessages }) => {
  await server.admin('faults/approve', { body: { delayMs: 1000, times: 1 } });
  const link = await makeMagicLink(server);
  await page.addInitScript(installFakeTizen, { launchParams: { magicLink: link } });
  await serveConfig(page);
  await page.goto(server.url);
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('Sending…');
  await page.evaluate((magicLink) => window.__tvFake!.relaunch({ magicLink }), link);
  await expect(result).toContainText('This TV is approved.');
  await page.evaluate((magicLink) => window.__tvFake!.relaunch({ magicLink }), link);
  await expect(result).toContainText('This TV is approved.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([200]);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('?magicLink= in the page URL is sent once and taken out of the URL', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server);
  await serveConfig(page);
  await page.goto(`${server.url}?magicLink=${encodeURIComponent(link)}`);
  await expect(page.locator('tv-approval-screen .result')).toContainText('This TV is approved.');
  expect(page.url()).not.toContain('magicLink');

  // The approval can answer before the first device check: the reload waits for it.
  await reloadAfterCheck(page, server);
  expect(await requestsTo(server, 'approve')).toHaveLength(1);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('400: an expired link is explained, with no retry', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server, 0);
  await page.addInitScript(installFakeTizen, { launchParams: { magicLink: link } });
  await serveConfig(page);
  await page.goto(server.url);
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('This link is invalid or has expired.');
  await expect(result.locator('button')).toHaveCount(0);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('401: a user token the server refuses means "not signed in"', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server);
  await page.addInitScript(installFakeWebos, { launchParams: { magicLink: link } });
  await serveConfig(page, { approveApi: { token: 'expired-user-token' } });
  await page.goto(server.url);
  await expect(page.locator('tv-approval-screen .result')).toContainText('You are not signed in.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([401]);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, 'expired-user-token', link]);
});

test('404: an unregistered TV registers, then Try again approves it', async ({ page, server, consoleMessages }) => {
  // Nothing makes this TV known before the approval: no device management, a failed first registration.
  await server.admin('settings', { body: { device_management: 0 } });
  await server.admin('faults/register', { body: { status: 500, times: 1 } });
  const link = await makeMagicLink(server);
  await page.addInitScript(installFakeTizen, { launchParams: { magicLink: link } });
  await serveConfig(page);
  await page.goto(server.url);

  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('This TV is not registered yet.');
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([500, 201]);
  await result.locator('button', { hasText: 'Try again' }).click();
  await expect(result).toContainText('This TV is approved.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([404, 200]);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});
