import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { installFakeTizen, installFakeWebos } from './support/fake-platforms';
import { expectFocus, focusedBox, focusedLabel, openHome, pressKeyCode } from './shell-helpers';

test('exit confirmation on a fake Tizen TV calls the platform exit, once confirmed', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, {});
  await openHome(page, server.url);
  const calls = () => page.evaluate(() => window.__tvFake?.calls ?? []);
  // The colour and media keys were asked for at start-up.
  expect((await calls()).join(' ')).toMatch(/registerKeys?:.*ColorF0Red/);

  await pressKeyCode(page, 10009);
  await expectFocus(page, 'Cancel');
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
  expect(await calls()).not.toContain('exit');

  await pressKeyCode(page, 10009);
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Exit');
  await page.keyboard.press('Enter');
  await expect.poll(calls).toContain('exit');
});

test('exit confirmation on a fake webOS TV calls the platform exit', async ({ page, server }) => {
  await page.addInitScript(installFakeWebos, {});
  await openHome(page, server.url);
  await pressKeyCode(page, 461);
  await expectFocus(page, 'Cancel');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__tvFake?.calls ?? [])).toContain('exit');
});

test('the colour keys open the device and settings screens; Exit leaves at once', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, {});
  await openHome(page, server.url);
  await pressKeyCode(page, 403);
  await expect(page.locator('tv-device-screen')).toBeVisible();
  await expect(page.locator('tv-home-screen')).toBeHidden();
  await pressKeyCode(page, 404);
  await expect(page.locator('tv-settings-screen')).toBeVisible();
  await pressKeyCode(page, 10009);
  await expect(page.locator('tv-device-screen')).toBeVisible();
  await pressKeyCode(page, 10182);
  await expect.poll(() => page.evaluate(() => window.__tvFake?.calls ?? [])).toContain('exit');
});

test('a launch with a magic link opens the approval screen; Back goes home', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, { launchParams: { magicLink: 'not-a-real-link' } });
  await page.goto(server.url);
  await expect(page.locator('tv-approval-screen')).toBeVisible();
  await expect(page.locator('tv-home-screen')).toBeHidden();
  await page.locator('tv-approval-screen h1').waitFor();
  await page.keyboard.press('Escape');
  await expect(page.locator('tv-home-screen')).toBeVisible();
  await expect(page.locator('tv-approval-screen')).toHaveCount(0);
});

test('a relaunch with a magic link opens the approval screen; other modules can open screens with tv-navigate', async ({ page, server }) => {
  await page.addInitScript(installFakeWebos, {});
  await openHome(page, server.url);
  await page.evaluate(() => window.__tvFake?.relaunch({ magicLink: 'another-link' }));
  await expect(page.locator('tv-approval-screen')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('tv-navigate', { detail: { route: 'settings' } })));
  await expect(page.locator('tv-settings-screen')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('tv-navigate', { detail: { route: 'nowhere' } })));
  await expect(page.locator('tv-settings-screen')).toBeVisible();
});

test('the Magic Remote pointer focuses the tile under it, and an arrow key takes over again', async ({ page, server }) => {
  await openHome(page, server.url);
  const tile = page.locator('tv-tile', { hasText: 'The Long Road' });
  const box = (await tile.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await expectFocus(page, 'The Long Road');
  await expect(page.locator('tv-app')).toHaveAttribute('pointer-mode', '');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('tv-dialog')).toContainText('The Long Road');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await expectFocus(page, 'Deep Blue');
  await expect(page.locator('tv-app')).not.toHaveAttribute('pointer-mode', '');

  // webOS says when the Magic Remote's cursor shows and hides.
  const cursor = (visibility: boolean) => page.evaluate((visible) => document.dispatchEvent(new CustomEvent('cursorStateChange', { detail: { visibility: visible } })), visibility);
  await cursor(true);
  await expect(page.locator('tv-app')).toHaveAttribute('pointer-mode', '');
  await cursor(false);
  await expect(page.locator('tv-app')).not.toHaveAttribute('pointer-mode', '');
});

/** How long the first tile's zoom and its rail's slide take, as the engine computed them. */
function motionDurations(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rail = document.querySelector('tv-app')?.shadowRoot?.querySelector('tv-home-screen')?.shadowRoot?.querySelector('tv-rail')?.shadowRoot;
    const card = rail?.querySelector('tv-tile')?.shadowRoot?.querySelector('.card');
    const track = rail?.querySelector('.track');
    return [card, track].map((element) => (element ? getComputedStyle(element).transitionDuration : 'missing')).join(',');
  });
}

/** An app maker's theme turning motion on, as an inline style on the root: the strongest non-important place. */
const turnMotionOn = (page: Page) => page.evaluate(() => document.documentElement.style.setProperty('--tv-motion', '180ms'));

test('focus and rails move in one step unless the app maker turns motion on', async ({ page, server }) => {
  await openHome(page, server.url);
  expect(await motionDurations(page)).toBe('0s,0s');
  await turnMotionOn(page);
  expect(await motionDurations(page)).toBe('0.18s,0.18s');
});

