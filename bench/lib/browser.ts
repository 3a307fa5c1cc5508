import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../../playwright.config.ts';
import { installActivityProbe } from '../probes/activity-probe';
import { installKeyProbe } from '../probes/key-probe';
import { KEY_GRACE_FRAMES, RAIL } from '../probes/probe-window';
import { installStartupProbe } from '../probes/startup-probe';

/** The same Chromium and flags as the e2e tests (playwright.config.ts), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
}

/** A request the page made, as the bench counts it. */
export interface SeenRequest {
  /** GET, HEAD, POST… */
  method: string;
  /** URL path, without the query. */
  path: string;
  /** Playwright's resource type: document, script, stylesheet, xhr, fetch… */
  type: string;
}

/** What a bench page is opened with. */
export interface PageOptions {
  /** CDP CPU throttling rate, applied before navigation; 1 = none. */
  cpuRate: number;
  /** Install Playwright's fake clock before the page loads (virtual-time rows). */
  fakeClock?: boolean;
  /** Served instead of the app's own `catalog.json`. */
  catalog?: unknown;
}

/** One fresh (cold: empty cache and storage) context with one page, probes installed. */
export interface BenchPage {
  /** The page's own context: closing it discards cache and storage. */
  context: BrowserContext;
  page: Page;
  /** A CDP session on the page (throttling, metrics, heap, DOM). */
  cdp: CDPSession;
  /** Every request since the page opened, in order. */
  requests: SeenRequest[];
  /** Requests sent but not yet answered or failed. */
  inFlight(): number;
  /** Uncaught errors in the page: a bench of a broken page measures nothing. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBenchPage(browser: Browser, options: PageOptions): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // The clock's init script must run first so the activity probe wraps its fakes.
  if (options.fakeClock) await page.clock.install();
  await context.addInitScript(installStartupProbe, RAIL);
  await context.addInitScript(installKeyProbe, KEY_GRACE_FRAMES);
  if (options.fakeClock) await context.addInitScript(installActivityProbe);
  const catalog = options.catalog;
  if (catalog !== undefined) await page.route('**/catalog.json', (route) => route.fulfill({ json: catalog }));

  const requests: SeenRequest[] = [];
  const pending = new Set<unknown>();
  page.on('request', (request) => {
    pending.add(request);
    requests.push({ method: request.method(), path: new URL(request.url()).pathname, type: request.resourceType() });
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const cdp = await context.newCDPSession(page);
  if (options.cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });
  return { context, page, cdp, requests, inFlight: () => pending.size, errors, close: () => context.close() };
}

/** Resolves after `ms` of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
