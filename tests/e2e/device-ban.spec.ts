import type { Page } from '@playwright/test';
import { advance, countOf, ONE_INTERVAL, sentMac, trackApiRequests } from './support/device-helpers';
import { installFakeTizen, installFakeWebos } from './support/fake-platforms';
import { expect, test, type ReferenceServer } from './support/fixtures';

const banScreen = (page: Page) => page.locator('tv-ban-screen');
const banMessage = (page: Page) => page.locator('tv-ban-screen .message');

/** Starts the app on a fake clock, bans its device on the server and lets one interval pass. */
async function banDuringSession(page: Page, server: ReferenceServer, message: string) {
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  const mac = await sentMac(server);
  await expect.poll(() => countOf(server, 'check')).toBe(1);
  await expect(banScreen(page)).toBeHidden();
  await server.admin(`devices/${mac}/ban`, { body: { message } });
  await advance(page, tracker, ONE_INTERVAL);
  await expect(banMessage(page)).toBeVisible();
  return { mac, tracker };
}

/** Presses a TV remote key the way the platform delivers it: a keydown with its keyCode. */
async function pressRemoteKey(page: Page, keyCode: number): Promise<void> {
  await page.evaluate((code) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'keyCode', { value: code });
      (document.activeElement ?? document.body).dispatchEvent(event);
    }
  }, keyCode);
}

test('a ban covers the whole screen in black with the server message, and keys do not dismiss it', async ({ page, server }) => {
  await banDuringSession(page, server, 'This TV is banned. Call 0800 123 456.');
  await expect(banMessage(page)).toHaveText('This TV is banned. Call 0800 123 456.');
  expect(await banScreen(page).boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  await expect(banScreen(page)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  // Above everything: the centre and the corners of the screen belong to the ban screen.
  const topmost = await page.evaluate(() => [[960, 540], [5, 5], [1915, 1075]].map(([x, y]) => document.elementFromPoint(x, y)?.tagName));
  expect(topmost).toEqual(['TV-BAN-SCREEN', 'TV-BAN-SCREEN', 'TV-BAN-SCREEN']);

  // Whatever the shell listens to, it hears nothing while the ban shows.
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    for (const target of [window, document]) target.addEventListener('keydown', (event) => heard.push((event as KeyboardEvent).key), true);
  });
  for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Escape', 'Backspace', 'Tab']) await page.keyboard.press(key);
  await expect(banMessage(page)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TV-BAN-SCREEN');
  await expect(page.locator('tv-app')).toHaveAttribute('inert', '');
});

test('an HTML or script message is shown as text, never run', async ({ page, server }) => {
  const message = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>Banned</b>';
  await banDuringSession(page, server, message);
  await expect(banMessage(page)).toHaveText(message);
  expect(await banScreen(page).locator('img, script, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('the ban survives a reload while the API is down', async ({ page, server }) => {
  await banDuringSession(page, server, 'Banned until further notice');
  const refused: string[] = [];
  await page.route('**/api/**', (route) => {
    refused.push(new URL(route.request().url()).pathname);
    return route.abort('connectionrefused');
  });
  await page.reload();
  await expect(banMessage(page)).toHaveText('Banned until further notice');
  await expect(banScreen(page)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  // With the ping refused, no device request was even tried: the ban came from storage.
  await expect.poll(() => refused).toContain('/api/ping');
  expect(refused.filter((path) => path.startsWith('/api/device/') || path.startsWith('/api/base/'))).toEqual([]);
});

test('the ban disappears live after an unban, without a reload', async ({ page, server }) => {
  const { mac, tracker } = await banDuringSession(page, server, 'Banned');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await server.admin(`devices/${mac}/unban`, { method: 'POST' });
  await advance(page, tracker, ONE_INTERVAL);
  await expect(banScreen(page)).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(page.locator('tv-app')).not.toHaveAttribute('inert');
});

test('switching device management off lifts the ban live', async ({ page, server }) => {
  const { tracker } = await banDuringSession(page, server, 'Banned');
  await server.admin('settings', { body: { device_management: 0 } });
  await advance(page, tracker, ONE_INTERVAL);
  await expect(banScreen(page)).toBeHidden();
});

test('a ban message of the longest kept length shows whole, down to its last line', async ({ page, server }) => {
  const ending = 'To appeal, call support on 0800 123 456.';
  const message = `${'This television has been banned from the service for breaking its terms of use. '.repeat(12)}${ending}`.slice(-1000);
  await banDuringSession(page, server, message);
  await expect(banMessage(page)).toHaveText(message);
  // Nothing cut: the paragraph holds its whole text, and its last line lies on the screen.
  const fit = () =>
    banMessage(page).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const rects = range.getClientRects();
      return { overflow: element.scrollHeight - element.clientHeight, lastLineBottom: rects[rects.length - 1].bottom, fontSize: parseFloat(getComputedStyle(element).fontSize) };
    });
  const wide = await fit();
  expect(wide.overflow).toBeLessThanOrEqual(0);
  expect(wide.lastLineBottom).toBeLessThanOrEqual(1080);
  expect(wide.fontSize).toBeGreaterThanOrEqual(24);
  // A narrower window (a tester's, or a 4:3 set) is fitted again.
  await page.setViewportSize({ width: 1440, height: 1080 });
  await expect.poll(async () => (await fit()).overflow).toBeLessThanOrEqual(0);
});

test('the ban screen stays readable on a 1280×720 TV', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await banDuringSession(page, server, 'Banned on a small screen');
  expect(await banScreen(page).boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  const fontSize = await banMessage(page).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  // Big enough to read from a sofa on a 720p panel, and it scales with the screen.
  expect(fontSize).toBeGreaterThanOrEqual(28);
});

test('Back on a Samsung remote leaves the app from the ban screen; arrows and OK do not', async ({ page, server }) => {
  await page.addInitScript(installFakeTizen, {});
  await banDuringSession(page, server, 'Banned');
  for (const code of [37, 38, 39, 40, 13]) await pressRemoteKey(page, code);
  expect(await page.evaluate(() => window.__tvFake?.calls.filter((call) => call === 'exit'))).toEqual([]);
  await pressRemoteKey(page, 10009);
  expect(await page.evaluate(() => window.__tvFake?.calls.filter((call) => call === 'exit'))).toEqual(['exit']);
  await pressRemoteKey(page, 10182);
  expect(await page.evaluate(() => window.__tvFake?.calls.filter((call) => call === 'exit'))).toEqual(['exit', 'exit']);
});

test('Back on an LG remote leaves the app from the ban screen', async ({ page, server }) => {
  await page.addInitScript(installFakeWebos, {});
  await banDuringSession(page, server, 'Banned');
  await pressRemoteKey(page, 461);
  expect(await page.evaluate(() => window.__tvFake?.calls)).toContain('exit');
  await expect(banMessage(page)).toBeVisible();
});
