import { expect, test } from './support/fixtures';

test('the built app opens full-screen with its name on a 1920×1080 stage', async ({ page, server }) => {
  await page.goto(server.url);
  const title = page.locator('tv-app h1');
  await expect(title).toHaveText('tv-app');
  const stage = await page.locator('tv-app .stage').boundingBox();
  expect(stage).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
});

test('the stage scales down to a 1280×720 screen and keeps 16:9', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(server.url);
  await expect(page.locator('tv-app h1')).toBeVisible();
  const stage = await page.locator('tv-app .stage').boundingBox();
  expect(stage?.width).toBeCloseTo(1280, 0);
  expect(stage?.height).toBeCloseTo(720, 0);
});

test('a slow catalogue holds back neither the device check nor, once it lands, home with its rails', async ({ page, server }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/catalog.json', async (route) => {
    await released;
    await route.continue();
  });
  const checked = page.waitForRequest((request) => request.url().endsWith('/api/device/check'));
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await checked;
  await expect(page.locator('tv-tile')).toHaveCount(0);

  release();
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  await expect(page.locator('tv-rail').first()).toBeVisible();
});

test('a config.json that never answers holds start-up only until the read times out: then home, on the defaults, with a warning', async ({ page, server, consoleMessages }) => {
  await page.route('**/config.json', () => new Promise<void>(() => {}));
  // Device checks go on without the file (the warning below shows the defaults are in use).
  const checked = page.waitForRequest((request) => request.url() === `${server.url}api/device/check`, { timeout: 20_000 });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  // The read gives up after 5 s; home follows within a few more.
  await expect(page.locator('tv-app h1')).toHaveText('tv-app', { timeout: 20_000 });
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  await checked;
  const warnings = consoleMessages.filter((message) => message.type() === 'warning').map((message) => message.text());
  expect(warnings).toContain('[tv-app:config] config.json could not be read (timed out); using defaults');
});

test('every screen\'s title sits at the same place, so nothing jumps when the viewer moves between them', async ({ page, server }) => {
  await page.goto(server.url);
  const middle = async (screen: string): Promise<number> => {
    const box = await page.locator(`${screen} h1`).boundingBox();
    return box!.y + box!.height / 2;
  };
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  const home = await middle('tv-home-screen');
  for (const route of ['device', 'settings', 'approval']) {
    await page.evaluate((to) => window.dispatchEvent(new CustomEvent('tv-navigate', { detail: { route: to } })), route);
    await expect(page.locator(`tv-${route}-screen h1`)).toBeVisible();
    expect(Math.abs((await middle(`tv-${route}-screen`)) - home), route).toBeLessThanOrEqual(2);
  }
});

test('an app maker\'s theme reaches the status colours of the tester-facing screens', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  await page.addStyleTag({ content: ':root { --tv-color-good: rgb(1, 2, 3); }' });
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('tv-navigate', { detail: { route: 'device' } })));
  const online = page.locator('tv-device-screen .value.good').first();
  await expect(online).toBeVisible();
  expect(await online.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(1, 2, 3)');
});
