import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectFocus, focusedBox, openHome, pressKeyCode } from './shell-helpers';

/** The no-network notice's panel, as the viewer sees it (the host spans the stage's width). */
async function noticeBox(page: Page) {
  const panel = page.locator('tv-network-notice .notice');
  await expect(panel).toBeVisible();
  return (await panel.boundingBox())!;
}

/** Whether the focused element (ring and scale included, roughly) reaches down into the notice. */
async function focusRunsUnderNotice(page: Page): Promise<boolean> {
  const [row, notice] = [await focusedBox(page), await noticeBox(page)];
  const overlapsX = row.x < notice.x + notice.width && notice.x < row.x + row.width;
  // The focus ring is drawn outside the box: 5 px, and a focused tile grows by 8 % around its centre.
  const bottom = row.y + row.height + 5 + row.height * 0.04;
  return overlapsX && bottom > notice.y;
}

test.describe('the no-network notice never covers the focused row', () => {
  test('device screen: the last registration row stays above the notice', async ({ page, server, context }) => {
    await openHome(page, server.url);
    await pressKeyCode(page, 403);
    await expect(page.locator('tv-registration-status')).toContainText('Next attempt');
    for (let presses = 0; presses < 20; presses++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, /^Next attempt, /);
    await context.setOffline(true);
    await expect(page.locator('tv-network-notice')).toContainText('No network connection');
    // The list scrolls on its own to keep the focused row clear of the notice that just appeared.
    await expect.poll(() => focusRunsUnderNotice(page)).toBe(false);
    // And a row reached while the notice shows is scrolled clear of it too.
    for (let presses = 0; presses < 20; presses++) await page.keyboard.press('ArrowUp');
    await expectFocus(page, /^Identifier, /);
    for (let presses = 0; presses < 20; presses++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, /^Next attempt, /);
    await expect.poll(() => focusRunsUnderNotice(page)).toBe(false);
  });

  test('settings: the last licence stays above the notice', async ({ page, server, context }) => {
    await openHome(page, server.url);
    await pressKeyCode(page, 404);
    await expectFocus(page, 'App');
    await context.setOffline(true);
    await expect(page.locator('tv-network-notice')).toContainText('No network connection');
    for (let presses = 0; presses < 15; presses++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, 'core-js');
    await expect.poll(() => focusRunsUnderNotice(page)).toBe(false);
  });

  test('home: a tile of the last rail under the notice is scrolled clear of it', async ({ page, server, context }) => {
    await openHome(page, server.url);
    for (let presses = 0; presses < 8; presses++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('tv-rail', { hasText: 'For kids' }).locator('tv-tile[focused]')).toHaveCount(1);
    // The third poster sits where the notice appears, in the middle of the screen.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectFocus(page, 'Tiny Astronauts');
    await context.setOffline(true);
    await expect(page.locator('tv-network-notice')).toContainText('No network connection');
    await expect.poll(() => focusRunsUnderNotice(page)).toBe(false);
    // Back online, the focused tile stays whole on the screen.
    await context.setOffline(false);
    await expect(page.locator('tv-network-notice')).not.toContainText('No network', { timeout: 15_000 });
    await expect(page.locator('tv-tile[focused]')).toBeInViewport({ ratio: 1 });
  });
});

test.describe('right to left, every screen mirrors inside the safe area', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('dir', 'rtl')));
  });

  /** The right edge of the safe area, where right-to-left text starts. */
  const SAFE_RIGHT = 1920 - 96;
  const rightEdge = async (locator: Locator) => {
    const box = (await locator.boundingBox())!;
    return box.x + box.width;
  };

  test('home: the app name and the hero start at the right edge, as the rails do', async ({ page, server }) => {
    await openHome(page, server.url);
    const home = page.locator('tv-home-screen');
    expect(await rightEdge(home.locator('tv-rail').first().locator('h2'))).toBeCloseTo(SAFE_RIGHT, 0);
    // The app's name was 48 px in from the edge (its gap to the buttons sat on its right).
    expect(await rightEdge(home.locator('h1'))).toBeCloseTo(SAFE_RIGHT, 0);
    // The hero's text ended in the middle of the screen, over the artwork, which stayed at the right.
    expect(await rightEdge(home.locator('.hero h2'))).toBeCloseTo(SAFE_RIGHT, 0);
    expect((await home.locator('.hero-art').boundingBox())!.x).toBe(0);
  });

  test('settings: the title starts at the right edge, and the list leaves the app card uncovered', async ({ page, server }) => {
    await openHome(page, server.url);
    await pressKeyCode(page, 404);
    const settings = page.locator('tv-settings-screen');
    await expectFocus(page, 'App');
    expect(await rightEdge(settings.locator('h1'))).toBeCloseTo(SAFE_RIGHT, 0);
    const card = (await settings.locator('.app-card').boundingBox())!;
    const list = (await settings.locator('.row').first().boundingBox())!;
    // Side by side, not on top of each other: the list ran over the app's picture and name.
    expect(list.x >= card.x + card.width || list.x + list.width <= card.x).toBe(true);
    expect(card.x).toBeGreaterThanOrEqual(96);
  });
});

test('at 1280×720 the hero artwork fades out without a hairline along its edge', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHome(page, server.url);
  // The stage is scaled by 2/3, so the artwork's left edge falls between two screen pixels.
  const art = (await page.locator('tv-home-screen .hero-art').boundingBox())!;
  const edge = Math.floor(art.x);
  const shot = await page.screenshot({ clip: { x: edge - 4, y: 20, width: 8, height: 200 } });
  // Each row's pixels at the edge against those just left of it, decoded by the page itself.
  const worst = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    let most = 0;
    for (let y = 0; y < height; y++) {
      const at = (x: number, channel: number) => data[(y * width + x) * 4 + channel];
      for (const x of [4, 5]) for (let channel = 0; channel < 3; channel++) most = Math.max(most, Math.abs(at(x, channel) - at(1, channel)));
    }
    return most;
  }, shot.toString('base64'));
  // The fade starts as the plain background: a thin line of the artwork showed through (blue up to 39 levels off).
  expect(worst).toBeLessThanOrEqual(4);
});
