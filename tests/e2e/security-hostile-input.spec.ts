import { MINUTES } from './support/device-helpers';
import { expect, test } from './support/fixtures';
import { watchCsp } from './support/csp';

/**
 * Server text is only ever rendered as text (the ban message is covered by device-ban.spec.ts
 * and, continuously, by the fault soak), and a hostile answer never crashes the app or makes it
 * hammer the server.
 */
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>Approved</b>';

test('approval data with markup is shown as text and runs nothing', async ({ page, server }) => {
  const violations = await watchCsp(page);
  await page.route('**/devices/approve/**', (route) => route.fulfill({ json: { success: true, message: 'request processed successfully', data: MARKUP } }));
  await page.goto(`${server.url}?magicLink=ml_hostile_data`);
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('This TV is approved.');
  await expect(result).toContainText(MARKUP);
  expect(await page.locator('tv-approval-screen').locator('img, script, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await violations()).toEqual([]);
});

test('approval data of any length stays on the screen, inside its safe area', async ({ page, server }) => {
  const data = `permissions-for-device-${'x'.repeat(150)} ${'and a sentence that goes on and on. '.repeat(40)}`;
  await page.route('**/devices/approve/**', (route) => route.fulfill({ json: { success: true, message: 'request processed successfully', data } }));
  await page.goto(`${server.url}?magicLink=ml_long_data`);
  const detail = page.locator('tv-approval-screen .result .detail');
  await expect(page.locator('tv-approval-screen .result')).toContainText('This TV is approved.');
  const box = (await detail.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1920 - 96);
  expect(box.y + box.height).toBeLessThanOrEqual(1080 - 54);
  // Nothing spills out of the box either: what does not fit is cut at a whole line.
  expect(await detail.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});

test('a registration answer with a booby-trapped timestamp neither crashes the app nor makes it retry in a loop', async ({ page, server }) => {
  let attempts = 0;
  // `toString` as a number: anything that turns the value into a string (Date.parse does) throws.
  await page.route('**/api/v1/device_app_register/', (route) => {
    attempts += 1;
    return route.fulfill({
      status: 201,
      contentType: 'application/json',
      body: '{"registration_id":"reg_1","device_token":"device_token_x","status":"registered","registration_timestamp":{"toString":1},"expires_at":{"toString":1}}',
    });
  });
  await page.clock.install();
  await page.goto(server.url);
  await expect.poll(() => attempts).toBeGreaterThan(0);
  // Ten virtual minutes, with a round trip through the page between jumps so answers are handled.
  for (let minute = 0; minute < 10; minute += 1) {
    await page.clock.fastForward(MINUTES);
    await page.evaluate(() => undefined);
  }
  // A 2xx without a usable registration is a failure with backoff (CONTRACT §3): a few tries, never a loop.
  expect(attempts, 'register requests in ten minutes').toBeLessThanOrEqual(10);
});
