import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { openBenchPage } from '../lib/browser';
import { bytesBySource, sourceGroup, type SourceMap } from '../lib/source-bytes';
import { waitForMarks, waitForQuiet } from '../lib/waits';

/** A file the page fetched during start-up (API calls excluded). */
export interface LoadedFile {
  /** URL path, e.g. `/assets/app-x.js`. */
  path: string;
  /** Playwright's resource type: document, script, stylesheet, xhr… */
  type: string;
  /** HTTP status; 4xx files (webapis.js off-TV) are listed but not counted. */
  status: number;
  /** Bytes as served. */
  raw: number;
  /** Bytes after gzip -9. */
  gzip: number;
}

/** A size, as served and gzipped. */
export interface Bytes {
  raw: number;
  gzip: number;
}

export interface SizeResult {
  /** Every non-API file fetched during start-up, in request order. */
  files: LoadedFile[];
  /** Scripts loaded at start-up, summed. */
  js: Bytes;
  /** Stylesheets loaded at start-up, summed. */
  css: Bytes;
  /** Raw bundle characters per package or app folder, largest first (from the hidden source maps). */
  jsBySource: { source: string; bytes: number }[];
}

/** gzip -9: how the anchors (Lit 6.6 KB…) were measured. */
const gzipSize = (body: Buffer): number => gzipSync(body, { level: 9 }).length;

const isApi = (path: string): boolean => /^\/(api|admin|devices)\//.test(path);

/**
 * Loads the page once, cold and unthrottled, and sizes what it fetched until a focused tile was
 * painted, the first device check went out (when `checkPath` is given) and the network went quiet.
 */
export async function measureSize(browser: Browser, url: string, distDir: string, checkPath: string | null): Promise<SizeResult> {
  const bench = await openBenchPage(browser, { cpuRate: 1 });
  const files: Promise<LoadedFile>[] = [];
  bench.page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (isApi(path)) return;
    files.push(
      response.body().then(
        (body) => ({ path, type: response.request().resourceType(), status: response.status(), raw: body.length, gzip: gzipSize(body) }),
        () => ({ path, type: response.request().resourceType(), status: response.status(), raw: 0, gzip: 0 }),
      ),
    );
  });
  try {
    await bench.page.goto(url);
    await waitForMarks(bench, checkPath, 20_000);
    await waitForQuiet(bench, 500, 10_000);
    const loaded = await Promise.all(files);
    const sum = (type: string): Bytes =>
      loaded.filter((file) => file.type === type && file.status < 400).reduce((total, file) => ({ raw: total.raw + file.raw, gzip: total.gzip + file.gzip }), { raw: 0, gzip: 0 });
    const scripts = loaded.filter((file) => file.type === 'script' && file.status < 400).map((file) => file.path);
    return { files: loaded, js: sum('script'), css: sum('stylesheet'), jsBySource: attribute(distDir, scripts) };
  } finally {
    await bench.close();
  }
}

/** Splits the loaded scripts' bytes by origin, using the `*.js.map` files the build left beside them. */
function attribute(distDir: string, scriptPaths: string[]): { source: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const path of scriptPaths) {
    const file = join(distDir, path);
    if (!existsSync(`${file}.map`)) continue;
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap;
    for (const [source, bytes] of bytesBySource(readFileSync(file, 'utf8'), map)) {
      const group = sourceGroup(source);
      totals.set(group, (totals.get(group) ?? 0) + bytes);
    }
  }
  return [...totals].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}
