import { expect, test } from './support/fixtures';
import { expectFocus, focusedBox, openHome } from './shell-helpers';

test('the rails below the screen and the tiles past its edge are drawn soon after the first paint', async ({ page, server }) => {
  await openHome(page, server.url);
  await expect(page.locator('tv-rail')).toHaveCount(5);
  await expect(page.locator('tv-rail', { hasText: 'Featured' }).locator('tv-tile')).toHaveCount(8);
  await expect(page.locator('tv-rail', { hasText: 'Kids' }).locator('tv-tile')).toHaveCount(7);
});

test.describe('on a TV too busy to draw the rest of the screen yet', () => {
  // Idle time never comes, so only what fills the screen at start-up is drawn. Without motion,
  // tiles sit still where a press measures them.
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
  });

  test('Down reaches the rails below the screen and Right the tiles past its edge', async ({ page, server }) => {
    await openHome(page, server.url);
    await expect(page.locator('tv-rail')).toHaveCount(2);
    await expect(page.locator('tv-rail', { hasText: 'Featured' }).locator('tv-tile')).toHaveCount(5);

    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expectFocus(page, 'Harvest');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, 'Trending');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await expectFocus(page, /Island Hopping|Above the Clouds|Savanna|Canopy|Fjords|Coral Cities|Slow Trains|Wetlands/);
    await expect.poll(async () => (await focusedBox(page)).y).toBeGreaterThan(0);
    await expect.poll(async () => (await focusedBox(page)).y + (await focusedBox(page)).height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, /Robot Friends|Dino Dig|Tiny Astronauts|Ocean Pals|Build It|Sing Along|Grow/);
  });
});

