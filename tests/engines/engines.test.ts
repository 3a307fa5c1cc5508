import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stageApp } from '../../build/stage-app.ts';
import { BrowserPage, waitUntil } from './support/browser.ts';
import { ENGINES, executableFor } from './support/engines.ts';
import { appShowsContent, banScreenShows, elementShown, focusedSpot, hasStoredKeys, type FocusedSpot } from './support/page-probes.ts';
import { DIST_DIR, startEngineServer, type EngineServer } from './support/reference-server.ts';

/** Failure screenshots; not test-results/, which every Playwright run empties. */
const ARTIFACTS_DIR = join(import.meta.dirname, '.cache/failures');
/** Plain text with markup in it: the ban screen must show it literally, never as HTML. */
const BAN_MESSAGE = 'Banned on <b>this</b> engine';

interface LoggedRequest {
  endpoint: string;
  status: number | null;
}

describe.each(ENGINES)('$name', (engine) => {
  let page: BrowserPage;
  /** A fresh reference server per test: a new port is a new origin, so a fresh IndexedDB. */
  let server: EngineServer;

  beforeAll(async () => {
    page = await BrowserPage.launch(executableFor(engine));
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async ({ task, onTestFailed }) => {
    server = await startEngineServer();
    onTestFailed(async () => {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = join(ARTIFACTS_DIR, `${engine.name}-${task.name}.png`.replace(/[^\w.-]+/g, '_'));
      writeFileSync(file, await page.screenshot());
      console.error(`[engines] ${engine.name} > ${task.name}\n  screenshot: ${file}\n  page errors: ${JSON.stringify(page.pageErrors)}\n  console: ${JSON.stringify(page.consoleMessages)}`);
    });
  });
  afterEach(async () => {
    await server.close();
  });

  async function answered(endpoint: 'check' | 'register', status: number): Promise<boolean> {
    const { requests } = await server.admin<{ requests: LoggedRequest[] }>('requests');
    return requests.some((request) => request.endpoint === endpoint && request.status === status);
  }

  it('is the engine it claims to be', () => {
    if (engine.major) expect(page.product).toMatch(new RegExp(`/${engine.major}\\.`));
    else expect(page.product).toMatch(/Chrome\/\d+\./);
  });

  it('starts the app over HTTP, shows it, passes a device check and persists to IndexedDB', async () => {
    await page.goto(server.url);
    await page.waitFor('<tv-app> with visible content', appShowsContent, undefined);
    await waitUntil('a device check answered 200', () => answered('check', 200));
    await page.waitFor('a key in IndexedDB tv-app/state', hasStoredKeys, { database: 'tv-app', store: 'state' });
    expect(page.pageErrors).toEqual([]);
  });

  it('shows the black ban screen with the message as text when the API bans the device', async () => {
    await page.goto(server.url);
    await waitUntil('a device check answered 200', () => answered('check', 200));
    const { devices } = await server.admin<{ devices: { key: string }[] }>('state');
    expect(devices).toHaveLength(1);
    await server.admin(`devices/${encodeURIComponent(devices[0]!.key)}/ban`, { message: BAN_MESSAGE });
    // The check at start-up hears the ban: no need to wait out the check interval.
    await page.goto(server.url);
    await page.waitFor('the ban screen', banScreenShows, BAN_MESSAGE);
    expect(page.pageErrors).toEqual([]);
  });

  it('is driven by the remote: arrows move along and between rails, which scroll to keep focus on screen; green opens settings, Back returns to the same tile and Up to the tile left on the rail above', async () => {
    const spot = () => page.evaluate(focusedSpot, undefined);
    const focusMoves = async (what: string, where: (now: FocusedSpot) => boolean): Promise<FocusedSpot> => {
      let now: FocusedSpot | null = null;
      try {
        await waitUntil(what, async () => !!(now = await spot()) && where(now));
      } catch (error) {
        throw new Error(`${(error as Error).message}; focus last seen at ${JSON.stringify(now)}`);
      }
      return now!;
    };
    // The rail behind this flag would appear between two rails whenever registration answers.
    await server.admin('settings', { featureFlags: { new_dashboard: false, beta_features: false } });
    await page.goto(server.url);
    const first = await focusMoves('focus on the first tile', (now) => now.label.includes('Northern Lights'));

    for (let press = 0; press < 7; press += 1) await page.press(39, 'ArrowRight');
    await focusMoves('focus seven tiles along the rail', (now) => now.label.includes('Quiet Stars'));
    // The rail moves by transform to keep the focused tile inside the screen (focusedSpot: the page never scrolls).
    const far = await focusMoves('the rail scrolled to show it', (now) => now.right <= now.viewWidth && now.left >= 0);
    expect(far.top).toBe(first.top);

    await page.press(40, 'ArrowDown');
    const below = await focusMoves('focus on the rail below, scrolled into view', (now) => now.label !== far.label && now.bottom <= now.viewHeight);

    await page.press(404); // green, as the remote sends it: a key code only
    await page.waitFor('the settings screen', elementShown, { tagName: 'tv-settings-screen', shown: true });
    await page.press(461); // Back
    await page.waitFor('settings closed', elementShown, { tagName: 'tv-settings-screen', shown: false });
    await focusMoves('focus back on the tile it left', (now) => now.label === below.label);
    await page.press(38, 'ArrowUp'); // the first rail remembers where the viewer left it
    await focusMoves('focus back up on the first rail, in view', (now) => now.label === far.label && now.right <= now.viewWidth);
    expect(page.pageErrors).toEqual([]);
  });

  it('runs as a packaged app from file://, calling the API it was packaged for', async () => {
    const stageDir = mkdtempSync(join(tmpdir(), 'tv-engine-package-'));
    try {
      stageApp({ distDir: DIST_DIR, stageDir, apiOrigin: new URL(server.url).origin });
      await page.goto(pathToFileURL(join(stageDir, 'index.html')).href);
      await page.waitFor('<tv-app> with visible content', appShowsContent, undefined);
      await waitUntil('a device check answered 200', () => answered('check', 200));
      // Registration comes with the second script, fetched from file:// by the chunk loader.
      await waitUntil('a registration answered 201', () => answered('register', 201));
      expect(page.pageErrors).toEqual([]);
    } finally {
      rmSync(stageDir, { recursive: true, force: true });
    }
  });

  it('renders the plain build from file:// and reads its config.json there', async () => {
    await page.goto(pathToFileURL(join(DIST_DIR, 'index.html')).href);
    await page.waitFor('<tv-app> with visible content', appShowsContent, undefined);
    expect(page.pageErrors).toEqual([]);
    // It read its own config.json by XHR, as on a TV (a failed read logs a warning naming it).
    expect(page.consoleMessages.filter((message) => message.includes('config.json'))).toEqual([]);
  });
});
