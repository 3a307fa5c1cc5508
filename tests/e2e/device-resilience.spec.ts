import type { Page } from '@playwright/test';
import { advance, advanceUntil, countOf, deviceCalls, MINUTES, ONE_INTERVAL, sentMac, trackApiRequests } from './support/device-helpers';
import { expect, test, type ReferenceServer } from './support/fixtures';
import { expectFocus, focusedLabel } from './shell-helpers';

/** Starts the app on a fake clock and waits for its first check to finish. */
async function startChecked(page: Page, server: ReferenceServer) {
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  const mac = await sentMac(server);
  await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check']);
  await tracker.idle();
  return { mac, tracker };
}

test('device_not_found makes the app add the device, then check again once', async ({ page, server }) => {
  const { mac, tracker } = await startChecked(page, server);
  await server.admin(`devices/${mac}`, { method: 'DELETE' });
  await advance(page, tracker, ONE_INTERVAL);
  // Management is known to be on: the tick is a check alone, no configs.
  expect((await deviceCalls(server)).slice(3)).toEqual(['check', 'add', 'check']);
  const state = await server.admin<{ devices: Array<{ mac_address: string }> }>('state');
  expect(state.devices.map((device) => device.mac_address)).toEqual([mac]);
});

test('with device management off, no add or check is ever sent', async ({ page, server }) => {
  await server.admin('settings', { body: { device_management: 0 } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  await expect.poll(() => countOf(server, 'configs')).toBe(1);
  await advance(page, tracker, 15 * MINUTES);
  const calls = await deviceCalls(server);
  expect(calls.length).toBeGreaterThanOrEqual(3);
  expect(calls.every((endpoint) => endpoint === 'configs')).toBe(true);
});

test('while the ping gets no answer no device request is sent; one check follows when it answers', async ({ page, server }) => {
  const { tracker } = await startChecked(page, server);
  await server.admin('faults/ping', { body: { drop: true } });
  await advance(page, tracker, 20 * MINUTES);
  expect(await countOf(server, 'ping')).toBeGreaterThan(3);
  expect(await deviceCalls(server)).toEqual(['configs', 'add', 'check']);
  await server.admin('faults/ping', { method: 'DELETE' });
  // The retry timer runs on its own phase: wait for the first chain after the ping answers.
  await advanceUntil(page, tracker, async () => (await countOf(server, 'check')) > 1, ONE_INTERVAL);
  expect((await deviceCalls(server)).slice(3)).toEqual(['configs', 'check']);
});

test('offline, nothing is sent at all, not even the ping; reconnecting sends exactly one check', async ({ page, context, server }) => {
  const { tracker } = await startChecked(page, server);
  const pingsBefore = await countOf(server, 'ping');
  await context.setOffline(true);
  await advance(page, tracker, 30 * MINUTES);
  expect(await countOf(server, 'ping')).toBe(pingsBefore);
  expect(await deviceCalls(server)).toEqual(['configs', 'add', 'check']);

  await context.setOffline(false);
  // The reconnect alone triggers the overdue check, without waiting for the next tick.
  await expect.poll(() => deviceCalls(server)).toEqual(['configs', 'add', 'check', 'configs', 'check']);
  await advance(page, tracker, 2 * MINUTES);
  expect((await deviceCalls(server)).length).toBe(5);
});

/**
 * Every text on the screen, in document order, through shadow roots and slots. Only what is in
 * the viewport: rails below it may still be drawn a slice at a time when the page is idle.
 */
function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const onScreen = (text: Text): boolean => {
      const range = document.createRange();
      range.selectNodeContents(text);
      return Array.from(range.getClientRects()).some((box) => box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight);
    };
    const walk = (node: Node): void => {
      if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).forEach(walk);
      if (node instanceof Text) {
        const text = node.textContent?.trim();
        if (text && node.parentElement?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && onScreen(node)) seen.push(text);
        return;
      }
      if (node instanceof Element && !node.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
      (node instanceof Element && node.shadowRoot ? node.shadowRoot : node).childNodes.forEach(walk);
    };
    walk(document.body);
    return seen;
  });
}

const BROKEN_ANSWERS = [
  ['a 500 error', { status: 500 }],
  ['an HTML error page', { status: 502, body: 'html' }],
  ['an HTML page with status 200', { status: 200, body: 'html' }],
  ['broken JSON', { status: 200, body: 'truncated' }],
  ['an empty body', { status: 200, body: 'empty' }],
  ['another error code', { errorCode: 'maintenance_mode' }],
  ['a dropped connection', { drop: true }],
] as const;

for (const [name, fault] of BROKEN_ANSWERS) {
  test(`${name} from check shows the viewer nothing and is retried at the next tick`, async ({ page, server, consoleMessages }) => {
    const { tracker } = await startChecked(page, server);
    const heading = page.locator('tv-home-screen h1');
    await expect(heading).toBeVisible();
    const title = await heading.textContent();
    await expectFocus(page, 'Northern Lights');
    // The rail behind a registration flag: once it shows, registration no longer changes the screen.
    await expect(page.locator('tv-rail', { hasText: 'New on your dashboard' })).toBeVisible();
    const tile = await focusedLabel(page);
    const before = await visibleText(page);
    await server.admin('faults/check', { body: fault });
    await advance(page, tracker, ONE_INTERVAL);
    expect(tracker.sent('/api/device/check')).toBe(2);
    // Home as it was, with focus where the viewer left it; no ban, dialog or network notice.
    await expect(heading).toBeVisible();
    await expect(heading).toHaveText(title ?? '');
    expect(await focusedLabel(page)).toBe(tile);
    await expect(page.locator('tv-ban-screen')).toBeHidden();
    await expect(page.locator('tv-dialog')).toHaveCount(0);
    await expect(page.locator('tv-network-notice [role="status"]')).toBeEmpty();
    expect(await visibleText(page)).toEqual(before);
    await server.admin('faults/check', { method: 'DELETE' });
    await advance(page, tracker, ONE_INTERVAL);
    expect(tracker.sent('/api/device/check')).toBe(3);
    // Logged for testers as a warning; nothing reaches the viewer, no error is thrown.
    expect(consoleMessages.filter((m) => m.type() === 'warning').map((m) => m.text()).join('\n')).toContain('device check failed');
  });
}

test('broken configs and add answers show nothing and never stop the checks', async ({ page, server }) => {
  await server.admin('faults/configs', { body: { status: 200, body: 'html' } });
  await server.admin('faults/add', { body: { status: 500, body: 'truncated' } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  // Configs never answered usably: the flag was never known, so nothing is sent.
  await expect.poll(() => countOf(server, 'configs')).toBe(1);
  await tracker.idle();
  expect(await deviceCalls(server)).toEqual(['configs']);
  await server.admin('faults/configs', { method: 'DELETE' });
  await advance(page, tracker, ONE_INTERVAL);
  // A failed add still checks (the device may be known already); the add is retried next time.
  expect((await deviceCalls(server)).slice(1)).toEqual(['configs', 'add', 'check']);
  await server.admin('faults/add', { method: 'DELETE' });
  await advance(page, tracker, ONE_INTERVAL);
  expect((await deviceCalls(server)).slice(4)).toEqual(['add', 'check']);
  await expect(page.locator('tv-ban-screen')).toBeHidden();
});
