import type { Page } from '@playwright/test';
import { advance, advanceUntil, countOf, deviceCalls, MINUTES, ONE_INTERVAL, sentMac, trackApiRequests } from './support/device-helpers';
import { expect, test, type ReferenceServer } from './support/fixtures';

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
    await server.admin('faults/check', { body: fault });
    await advance(page, tracker, ONE_INTERVAL);
    expect(tracker.sent('/api/device/check')).toBe(2);
    await expect(page.locator('tv-ban-screen')).toBeHidden();
    await expect(page.locator('tv-app')).toBeVisible();
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
