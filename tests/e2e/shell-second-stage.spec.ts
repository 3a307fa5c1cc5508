import type { ConsoleMessage, Page } from '@playwright/test';
import { countOf, trackApiRequests } from './support/device-helpers';
import { installFakeTizen } from './support/fake-platforms';
import { expect, test, type ReferenceServer } from './support/fixtures';
import { breakSecondStage, holdSecondStage, SECOND_STAGE, type HeldScript } from './support/second-stage';
import { REGISTER_TOKEN, USER_TOKEN, expectNoSecrets, makeMagicLink, requestsTo, serveConfig } from './registration-helpers';
import { expectFocus, pressKeyCode } from './shell-helpers';

const RED = 403;
const GREEN = 404;
const BACK = 10009;
/** A script still loading holds the page's `load` event back: the page is up before that. */
const PAGE_UP = { waitUntil: 'domcontentloaded' } as const;

/** A fake Tizen TV on home, its first tile focused, with the second script held back on its way. */
async function openHomeOnFakeTizen(page: Page, url: string): Promise<HeldScript> {
  const script = await holdSecondStage(page);
  await page.addInitScript(installFakeTizen, {});
  await page.goto(url, PAGE_UP);
  await script.requested;
  await expectFocus(page, 'Northern Lights');
  return script;
}

const errorsLogged = (messages: ConsoleMessage[]) => messages.filter((message) => message.type() === 'error').map((message) => message.text());
/** The app's own error lines, without the browser's lines about failed requests. */
const appErrorsLogged = (messages: ConsoleMessage[]) => errorsLogged(messages).filter((text) => text.startsWith('[tv-app'));

for (const failure of ['network error', '404', 'cut off'] as const) {
  test.describe(() => {
    if (failure === 'cut off') test.use({ allowedPageErrors: ['SyntaxError'] });
    test(`when the second script cannot load (${failure}), home, its keys and the device checks go on`, async ({ page, server, consoleMessages, pageErrors }) => {
      await breakSecondStage(page, failure);
      await page.addInitScript(installFakeTizen, {});
      await page.goto(server.url);
      await expectFocus(page, 'Northern Lights');
      await expect
        .poll(() => errorsLogged(consoleMessages))
        .toContainEqual(expect.stringMatching(/registration, approval and the other screens are unavailable for now \(script second-stage-[\w-]+\.js .+\); home and device checks go on/));
      await expect.poll(() => countOf(server, 'check')).toBeGreaterThan(0);
      expect(await countOf(server, 'register')).toBe(0);

      // Every way to a screen of the second script (the colour keys, home's own buttons) asks for
      // the script once more, and gives that screen up when it fails again.
      const givenUp = () => consoleMessages.filter((message) => message.type() === 'warning' && /the (device|settings) screen is unavailable: its script did not load/.test(message.text())).length;
      await page.keyboard.press('ArrowRight');
      await expectFocus(page, 'City at Dawn');
      await pressKeyCode(page, RED);
      await expect.poll(givenUp).toBe(1);
      await pressKeyCode(page, GREEN);
      await expect.poll(givenUp).toBe(2);
      await page.keyboard.press('ArrowUp');
      await expectFocus(page, 'Device');
      await page.keyboard.press('Enter');
      await expect.poll(givenUp).toBe(3);
      await page.keyboard.press('ArrowDown');
      await expectFocus(page, 'City at Dawn');
      await expect(page.locator('tv-home-screen')).toBeVisible();

      // Nothing else ever opened, so Back on home asks before leaving, at the first press.
      await pressKeyCode(page, BACK);
      await expectFocus(page, 'Cancel');
      await page.keyboard.press('Enter');
      await expect(page.locator('tv-dialog')).toHaveCount(0);
      await expectFocus(page, 'City at Dawn');

      // A script cut off half-way is refused by the engine itself, at every attempt: those are the only page errors.
      if (failure === 'cut off') expect(pageErrors.map((error) => error.name)).toContain('SyntaxError');
    });
  });
}

test('a second script that failed to arrive is asked for again by the next screen the viewer asks for', async ({ page, server, consoleMessages }) => {
  await breakSecondStage(page, 'network error', { times: 1 });
  await page.addInitScript(installFakeTizen, {});
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  await expect.poll(() => errorsLogged(consoleMessages)).toContainEqual(expect.stringContaining('the other screens are unavailable for now'));
  expect(await countOf(server, 'register')).toBe(0);

  await pressKeyCode(page, RED);
  await expect(page.locator('tv-device-screen h1')).toHaveText('Device');
  // With the script in, registration starts as it would have at start-up.
  await expect.poll(() => countOf(server, 'register')).toBeGreaterThan(0);
});

test('a second script that cannot arrive while the TV is offline is only a warning, and arrives once it is back online', async ({ page, context, server, consoleMessages }) => {
  await page.route(
    SECOND_STAGE,
    async (route) => {
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    },
    { times: 1 },
  );
  await page.addInitScript(installFakeTizen, {});
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  const warnings = () => consoleMessages.filter((message) => message.type() === 'warning').map((message) => message.text());
  await expect.poll(warnings).toContainEqual(expect.stringContaining('the other screens are unavailable while the TV is offline'));
  expect(appErrorsLogged(consoleMessages)).toEqual([]);
  expect(await countOf(server, 'register')).toBe(0);

  // Back online, the device check that catches up asks for the script again, and registration starts.
  await context.setOffline(false);
  await expect.poll(() => countOf(server, 'register')).toBeGreaterThan(0);
  await pressKeyCode(page, RED);
  await expect(page.locator('tv-device-screen h1')).toHaveText('Device');
  expect(appErrorsLogged(consoleMessages)).toEqual([]);
});

