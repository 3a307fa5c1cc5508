import { expect, test } from './support/fixtures';
import { openHome } from './shell-helpers';

test('the Magic Remote pointer shows rail arrows that scroll the rail, and an arrow key hides them', async ({ page, server }) => {
  await openHome(page, server.url);
  const rail = page.locator('tv-rail', { hasText: 'Documentaries' });
  const back = rail.locator('.arrow.start');
  const forward = rail.locator('.arrow.end');
  const firstTile = rail.locator('tv-tile').first();
  const firstTileLeft = async () => (await firstTile.boundingBox())!.x;
  await expect(forward).toBeHidden();

  const box = (await rail.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await expect(forward).toBeVisible();
  // Nothing lies before the first tile yet.
  await expect(back).toBeHidden();

  const before = (await firstTile.boundingBox())!;
  await forward.click();
  // The rail slides back by more than a tile: new tiles come into view.
  await expect.poll(firstTileLeft).toBeLessThan(before.x - before.width);
  await expect(back).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(forward).toBeHidden();
  await expect(back).toBeHidden();
});

test('right-to-left, the pointer arrows sit on the side each one scrolls toward', async ({ page, server }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('dir', 'rtl')));
  await openHome(page, server.url);
  const rail = page.locator('tv-rail', { hasText: 'Documentaries' });
  const back = rail.locator('.arrow.start');
  const forward = rail.locator('.arrow.end');
  const box = (await rail.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await expect(forward).toBeVisible();
  await expect(back).toBeHidden();
  // The tiles not yet shown lie to the left: that is where the forward arrow must be.
  expect((await forward.boundingBox())!.x).toBeLessThan(box.x + 200);
  await forward.click();
  await expect(back).toBeVisible();
  expect((await back.boundingBox())!.x).toBeGreaterThan(box.x + box.width - 200);
});