test('a tile with a very long title and description still shows its details with Close on the screen', async ({ page, server }) => {
  await page.route('**/catalog.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    Object.assign(catalog.rails[0].tiles[0], { title: 'A title that goes on '.repeat(12), description: 'A description that never ends. '.repeat(90) });
    await route.fulfill({ json: catalog });
  });
  await page.goto(server.url);
  await expect(page.locator('tv-tile[focused]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expectFocus(page, 'Close');
  const stage = { width: 1920, height: 1080 };
  const close = await focusedBox(page);
  expect(close.y + close.height).toBeLessThanOrEqual(stage.height);
  const panel = await page.locator('tv-dialog .panel').boundingBox();
  expect(panel!.y).toBeGreaterThanOrEqual(0);
  expect(panel!.y + panel!.height).toBeLessThanOrEqual(stage.height);
  // Close sits inside the panel, below the text, not over it.
  expect(close.y + close.height).toBeLessThanOrEqual(panel!.y + panel!.height);
  await page.keyboard.press('Enter');
  await expect(page.locator('tv-dialog')).toHaveCount(0);
});

test('no tile text is smaller than 24 px on the 1080p stage, the least that reads from the sofa', async ({ page, server }) => {
  await openHome(page, server.url);
  // The rails below the screen are drawn when the page is idle: wait for all of them.
  await expect(page.locator('tv-rail')).toHaveCount(5);
  const sizes = await page.evaluate(() => {
    const texts: Array<[string, number]> = [];
    for (const rail of Array.from(document.querySelector('tv-app')!.shadowRoot!.querySelector('tv-home-screen')!.shadowRoot!.querySelectorAll('tv-rail'))) {
      for (const tile of Array.from(rail.shadowRoot!.querySelectorAll('tv-tile'))) {
        for (const element of Array.from(tile.shadowRoot!.querySelectorAll('.title, .subtitle, .badge'))) texts.push([element.className, parseFloat(getComputedStyle(element).fontSize)]);
      }
    }
    return texts;
  });
  expect(sizes.length).toBeGreaterThan(20);
  expect(sizes.filter(([, size]) => size < 24)).toEqual([]);
});

test('tile subtitles keep 4.5:1 contrast against whatever artwork lies behind them', async ({ page, server }) => {
  await openHome(page, server.url);
  const tiles = page.locator('tv-tile');
  await expect(tiles.first()).toBeVisible();
  // Measure the picture behind the text: hide the text, keep its boxes.
  const boxes = await page.evaluate(() => {
    const found: Array<{ x: number; y: number; width: number; height: number }> = [];
    const home = document.querySelector('tv-app')!.shadowRoot!.querySelector('tv-home-screen')!.shadowRoot!;
    for (const rail of Array.from(home.querySelectorAll('tv-rail'))) {
      for (const tile of Array.from(rail.shadowRoot!.querySelectorAll('tv-tile'))) {
        const subtitle = tile.shadowRoot!.querySelector<HTMLElement>('.subtitle');
        const title = tile.shadowRoot!.querySelector<HTMLElement>('.title');
        if (!subtitle || tile.hasAttribute('aria-disabled')) continue;
        for (const text of [subtitle, title]) if (text) text.style.color = 'transparent';
        const box = subtitle.getBoundingClientRect();
        if (box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight) found.push({ x: box.left, y: box.top, width: box.width, height: box.height });
      }
    }
    return found;
  });
  expect(boxes.length).toBeGreaterThan(5);
  await page.mouse.move(0, 0);
  const picture = (await page.screenshot()).toString('base64');
  const muted = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--tv-color-text-muted').trim());
  const worst = await page.evaluate(
    async ({ picture, boxes, muted }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${picture}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const channel = (value: number): number => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      const luminance = (r: number, g: number, b: number): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const [tr, tg, tb] = [1, 3, 5].map((i) => parseInt(muted.slice(i, i + 2), 16));
      const text = luminance(tr, tg, tb);
      let lowest = Infinity;
      for (const box of boxes) {
        const x = Math.max(0, Math.round(box.x));
        const width = Math.min(canvas.width - x, Math.round(box.width));
        const pixels = context.getImageData(x, Math.round(box.y), width, Math.round(box.height)).data;
        for (let i = 0; i < pixels.length; i += 4) {
          const behind = luminance(pixels[i], pixels[i + 1], pixels[i + 2]);
          lowest = Math.min(lowest, (Math.max(behind, text) + 0.05) / (Math.min(behind, text) + 0.05));
        }
      }
      return lowest;
    },
    { picture, boxes, muted },
  );
  expect(worst).toBeGreaterThanOrEqual(4.5);
});

test('long catalogue text and a long app name stay on their lines: header, hero, rail titles and details', async ({ page, server }) => {
  await page.route('**/catalog.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    catalog.rails[0].title = 'A rail title that an editor wrote as a whole sentence, much longer than the screen is wide, and then some';
    catalog.rails[0].tiles[0].subtitle = 'Documentary · 2024 · a subtitle that keeps going and going '.repeat(6);
    catalog.rails[0].tiles[1].subtitle = `https://example.com/${'x'.repeat(200)}`;
    await route.fulfill({ json: catalog });
  });
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, appName: 'My Wonderful Streaming Application for the Whole Family, Deluxe Edition' } });
  });
  await page.goto(server.url);
  await expectFocus(page, 'Northern Lights');
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const safeRight = 1920 - 96;
  // The header: the name on one line beside the buttons, each button's label on one line.
  const name = await box('tv-home-screen .screen-header h1');
  const nav = await box('tv-home-screen nav');
  expect(name.height).toBeLessThanOrEqual(88);
  expect(name.x + name.width).toBeLessThanOrEqual(nav.x);
  expect((await box('tv-home-screen nav tv-button >> nth=2')).height).toBe((await box('tv-home-screen nav tv-button >> nth=0')).height);
  // The hero's text ends above the rails, inside the safe area.
  const railsTop = (await box('tv-home-screen .rails-viewport')).y;
  const heroText = await box('tv-home-screen .hero-text');
  for (const part of ['h2', '.meta', '.description']) {
    const partBox = await box(`tv-home-screen .hero-text ${part}`);
    expect(partBox.y + partBox.height, part).toBeLessThanOrEqual(railsTop);
    expect(partBox.x + partBox.width, part).toBeLessThanOrEqual(heroText.x + heroText.width);
  }
  // A rail title is one line, inside the screen.
  const railTitle = await box('tv-home-screen tv-rail h2');
  expect(railTitle.height).toBeLessThan(2 * 38);
  expect(railTitle.x + railTitle.width).toBeLessThanOrEqual(safeRight);
  // A subtitle that is one long word neither runs off the screen in the hero nor widens the details past their panel.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('tv-home-screen .hero h2')).toHaveText('City at Dawn');
  const meta = await box('tv-home-screen .hero-text .meta');
  expect(meta.x + meta.width).toBeLessThanOrEqual(heroText.x + heroText.width);
  await page.keyboard.press('Enter');
  await expectFocus(page, 'Close');
  const panel = await box('tv-dialog .panel');
  for (const part of ['.meta', '.synopsis', '.note']) {
    const partBox = await box(`tv-dialog .details ${part}`);
    expect(partBox.x + partBox.width, part).toBeLessThanOrEqual(panel.x + panel.width - 64);
  }
});
