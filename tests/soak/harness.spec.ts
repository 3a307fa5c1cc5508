import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/support/fixtures';
import { emptyOutcome, runSeed } from './driver';
import type { InvariantRule } from './invariants';
import { HOUR, MINUTE, type Scenario, type ScenarioEvent } from './scenario';

/**
 * The soak's own negative controls: an app that misbehaves in each way the soak promises to
 * catch must make it report exactly that. Without these, a soak that checks nothing would pass.
 */
const scenario = (events: ScenarioEvent[]): Scenario => ({
  seed: 0,
  config: { bodyEncoding: 'json', macFormat: 'plain', checkIntervalSeconds: 300 },
  apiRefreshInterval: 300,
  events,
});

async function violationsOf(page: Page, context: Parameters<typeof runSeed>[1], server: Parameters<typeof runSeed>[2], run: Scenario): Promise<InvariantRule[]> {
  const outcome = emptyOutcome(0);
  await runSeed(page, context, server, run, outcome, { soakMs: 2 * HOUR, recoveryMs: 30 * MINUTE });
  return outcome.violations.map((violation) => violation.rule);
}

/** Misbehaviour added to the page once it has loaded (by then timers are Playwright's fake ones). */
async function misbehave(page: Page, script: () => void): Promise<void> {
  await page.addInitScript(`window.addEventListener('load', ${script.toString()});`);
}

test('an extra device check every minute is reported as a storm', async ({ page, context, server }) => {
  await misbehave(page, () => {
    setInterval(() => void fetch('/api/device/check', { method: 'POST', body: '{}' }).catch(() => undefined), 60_000);
  });
  expect(await violationsOf(page, context, server, scenario([]))).toContain('request-storm');
});

test('a ban the viewer cannot see is reported', async ({ page, context, server }) => {
  await misbehave(page, () => {
    const style = document.createElement('style');
    style.textContent = 'tv-ban-screen { display: none !important; }';
    document.head.appendChild(style);
  });
  expect(await violationsOf(page, context, server, scenario([{ at: 20 * MINUTE, kind: 'ban', message: 'SOAKBAN-harness' }]))).toContain('ban-missing');
});

test('server text on screen outside the ban is reported', async ({ page, context, server }) => {
  await misbehave(page, () => {
    setTimeout(() => {
      const note = document.createElement('p');
      note.textContent = 'Error: Service Unavailable';
      document.body.appendChild(note);
    }, 30 * 60_000);
  });
  expect(await violationsOf(page, context, server, scenario([]))).toContain('server-text-visible');
});

test('a second registration after a 201 is reported', async ({ page, context, server }) => {
  await misbehave(page, () => {
    setTimeout(() => void fetch('/api/v1/device_app_register/', { method: 'POST', body: '{}' }).catch(() => undefined), 60 * 60_000);
  });
  expect(await violationsOf(page, context, server, scenario([]))).toContain('registration-repeated');
});

test('a request while offline and an uncaught error are reported', async ({ page, context, server, pageErrors }) => {
  await misbehave(page, () => {
    window.addEventListener('offline', () => {
      void fetch('/api/ping', { method: 'HEAD' }).catch(() => undefined);
      throw new Error('soak harness: deliberate uncaught error');
    });
  });
  const rules = await violationsOf(page, context, server, scenario([{ at: 30 * MINUTE, kind: 'offline' }, { at: 40 * MINUTE, kind: 'online' }]));
  expect(rules).toEqual(expect.arrayContaining(['sent-while-offline', 'uncaught-error']));
  // The fixture fails any test with a page error; this one was the point.
  pageErrors.splice(0);
});
