import type { Page } from '@playwright/test';
import { installFakeTizen } from './support/fake-platforms';
import { expect, test, type ReferenceServer } from './support/fixtures';
import { expectFocus, openHome } from './shell-helpers';
import { REGISTER_TOKEN, USER_TOKEN, expectNoSecrets, makeMagicLink, requestsTo, serveConfig } from './registration-helpers';

/** A Samsung TV, registered, on its approval screen (reached with the remote) with the link field focused. */
async function openApproval(page: Page, server: ReferenceServer): Promise<void> {
  await page.addInitScript(installFakeTizen, {});
  await serveConfig(page);
  await openHome(page, server.url);
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201]);
  await page.keyboard.press('ArrowUp');
  await expectFocus(page, 'Device');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Approve TV');
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-approval-screen input')).toBeFocused();
}

async function typeLink(page: Page, link: string): Promise<void> {
  await page.keyboard.type(link);
  await page.keyboard.press('Enter');
}

test('a typed link is sent on OK and approves the TV', async ({ page, server, consoleMessages }) => {
  await openApproval(page, server);
  const link = await makeMagicLink(server);
  await typeLink(page, link);
  await expect(page.locator('tv-approval-screen .result')).toContainText('permissions for device Samsung QE55Q80AATXXU approve successfully');
  expect(await requestsTo(server, 'approve')).toHaveLength(1);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('400: a mistyped link is explained', async ({ page, server }) => {
  await openApproval(page, server);
  await typeLink(page, 'ml_not-a-real-link');
  await expect(page.locator('tv-approval-screen .result')).toContainText('This link is invalid or has expired.');
});

test('401: the server refusing the user token means "not signed in"', async ({ page, server }) => {
  await openApproval(page, server);
  await server.admin('faults/approve', { body: { status: 401, times: 1 } });
  await typeLink(page, await makeMagicLink(server));
  await expect(page.locator('tv-approval-screen .result')).toContainText('You are not signed in.');
});

test('404: "not registered", the TV registers again, and Try again from the remote approves it', async ({ page, server, consoleMessages }) => {
  await openApproval(page, server);
  await server.admin('faults/approve', { body: { status: 404, times: 1 } });
  const link = await makeMagicLink(server);
  await typeLink(page, link);
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('This TV is not registered yet.');
  await expect.poll(async () => (await requestsTo(server, 'register')).map((request) => request.status)).toEqual([201, 201]);

  await page.keyboard.press('ArrowDown');
  await expect(result.locator('button.retry')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(result).toContainText('This TV is approved.');
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('OK pressed twice while the link is being sent sends it once; the TV shows it is approved', async ({ page, server, consoleMessages }) => {
  await openApproval(page, server);
  // A slow answer, so the second OK comes while "Sending…" shows, as on a lagging remote.
  await server.admin('faults/approve', { body: { delayMs: 1000, times: 1 } });
  const link = await makeMagicLink(server);
  await typeLink(page, link);
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('Sending…');
  await page.keyboard.press('Enter');
  await expect(result).toContainText('This TV is approved.');
  // And once more after the approval: the link is used up, and the screen keeps saying so.
  await page.keyboard.press('Enter');
  await expect(result).toContainText('This TV is approved.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([200]);
  expectNoSecrets(consoleMessages, [REGISTER_TOKEN, USER_TOKEN, link]);
});

test('a 200 that is an HTML page (a captive portal) is not taken for an approval, and Try again approves', async ({ page, server }) => {
  await openApproval(page, server);
  await server.admin('faults/approve', { body: { status: 200, body: 'html', times: 1 } });
  await typeLink(page, await makeMagicLink(server));
  const result = page.locator('tv-approval-screen .result');
  await expect(result).toContainText('The TV could not be approved right now.');
  await expect(result).not.toContainText('This TV is approved.');

  await page.keyboard.press('ArrowDown');
  await expect(result.locator('button.retry')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(result).toContainText('This TV is approved.');
  expect((await requestsTo(server, 'approve')).map((request) => request.status)).toEqual([200, 200]);
});

test('the focus ring stays on the marked field when a pointer click elsewhere takes the browser focus away', async ({ page, server }) => {
  await openApproval(page, server);
  await page.mouse.click(960, 1040);
  const marked = page.locator('tv-approval-screen [focused]');
  await expect(marked).toHaveCount(1);
  await expect.poll(() => marked.evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe('none');
});

test('a voice guide on the link field hears which TV is being approved', async ({ page, server }) => {
  await openApproval(page, server);
  const field = page.locator('tv-approval-screen input');
  await expect(field).toHaveAccessibleName('Magic link');
  await expect(field).toHaveAccessibleDescription(/Samsung QE55Q80AATXXU/);
  // Low vision: the Send button's text stands out from its colour (WCAG AA, 4.5:1).
  const [text, background] = await page.locator('tv-approval-screen button.send').evaluate((button) => [getComputedStyle(button).color, getComputedStyle(button).backgroundColor]);
  expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
});

/** WCAG contrast of two `rgb(r, g, b)` colours. */
function contrastRatio(first: string, second: string): number {
  const luminance = (colour: string): number => {
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
