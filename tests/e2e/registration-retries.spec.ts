import { advance, MINUTES, reloadAfterCheck, trackApiRequests } from './support/device-helpers';
import { expect, test } from './support/fixtures';
import { REGISTER_TOKEN, expectNoSecrets, recordRegistrationTimes, requestsTo, serveConfig } from './registration-helpers';

const HOURS = 60 * MINUTES;

test('409 is recorded and never retried, not even after a reload', async ({ page, server, consoleMessages }) => {
  await server.admin('faults/register', { body: { status: 409 } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await serveConfig(page);
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).length).toBe(1);
  await advance(page, tracker, 6 * HOURS, 30 * MINUTES);
  await reloadAfterCheck(page, server);
  await advance(page, tracker, 6 * HOURS, 30 * MINUTES);
  expect(await requestsTo(server, 'register')).toHaveLength(1);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN]);
});

test('a refused token (401) stops registration until the configuration changes', async ({ page, server }) => {
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await serveConfig(page, { registerApi: { token: 'revoked-register-token' } });
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([401]);
  await advance(page, tracker, 6 * HOURS, 30 * MINUTES);
  expect(await requestsTo(server, 'register')).toHaveLength(1);

  await page.unrouteAll();
  await serveConfig(page);
  await page.reload();
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([401, 201]);
});

test('429 with Retry-After: 120 → no attempt before 120 virtual seconds, then one', async ({ page, server }) => {
  await server.admin('faults/register', { body: { status: 429, retryAfter: '120', times: 1 } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  const sentAt = await recordRegistrationTimes(page);
  await serveConfig(page);
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([429]);

  await advance(page, tracker, 115_000, 5000);
  expect(await requestsTo(server, 'register')).toHaveLength(1);
  // Retry-After plus jitter drawn from the first backoff window (60 s).
  await advance(page, tracker, 70_000, 5000);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([429, 201]);
  const [first, second] = await sentAt();
  expect(second! - first!).toBeGreaterThanOrEqual(120_000);
});

test('server errors (500) are retried with growing gaps', async ({ page, server }) => {
  await server.admin('faults/register', { body: { status: 500 } });
  // Fixes the jitter draw at the middle of each window (30 s, 60 s, 120 s, 240 s), so the doubling shows in the gaps.
  await page.addInitScript(() => {
    Math.random = () => 0.5;
  });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  const sentAt = await recordRegistrationTimes(page);
  await serveConfig(page);
  await page.goto(server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).length).toBe(1);

  await advance(page, tracker, 10 * MINUTES, 10_000);
  const times = await sentAt();
  expect(times.length).toBeGreaterThanOrEqual(5);
  const gaps = times.slice(1).map((time, i) => time - times[i]!);
  for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * 1.5);
  // The first wait is drawn from a window of about a minute.
  expect(gaps[0]!).toBeLessThanOrEqual(60_000 + 5000);
  expect((await requestsTo(server, 'register')).every((request) => request.status === 500)).toBe(true);
});
