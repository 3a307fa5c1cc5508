import type { Page } from '@playwright/test';
import { expect, type ReferenceServer } from './fixtures';

/** One entry of the reference server's `GET /admin/api/requests`. */
export interface LoggedRequest {
  endpoint: 'configs' | 'add' | 'check' | 'register' | 'approve' | 'ping';
  method: string;
  status: number | null;
  body: Record<string, string> | null;
}

export const DEVICE_ENDPOINTS = ['configs', 'add', 'check'] as const;

export async function apiRequests(server: ReferenceServer): Promise<LoggedRequest[]> {
  return (await server.admin<{ requests: LoggedRequest[] }>('requests')).requests;
}

/** The device-management requests (configs, add, check) in the order the server got them. */
export async function deviceCalls(server: ReferenceServer): Promise<string[]> {
  return (await apiRequests(server)).filter((r) => (DEVICE_ENDPOINTS as readonly string[]).includes(r.endpoint)).map((r) => r.endpoint);
}

export async function countOf(server: ReferenceServer, endpoint: LoggedRequest['endpoint']): Promise<number> {
  return (await apiRequests(server)).filter((r) => r.endpoint === endpoint).length;
}

/** The identifier the app sent as `mac_address` in its first add. */
export async function sentMac(server: ReferenceServer): Promise<string> {
  await expect.poll(() => countOf(server, 'add')).toBeGreaterThan(0);
  const add = (await apiRequests(server)).find((r) => r.endpoint === 'add');
  return String(add?.body?.mac_address);
}

/**
 * Tracks the page's API requests, so virtual time only moves while none is in flight: a real
 * request must never see its own timeout fire because the test jumped the clock past it.
 */
export interface ApiTracker {
  /** Resolves once no API request of the page is open. */
  idle(): Promise<void>;
  /** How many requests the page sent to this path. The server may see more: Chromium itself
   * retries a request whose connection was dropped. */
  sent(pathname: string): number;
}

/** Real time the page must stay quiet: the gap between two requests of one chain (an IndexedDB write, a parse) on a loaded machine. */
const QUIET_MS = 40;

export function trackApiRequests(page: Page): ApiTracker {
  let inFlight = 0;
  let total = 0;
  const sent = new Map<string, number>();
  const isApi = (url: string): boolean => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    inFlight += 1;
    total += 1;
    const { pathname } = new URL(request.url());
    sent.set(pathname, (sent.get(pathname) ?? 0) + 1);
  });
  const done = (request: { url(): string }): void => {
    if (isApi(request.url())) inFlight -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async idle() {
      // A chain (ping → configs → add → check) has gaps between its requests; time may only
      // move once no request is open and none started during a quiet spell of real time.
      for (;;) {
        await expect.poll(() => inFlight).toBe(0);
        const seen = total;
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
        // One round trip through the page lets it handle the last answer before time moves on.
        await page.evaluate(() => undefined);
        if (inFlight === 0 && total === seen) return;
      }
    },
    sent: (pathname) => sent.get(pathname) ?? 0,
  };
}

/**
 * Moves the page's fake clock forward in small jumps, letting every chain of requests finish
 * before and between jumps, as real time would. `fastForward` jumps first and then fires what is
 * due, so a timeout a tick registers is never due in the same jump; a tick runs at most one step
 * late. `page.clock.install()` must have run before `page.goto`.
 */
export async function advance(page: Page, tracker: ApiTracker, totalMs: number, stepMs = 10_000): Promise<void> {
  // Before the first jump too: the page may not have read the answer to a request the server logged.
  await tracker.idle();
  for (let elapsed = 0; elapsed < totalMs; elapsed += stepMs) {
    await page.clock.fastForward(Math.min(stepMs, totalMs - elapsed));
    await tracker.idle();
  }
}

/** Like `advance`, but stops at the first step after which `done` holds; fails after `maxMs`. */
export async function advanceUntil(page: Page, tracker: ApiTracker, done: () => Promise<boolean>, maxMs: number, stepMs = 10_000): Promise<void> {
  await tracker.idle();
  for (let elapsed = 0; elapsed < maxMs; elapsed += stepMs) {
    await page.clock.fastForward(stepMs);
    await tracker.idle();
    if (await done()) return;
  }
  throw new Error(`still waiting after ${maxMs} ms of virtual time`);
}

/**
 * Reloads once the app has checked the device (a reload before that would cut its start-up
 * chain off, and that check would never come), and returns once the reloaded app has checked it
 * too: the new page is up, and what the server logs from then on is that page's.
 */
export async function reloadAfterCheck(page: Page, server: ReferenceServer): Promise<void> {
  await expect.poll(() => countOf(server, 'check')).toBeGreaterThan(0);
  const before = await countOf(server, 'check');
  await page.reload();
  // A cold start on a loaded 2-core machine can take longer than expect's default 5 s.
  await expect.poll(() => countOf(server, 'check'), { timeout: 15_000 }).toBeGreaterThan(before);
}

export const MINUTES = 60_000;

/**
 * Long enough for exactly one more tick at the default 300 s interval: the jittered maximum
 * (330 s) plus one `advance` step, and still shorter than two of the shortest intervals (540 s).
 */
export const ONE_INTERVAL = 340_000;