test('reduced motion turns focus and scroll animations off even when the app maker turned them on, on the root or on the app', async ({ page, server }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openHome(page, server.url);
  await turnMotionOn(page);
  expect(await motionDurations(page)).toBe('0s,0s');
  await page.addStyleTag({ content: 'tv-app { --tv-motion: 180ms; }' });
  expect(await motionDurations(page)).toBe('0s,0s');
  // The same rule without the viewer's wish does glide: the check above can fail.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await motionDurations(page)).toBe('0.18s,0.18s');
});

test('a held arrow key moves steadily at a bounded rate instead of flooding', async ({ page, server }) => {
  await page.clock.install();
  await openHome(page, server.url);
  await page.evaluate(() => {
    const moves: number[] = [];
    (window as unknown as { __moves: number[] }).__moves = moves;
    window.addEventListener('tv-focus-change', () => moves.push(performance.now()), true);
  });
  // Paused, page time moves only by runFor: a loaded test machine cannot stretch the hold.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  // A remote repeating every 16 ms for 1.2 s of page time, without a keyup.
  for (let t = 0; t < 1200; t += 16) {
    await page.keyboard.down('ArrowRight');
    await page.clock.runFor(16);
  }
  await page.keyboard.up('ArrowRight');
  const moves = await page.evaluate(() => (window as unknown as { __moves: number[] }).__moves);
  expect(moves.length).toBeGreaterThanOrEqual(3);
  const gaps = moves.slice(1).map((time, i) => time - moves[i]);
  // One press never moves twice: the repeat waits out the first-press delay, then speeds up.
  expect(gaps[0]).toBeGreaterThanOrEqual(300);
  expect(gaps.slice(1).every((gap, i) => gap <= gaps[i])).toBe(true);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(80);
});

test('a dropped connection shows a notice that takes neither focus nor keys', async ({ page, server, context }) => {
  await openHome(page, server.url);
  const notice = page.locator('tv-network-notice');
  await expect(notice).not.toContainText('No network');
  await context.setOffline(true);
  await expect(notice).toContainText('No network connection');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'City at Dawn');
  await context.setOffline(false);
  await expect(notice).not.toContainText('No network', { timeout: 15_000 });
});

test('a rail behind a feature flag is hidden while the server turns the flag off', async ({ page, server }) => {
  await server.admin('settings', { body: { featureFlags: { new_dashboard: false } } });
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  await expect(page.locator('tv-rail', { hasText: 'Documentaries' })).toBeVisible();
  await expect(page.locator('tv-rail', { hasText: 'New on your dashboard' })).toBeHidden();
});

test('a rail that a feature flag shows above the focused one keeps the focused tile on screen', async ({ page, server }) => {
  // Registration (and with it the flags) answers only once the viewer has moved down a rail.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/v1/device_app_register/', async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  const dashboard = page.locator('tv-rail', { hasText: 'New on your dashboard' });
  await expect(dashboard).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, 'Glacier');
  answer();
  await expect(dashboard).toBeVisible();
  // The rails column brings the focused rail back to the top, below the hero, as an arrow would have.
  await expect.poll(async () => (await focusedBox(page)).y).toBeGreaterThanOrEqual(470);
  await expect(page.locator('tv-tile[focused]')).toBeInViewport({ ratio: 1 });
  await expectFocus(page, 'Glacier');
});

test('on a TV whose values wrap, the device screen scrolls to keep its last row inside the safe area', async ({ page, server }) => {
  // An LG set that refuses the MAC: the identifier comes from the LGUDID, a UUID that wraps.
  await page.addInitScript(installFakeWebos, { refuseMac: true });
  await openHome(page, server.url);
  await pressKeyCode(page, 403);
  await expect(page.locator('tv-registration-status')).toContainText('Next attempt');
  for (let presses = 0; presses < 20; presses++) await page.keyboard.press('ArrowDown');
  await expectFocus(page, /^Next attempt, /);
  await expect.poll(async () => {
    const row = await focusedBox(page);
    return row.y + row.height;
  }).toBeLessThanOrEqual(1080 - 54);
  // And back up: the title stays put and the first row comes back into view.
  for (let presses = 0; presses < 20; presses++) await page.keyboard.press('ArrowUp');
  await expectFocus(page, /^Identifier, /);
  await expect(page.locator('tv-device-screen [focused]')).toBeInViewport({ ratio: 1 });
  await expect.poll(async () => (await page.locator('tv-device-screen h1').boundingBox())!.y).toBe(54);
});

test('settings shows the version, platform, engine and licences, and scrolls to its last row', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, {});
  await openHome(page, server.url);
  await pressKeyCode(page, 404);
  const settings = page.locator('tv-settings-screen');
  await expect(settings).toContainText('0.1.0');
  await expect(settings).toContainText('Samsung Tizen');
  await expect(settings).toContainText(/Chromium \d+/);
  await expect(settings).toContainText('BSD-3-Clause');
  await expectFocus(page, 'App');
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
  await expectFocus(page, 'core-js');
  await expect.poll(async () => (await focusedBox(page)).y + (await focusedBox(page)).height).toBeLessThanOrEqual(1080);
  expect(await focusedLabel(page)).toContain('MIT');
});

test('at 1280×720 the same layout scales down and stays navigable', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHome(page, server.url);
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Quiet Stars');
  await expect.poll(async () => (await focusedBox(page)).x + (await focusedBox(page)).width).toBeLessThanOrEqual(1280);
});
