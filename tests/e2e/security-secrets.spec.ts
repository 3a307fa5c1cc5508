import type { Page, Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { countOf } from './support/device-helpers';
import { expect, test } from './support/fixtures';

/**
 * CONTRACT §1 and §5: config secrets (tokens, password) and magic links are never logged, never
 * stored, never put in a URL — except the link in the one approve request's path. The device
 * token the server issues may be kept (§3), but never logged or put in a URL.
 */
const devConfig = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
const REGISTER_TOKEN = String(devConfig.registerApi!.token);
const USER_TOKEN = String(devConfig.approveApi!.token);
const PASSWORD = 'pw-Secret-4f9a1c';

/** Everything the page keeps: every IndexedDB database and store, Web Storage, cookies and Cache Storage names. */
function dumpStorage(page: Page): Promise<{ text: string; idbRecords: number }> {
  return page.evaluate(async () => {
    const ask = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const stores: unknown[] = [];
    let idbRecords = 0;
    for (const info of await indexedDB.databases()) {
      const db = await ask(indexedDB.open(info.name!));
      for (const name of Array.from(db.objectStoreNames)) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([ask(store.getAllKeys()), ask(store.getAll())]);
        idbRecords += keys.length;
        stores.push({ db: info.name, store: name, keys, values });
      }
      db.close();
    }
    const webStorage = { local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, caches: 'caches' in window ? await caches.keys() : [] };
    return { text: JSON.stringify({ stores, webStorage }), idbRecords };
  });
}

/** Device tokens as the server issued them, read off the wire. */
function captureDeviceTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/v1/device_app_register')) return;
    const body = (await response.json().catch(() => undefined)) as { device_token?: unknown } | undefined;
    if (typeof body?.device_token === 'string') tokens.push(body.device_token);
  });
  return tokens;
}

const forms = (secret: string): string[] => [secret, encodeURIComponent(secret)];

test('tokens, the password, the device token and the magic link stay out of the console, URLs, history and storage', async ({ page, server, consoleMessages }) => {
  const { link } = await server.admin<{ link: string }>('magic-links', { body: {} });
  await page.route('**/config.json', (route) => route.fulfill({ json: { ...devConfig, registerApi: { ...devConfig.registerApi, username: 'viewer@example.com', password: PASSWORD } } }));
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const deviceTokens = captureDeviceTokens(page);

  await page.goto(`${server.url}?magicLink=${encodeURIComponent(link)}`);
  await expect(page.locator('tv-approval-screen .result')).toContainText('This TV is approved.');
  await expect.poll(() => deviceTokens.length).toBeGreaterThan(0);
  await expect.poll(() => countOf(server, 'check')).toBeGreaterThan(0);

  const secrets = { REGISTER_TOKEN, USER_TOKEN, PASSWORD, link, deviceToken: deviceTokens[0]! };
  const logged = consoleMessages.map((message) => message.text()).join('\n');
  expect(logged.length, 'the app logged its work').toBeGreaterThan(0);
  for (const [name, secret] of Object.entries(secrets)) expect(logged, `${name} in the console`).not.toContain(secret);

  const approve = requests.filter((request) => new URL(request.url()).pathname.startsWith('/devices/approve/'));
  expect(approve).toHaveLength(1);
  expect(new URL(approve[0]!.url()).pathname).toBe(`/devices/approve/${encodeURIComponent(link)}`);
  expect(new URL(approve[0]!.url()).search).toBe('');
  // requests[0] is the launch itself: the link arrived in that URL, which the app then cleans (checked below).
  for (const request of requests.filter((request) => !approve.includes(request) && request !== requests[0])) {
    for (const [name, secret] of Object.entries(secrets)) for (const form of forms(secret)) expect(request.url(), `${name} in a request URL`).not.toContain(form);
  }
  // The launch URL carried the link until the app cleaned it: no request may repeat it as its Referer.
  for (const request of requests.slice(1)) {
    const referer = (await request.allHeaders()).referer ?? '';
    for (const [name, secret] of Object.entries(secrets)) for (const form of forms(secret)) expect(referer, `${name} in the Referer of ${request.url()}`).not.toContain(form);
  }

  const where = await page.evaluate(() => ({ href: location.href, state: JSON.stringify(history.state) }));
  for (const [name, secret] of Object.entries(secrets)) for (const form of forms(secret)) expect(`${where.href} ${where.state} ${page.url()}`, `${name} in location or history`).not.toContain(form);

  const storage = await dumpStorage(page);
  expect(storage.idbRecords, 'the dump really read the app’s IndexedDB').toBeGreaterThan(0);
  // The device token is the one secret the contract lets the app keep (§3); the others never.
  for (const [name, secret] of Object.entries({ REGISTER_TOKEN, USER_TOKEN, PASSWORD, link })) expect(storage.text, `${name} in storage`).not.toContain(secret);
});

test('a user token given as a launch parameter is used once, then gone from the URL, the console and storage', async ({ page, server, consoleMessages }) => {
  const userToken = 'launch-user-token-7d21';
  const { link } = await server.admin<{ link: string }>('magic-links', { body: {} });
  // The server accepts only its own user token; the launch's one is sent and refused, which proves it was used.
  await page.route('**/config.json', (route) => route.fulfill({ json: { ...devConfig, approveApi: { ...devConfig.approveApi, token: '' } } }));
  const authorizations: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/devices/approve/')) authorizations.push(request.headers().authorization ?? '');
  });

  await page.goto(`${server.url}?magicLink=${encodeURIComponent(link)}&userToken=${userToken}`);
  await expect(page.locator('tv-approval-screen .result')).toContainText('You are not signed in.');
  expect(authorizations).toEqual([`Bearer ${userToken}`]);
  expect(await page.evaluate(() => location.href)).not.toMatch(/userToken|magicLink/);
  expect(consoleMessages.map((message) => message.text()).join('\n')).not.toContain(userToken);
  const storage = await dumpStorage(page);
  expect(storage.text).not.toContain(userToken);
  expect(storage.text).not.toContain(link);
});
