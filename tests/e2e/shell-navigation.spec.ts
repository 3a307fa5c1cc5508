import { expect, test } from './support/fixtures';
import { expectFocus, focused, focusedBox, focusedLabel, openHome, pressKeyCode } from './shell-helpers';

test('arrows walk the home screen in all four directions', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'City at Dawn');
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, 'Continue watching');
  await page.keyboard.press('ArrowLeft');
  await expectFocus(page, 'Live now');
  await page.keyboard.press('ArrowUp'); // the first rail remembers where the viewer left it
  await expectFocus(page, 'City at Dawn');
  await page.keyboard.press('ArrowUp');
  await expectFocus(page, 'Device');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Settings');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Approve TV');
  // The focus engine gives real DOM focus too, so screen readers follow it.
  const activeIsMarked = await page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.hasAttribute('focused');
  });
  expect(activeIsMarked).toBe(true);
});

test('a rail returns to the tile the viewer left, and skips tiles that are not available', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Deep Blue');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expectFocus(page, 'Deep Blue');

  // Documentaries: "Night Shift" (coming soon) sits between "Sand and Stone" and "Old Growth".
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, /Glacier|The Makers|River Song/);
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Tides');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectFocus(page, 'Sand and Stone');
});

test('rails scroll by transform to keep the focused tile on screen', async ({ page, server }) => {
  await openHome(page, server.url);
  const viewport = page.viewportSize();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Quiet Stars');
  await expect.poll(async () => (await focusedBox(page)).x + (await focusedBox(page)).width).toBeLessThanOrEqual(viewport!.width);
  const firstTile = page.locator('tv-tile', { hasText: 'Northern Lights' });
  await expect.poll(async () => ((await firstTile.boundingBox())?.x ?? 0) + ((await firstTile.boundingBox())?.width ?? 0)).toBeLessThan(0);

  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expectFocus(page, /Robot Friends|Dino Dig|Tiny Astronauts|Ocean Pals|Build It|Sing Along|Grow/);
  await expect.poll(async () => (await focusedBox(page)).y + (await focusedBox(page)).height).toBeLessThanOrEqual(viewport!.height);
  // Moved by transform: the page itself never scrolled.
  expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
});

test('Back returns to the previous screen with the same tile focused', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Deep Blue');
  await pressKeyCode(page, 404); // green: settings
  await expect(page.locator('tv-settings-screen h1')).toHaveText('Settings');
  await expect(page.locator('tv-home-screen')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('tv-settings-screen')).toHaveCount(0);
  await expectFocus(page, 'Deep Blue');
});

test('the device screen takes focus row by row, read with label and value, and OK there leaves the hidden home alone', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Approve TV');
  await pressKeyCode(page, 403); // red: the device screen
  await expect(page.locator('tv-device-screen')).toBeVisible();
  const row = page.locator('tv-device-screen [focused]');
  await expect(row).toHaveAccessibleName(/^Identifier, [0-9A-F]{2}(:[0-9A-F]{2}){5}$/);
  await page.keyboard.press('ArrowRight');
  await expect(row).toHaveAccessibleName('Network, Online');
  await page.keyboard.press('ArrowDown');
  await expect(row).toHaveAccessibleName(/^Management, /);
  // The registration card is its own component: focus reaches its rows too.
  for (let presses = 0; presses < 8; presses++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('tv-registration-status [focused]')).toHaveAccessibleName(/^(State|Last answer|Next attempt), /);
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-device-screen')).toBeVisible();
  await expect(page.locator('tv-approval-screen, tv-settings-screen')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expectFocus(page, 'Approve TV');
});

test('a colour key pressed while the exit question is up opens its screen and drops the question', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('Escape');
  await expect(page.locator('tv-dialog')).toContainText('Exit');
  await pressKeyCode(page, 404); // green: settings
  await expect(page.locator('tv-settings-screen h1')).toHaveText('Settings');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
  await expectFocus(page, /./);
  await page.keyboard.press('Escape');
  await expectFocus(page, 'Northern Lights');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
});

for (const [platform, keyCode] of [
  ['Tizen', 10009],
  ['webOS', 461],
] as const) {
  test(`the ${platform} Back key code (${keyCode}) goes back, and asks before leaving from home`, async ({ page, server }) => {
    await openHome(page, server.url);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.locator('tv-settings-screen h1')).toHaveText('Settings');
    await pressKeyCode(page, keyCode);
    await expectFocus(page, 'Settings');
    await pressKeyCode(page, keyCode);
    await expect(page.locator('tv-dialog')).toContainText('Exit');
  });
}

test('a voice guide hears each tile once, with its rail and its place in it', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'City at Dawn');
  const tile = page.locator('tv-tile[focused]');
  await expect(tile).toHaveAccessibleName(/^City at Dawn, .+, 2 of 8$/);
  await expect(page.getByRole('group', { name: 'Featured' }).locator('tv-tile[focused]')).toHaveCount(1);
  // The hero follows focus: as a live region it would read the tile again, then its description.
  await expect(page.locator('tv-home-screen [aria-live]')).toHaveCount(0);
});