test('a red press made while the second script is on its way opens the device screen when it arrives; Back returns to the tile', async ({ page, server }) => {
  const script = await openHomeOnFakeTizen(page, server.url);

  await pressKeyCode(page, RED);
  // Home stays up and usable until the device screen can show.
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'City at Dawn');
  await expect(page.locator('tv-home-screen')).toBeVisible();
  await expect(page.locator('tv-device-screen')).toHaveCount(0);

  script.release();
  await expect(page.locator('tv-device-screen')).toBeVisible();
  await expect(page.locator('tv-home-screen')).toBeHidden();
  await expect(page.locator('tv-device-screen h1')).toHaveText('Device');

  await pressKeyCode(page, BACK);
  await expect(page.locator('tv-device-screen')).toHaveCount(0);
  await expectFocus(page, 'City at Dawn');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
});

test('a green press while the second script is on its way puts focus inside the settings screen once it arrives', async ({ page, server }) => {
  const script = await openHomeOnFakeTizen(page, server.url);
  await pressKeyCode(page, GREEN);
  script.release();
  await expect(page.locator('tv-settings-screen')).toBeVisible();
  await expect(page.locator('tv-settings-screen [focused]')).toHaveCount(1);
  await pressKeyCode(page, BACK);
  await expectFocus(page, 'Northern Lights');
});

test('Back pressed before the second script arrives cancels the screen asked for, without the exit question', async ({ page, server }) => {
  const script = await openHomeOnFakeTizen(page, server.url);

  await pressKeyCode(page, RED);
  await pressKeyCode(page, BACK);
  script.release();
  // Registration starts with the second script: once it has gone out, that script has run.
  await expect.poll(() => countOf(server, 'register')).toBeGreaterThan(0);
  await expect(page.locator('tv-dialog')).toHaveCount(0);
  await expect(page.locator('tv-device-screen')).toHaveCount(0);
  await expectFocus(page, 'Northern Lights');

  await pressKeyCode(page, BACK);
  await expectFocus(page, 'Cancel');
});

test('a ?magicLink= launch while the second script is slow shows home first, then approval sending the link', async ({ page, server, consoleMessages }) => {
  const link = await makeMagicLink(server);
  await serveConfig(page);
  const script = await holdSecondStage(page);
  await page.goto(`${server.url}?magicLink=${encodeURIComponent(link)}`, PAGE_UP);
  await script.requested;

  await expect(page.locator('tv-home-screen')).toBeVisible();
  await expectFocus(page, 'Northern Lights');
  await expect(page.locator('tv-approval-screen')).toHaveCount(0);
  expect(await requestsTo(server, 'approve')).toHaveLength(0);

  script.release();
  await expect(page.locator('tv-approval-screen')).toBeVisible();
  await expect(page.locator('tv-home-screen')).toBeHidden();
  await expect(page.locator('tv-approval-screen .result')).toContainText('This TV is approved.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([200]);
  expect(page.url()).not.toContain('magicLink');

  await page.keyboard.press('Escape');
  await expect(page.locator('tv-approval-screen')).toHaveCount(0);
  await expectFocus(page, 'Northern Lights');
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('the second script is asked for only once the first device check has been answered', async ({ page, server }) => {
  const order: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/device/check')) order.push('check answered');
  });
  page.on('request', (request) => {
    if (/\/assets\/second-stage-[\w-]+\.js$/.test(request.url())) order.push('second script asked');
  });
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  await expect.poll(() => countOf(server, 'register')).toBeGreaterThan(0);
  expect(order).toEqual(['check answered', 'second script asked']);
});

/** Home on a fake clock, its first device check sent and left hanging by the server. */
async function openHomeWithHungCheck(page: Page, server: ReferenceServer): Promise<void> {
  await server.admin('faults/check', { body: { delayMs: 60_000 } });
  await page.clock.install();
  const tracker = trackApiRequests(page);
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  await expect.poll(() => tracker.sent('/api/device/check')).toBe(1);
}

test('a first device check that hangs holds neither registration nor the screens back', async ({ page, server }) => {
  await openHomeWithHungCheck(page, server);
  await page.clock.fastForward(3000);
  await expect.poll(() => countOf(server, 'register')).toBeGreaterThan(0);
  await pressKeyCode(page, RED);
  await expect(page.locator('tv-device-screen h1')).toHaveText('Device');
  // The server logs a request once it answers: the check is still on its way.
  expect(await countOf(server, 'check')).toBe(0);
});

test('a red press while the first device check hangs opens the device screen at once', async ({ page, server }) => {
  await openHomeWithHungCheck(page, server);
  await pressKeyCode(page, RED);
  await expect(page.locator('tv-device-screen h1')).toHaveText('Device');
});
