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