test('in settings, lists are named by their headings, rows are read as label and value, "Device information" as a link, and OK on it opens the device screen', async ({ page, server }) => {
  await openHome(page, server.url);
  await pressKeyCode(page, 404); // green: settings
  // Each row is read as its label and value.
  await expect(page.locator('tv-settings-screen [focused]')).toHaveAccessibleName(/^[^,]+, .+/);
  // Each list is named by its heading, so a voice guide entering it says which part it is in.
  const settings = page.locator('tv-settings-screen');
  await expect(settings.getByRole('list', { name: 'About' }).getByRole('listitem')).toHaveCount(6);
  await expect(settings.getByRole('list', { name: 'Remote control' }).getByRole('listitem')).toHaveCount(4);
  await expect(settings.locator('[role=list] h2')).toHaveCount(0);
  const link = settings.getByRole('list', { name: 'About' }).getByRole('link', { name: /Device information/ });
  await expect(link).toBeVisible();
  for (let presses = 0; presses < 10 && (await link.getAttribute('focused')) === null; presses++) await page.keyboard.press('ArrowDown');
  await expect(link).toHaveAttribute('focused');
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-device-screen')).toBeVisible();
});

test('a voice guide hears a dialog\'s title and text, not only its focused button', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('Escape');
  const exit = page.getByRole('dialog');
  await expect(exit).toHaveAccessibleName('Exit tv-app?');
  await expect(exit).toHaveAccessibleDescription(/You can open it again from your TV's home screen/);
  await page.keyboard.press('Escape');
  await expectFocus(page, 'Northern Lights');
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog');
  await expect(details).toHaveAccessibleName('Northern Lights');
  await expect(details).toHaveAccessibleDescription(/A winter on the Arctic coast/);
});

test('a dialog keeps focus inside and gives it back when it closes', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const dialog = page.locator('tv-dialog');
  await expect(dialog).toContainText('City at Dawn');
  await expectFocus(page, 'Close');
  for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
    await page.keyboard.press(key);
    await expectFocus(page, 'Close');
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectFocus(page, 'City at Dawn');

  // The exit confirmation: two buttons, the safe one first, and focus never leaves it.
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, 'Continue watching');
  await page.keyboard.press('Escape');
  await expectFocus(page, 'Cancel');
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Exit');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, 'Exit');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expectFocus(page, 'Continue watching');
});

test('focus moves on when the focused tile disappears', async ({ page, server }) => {
  await openHome(page, server.url);
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'City at Dawn');
  await page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | undefined => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.hasAttribute('focused')) return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return undefined;
    };
    find(document)?.remove();
  });
  await expectFocus(page, 'Deep Blue');
  await expect(focused(page)).toHaveCount(1);
});

test('right-to-left: rails start at the right, Left goes forward, and they scroll the other way', async ({ page, server }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('dir', 'rtl')));
  await openHome(page, server.url);
  const first = await focusedBox(page);
  expect(first.x + first.width).toBeGreaterThan(1920 - 200);
  await page.keyboard.press('ArrowLeft');
  await expectFocus(page, 'City at Dawn');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expectFocus(page, 'Quiet Stars');
  await expect.poll(async () => (await focusedBox(page)).x).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'Harvest');
});

test('a first rail with nothing available yet comes back into view when the viewer goes up to the header', async ({ page, server }) => {
  await page.route('**/catalog.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    for (const tile of catalog.rails[0].tiles) tile.comingSoon = true;
    await route.fulfill({ json: catalog });
  });
  await page.goto(server.url);
  await expect(page.locator('tv-rail', { hasText: 'New on your dashboard' })).toBeVisible();
  const first = page.locator('tv-rail').first();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(first).not.toBeInViewport();
  const header = /^(Device|Settings|Approve TV)$/;
  for (let presses = 0; presses < 5 && !header.test(await focusedLabel(page)); presses++) await page.keyboard.press('ArrowUp');
  await expectFocus(page, header);
  await expect(first).toBeInViewport({ ratio: 1 });
});

test('right-to-left: numbers and times in settings read in their own order', async ({ page, server }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('dir', 'rtl')));
  await openHome(page, server.url);
  await pressKeyCode(page, 404); // green: settings
  const screen = page.locator('tv-settings-screen .row', { has: page.locator('.label', { hasText: /^Screen$/ }) }).locator('.value');
  await expect(screen).toHaveText('1920 × 1080');
  // Where each number is drawn: "1920" must come first, at the left, as it is written.
  const order = await screen.evaluate((value) => {
    const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode();
    while (text && !text.textContent?.includes('×')) text = walker.nextNode();
    const at = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(text!, start);
      range.setEnd(text!, end);
      return range.getBoundingClientRect().left;
    };
    return { width: at(0, 4), height: at(7, 11) };
  });
  expect(order.width).toBeLessThan(order.height);
});
