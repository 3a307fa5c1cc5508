import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../../../server/src/index.ts';

/** The build under test: `npm run build` writes dist/; TV_DIST_DIR points elsewhere. */
const DIST = process.env.TV_DIST_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url));

/** A running reference server that also serves the built app from dist/. */
export interface ReferenceServer {
  /** Where the app and the API are served, e.g. http://127.0.0.1:41234/. */
  url: string;
  /** Calls the tester's admin API (`/admin/api/<path>`). */
  admin<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

interface Fixtures {
  server: ReferenceServer;
  /** Every console message of the page, for tests that assert what was (not) logged. */
  consoleMessages: ConsoleMessage[];
  /** Uncaught errors and unhandled rejections in the page; the fixture fails the test on any not allowed. */
  pageErrors: Error[];
  /** Names of page errors a test provokes on purpose (a truncated script's SyntaxError); none by default. */
  allowedPageErrors: string[];
}

export const test = base.extend<Fixtures>({
  server: async ({}, use) => {
    const running = await startReferenceServer({ port: 0, staticDir: DIST, quiet: true });
    const url = running.url.endsWith('/') ? running.url : `${running.url}/`;
    await use({
      url,
      async admin<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
        const response = await fetch(new URL(`admin/api/${path}`, url), {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status}`);
        const text = await response.text();
        return (text ? JSON.parse(text) : undefined) as T;
      },
    });
    await running.close();
  },
  consoleMessages: async ({ page }, use) => {
    const messages: ConsoleMessage[] = [];
    page.on('console', (message) => messages.push(message));
    await use(messages);
  },
  allowedPageErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, allowedPageErrors }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.filter((error) => !allowedPageErrors.includes(error.name)),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
