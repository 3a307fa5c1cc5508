import { expect, test } from './support/fixtures';
import { expectFocus, focusedBox, openHome } from './shell-helpers';

test('the rails below the screen and the tiles past its edge are drawn soon after the first paint', async ({ page, server }) => {
  await openHome(page, server.url);
  await expect(page.locator('tv-rail')).toHaveCount(5);
  await expect(page.locator('tv-rail', { hasText: 'Featured' }).locator('tv-tile')).toHaveCount(8);
  await expect(page.locator('tv-rail', { hasText: 'Kids' }).locator('tv-tile')).toHaveCount(7);
});

test.describe('on a TV too busy to draw the rest of the screen yet', () => {
  // Idle time never comes, so only what fills the screen at start-up is drawn. Without motion,
  // tiles sit still where a press measures them.
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
  });

  test('Down reaches the rails below the screen and Right the tiles past its edge', async ({ page, server }) => {
    await openHome(page, server.url);
    await expect(page.locator('tv-rail')).toHaveCount(2);
    await expect(page.locator('tv-rail', { hasText: 'Featured' }).locator('tv-tile')).toHaveCount(5);

    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expectFocus(page, 'Harvest');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, 'Trending');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, /Island Hopping|Above the Clouds|Savanna|Canopy|Fjords|Coral Cities|Slow Trains|Wetlands/);
    await expect.poll(async () => (await focusedBox(page)).y).toBeGreaterThan(0);
    await expect.poll(async () => (await focusedBox(page)).y + (await focusedBox(page)).height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, /Robot Friends|Dino Dig|Tiny Astronauts|Ocean Pals|Build It|Sing Along|Grow/);
  });
});

test('a tile with a very long title and description still shows its details with Close on the screen', async ({ page, server }) => {
  await page.route('**/catalog.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    Object.assign(catalog.rails[0].tiles[0], { title: 'A title that goes on '.repeat(12), description: 'A description that never ends. '.repeat(90) });
    await route.fulfill({ json: catalog });
  });
  await page.goto(server.url);
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expectFocus(page, 'Close');
  const stage = { width: 1920, height: 1080 };
  const close = await focusedBox(page);
  expect(close.y + close.height).toBeLessThanOrEqual(stage.height);
  const panel = await page.locator('tv-dialog .panel').boundingBox();
  expect(panel!.y).toBeGreaterThanOrEqual(0);
  expect(panel!.y + panel!.height).toBeLessThanOrEqual(stage.height);
  // Close sits inside the panel, below the text, not over it.
  expect(close.y + close.height).toBeLessThanOrEqual(panel!.y + panel!.height);
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
});
