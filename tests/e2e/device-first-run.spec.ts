import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { advance, apiRequests, countOf, deviceCalls, MINUTES, trackApiRequests } from './support/device-helpers';
import { installFakeTizen, installFakeWebos } from './support/fake-platforms';
import { expect, test } from './support/fixtures';

const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function firstRunBodies(server: Parameters<typeof apiRequests>[0]) {
  await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check']);
  const requests = await apiRequests(server);
  const add = requests.find((r) => r.endpoint === 'add');
  const check = requests.find((r) => r.endpoint === 'check');
  // The ping goes first: no device request before the network is known to work.
  expect(requests.findIndex((r) => r.endpoint === 'ping')).toBeLessThan(requests.findIndex((r) => r.endpoint === 'configs'));
  return { add: add?.body, check: check?.body };
}

test('first run on a Samsung TV adds the device with its MAC and firmware, then checks it', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, { mac: 'f4:7b:09:12:34:56', firmware: 'T-KTM2ELAKUC-1500.0', model: 'QE55Q80B' });
  await page.goto(server.url);
  const { add, check } = await firstRunBodies(server);
  expect(add).toEqual({ mac_address: 'F47B09123456', device_os: 'Tizen', device_version: 'T-KTM2ELAKUC-1500.0', device_type: 'TV', app_version: APP_VERSION, app_name: 'tv-app' });
  expect(check).toEqual({ mac_address: 'F47B09123456' });
});

const isLocallyAdministered = (mac: string): boolean => /^[0-9A-F]{12}$/.test(mac) && (parseInt(mac.slice(0, 2), 16) & 0x03) === 0x02;

test('first run on an LG TV adds the device with its MAC and firmware, then checks it', async ({ page, server }) => {
  await page.addInitScript(installFakeWebos, { mac: 'a8:23:fe:10:20:30', firmware: '05.30.40' });
  await page.goto(server.url);
  const { add, check } = await firstRunBodies(server);
  expect(add).toEqual({ mac_address: 'A823FE102030', device_os: 'webOS', device_version: '05.30.40', device_type: 'TV', app_version: APP_VERSION, app_name: 'tv-app' });
  expect(check).toEqual({ mac_address: 'A823FE102030' });
});

test('an LG TV that refuses the MAC is identified by an ID derived from its LGUDID, the same on every start', async ({ browser, server }) => {
  // Two separate profiles: nothing kept in storage, so only the LGUDID can make them agree.
  for (let run = 0; run < 2; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(installFakeWebos, { refuseMac: true, duid: '7f0c2d1e-aaaa-bbbb-cccc-0123456789ab' });
    await page.goto(server.url);
    await expect.poll(() => countOf(server, 'check')).toBe(run + 1);
    await context.close();
  }
  const sent = (await apiRequests(server)).filter((r) => r.endpoint === 'check').map((r) => String(r.body?.mac_address));
  expect(sent[0]).toBe(sent[1]);
  expect(isLocallyAdministered(sent[0])).toBe(true);
});

test('first run in a desktop browser sends a generated identifier and keeps it across reloads', async ({ page, server }) => {
  await page.goto(server.url);
  const { add } = await firstRunBodies(server);
  expect(add).toMatchObject({ device_os: 'Linux', device_type: 'Desktop', app_version: APP_VERSION, app_name: 'tv-app' });
  expect(add?.device_version).toMatch(/^Chrome \d+/);
  const mac = String(add?.mac_address);
  expect(isLocallyAdministered(mac)).toBe(true);

  await page.reload();
  // Same identity, nothing changed: no second add, just a check with the kept identifier.
  await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check', 'configs', 'check']);
  const checks = (await apiRequests(server)).filter((r) => r.endpoint === 'check');
  expect(checks.map((r) => r.body?.mac_address)).toEqual([mac, mac]);
});

test('the MAC goes out in colon form when config.json asks for it', async ({ page, server }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { deviceApi: { macFormat: 'colon', bodyEncoding: 'form' } } }));
  await page.addInitScript(installFakeTizen, { mac: 'f4-7b-09-12-34-56' });
  await page.goto(server.url);
  const { add, check } = await firstRunBodies(server);
  expect(add?.mac_address).toBe('F4:7B:09:12:34:56');
  expect(check).toEqual({ mac_address: 'F4:7B:09:12:34:56' });
});

test('checks six times in 30 virtual minutes', async ({ page, server }) => {
  // The jitter's midpoint, so the 5-minute interval is exact and the count is the contract's.
  await page.addInitScript(() => {
    Math.random = () => 0.5;
  });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  await expect.poll(() => countOf(server, 'check')).toBe(1);
  await advance(page, tracker, 30 * MINUTES - 10_000);
  expect(await countOf(server, 'check')).toBe(6);
  expect(await countOf(server, 'add')).toBe(1);
});

for (const [configsForm, how] of [['string', 'as the string "1"'], ['top-level', 'only at the top level']] as const) {
  test(`device management is on when the configs answer carries the flag ${how}`, async ({ page, server }) => {
    await server.admin('settings', { body: { configsForm } });
    await page.goto(server.url);
    await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check']);
  });
}

test('the production build carries no platform emulation', () => {
  const dist = process.env.TV_DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
  const scripts = readdirSync(`${dist}/assets`).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const name of scripts) {
    const code = readFileSync(`${dist}/assets/${name}`, 'utf8');
    expect(code).not.toMatch(/__tvFake|EMULATEDTIZENDUID|emulating /);
  }
});

test('a ping to another origin that answers without CORS headers still counts as online', async ({ page, server }) => {
  // Any HTTP answer means online (CONTRACT §2), even one the page may not read: a bare 404 from
  // a server that knows nothing of CORS (route.fulfill would add the headers itself).
  const pinged: string[] = [];
  const bare = createServer((request, response) => {
    pinged.push(request.method ?? '');
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = bare.address() as AddressInfo;
    await page.route('**/config.json', (route) => route.fulfill({ json: { pingUrl: `http://127.0.0.1:${port}/generate_204` } }));
    await page.goto(server.url);
    await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check']);
    expect(pinged).toEqual(['HEAD']);
  } finally {
    bare.close();
  }
});
