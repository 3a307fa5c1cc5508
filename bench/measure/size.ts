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
  /** Scripts: needed for the first screen and first check, or fetched after it (the second script). */
  stage: 'first' | 'later';
}

/** A size, as served and gzipped. */
export interface Bytes {
  raw: number;
  gzip: number;
}

export interface SizeResult {
  /** Every non-API file fetched during start-up, in request order. */
  files: LoadedFile[];
  /** The first stage's scripts: what the first screen and the first device check wait for. */
  js: Bytes;
  /** Scripts fetched after the first screen (registration, approval, the other screens). */
  jsLater: Bytes;
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
  const firstStage = firstStageScripts(distDir);
  const files: Promise<LoadedFile>[] = [];
  bench.page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (isApi(path)) return;
    const file = { path, type: response.request().resourceType(), status: response.status(), stage: firstStage.has(path.slice(1)) ? 'first' : 'later' } as const;
    files.push(
      response.body().then(
        (body) => ({ ...file, raw: body.length, gzip: gzipSize(body) }),
        () => ({ ...file, raw: 0, gzip: 0 }),
      ),
    );
  });
  try {
    await bench.page.goto(url);
    await waitForMarks(bench, checkPath, 20_000);
    await waitForQuiet(bench, 500, 10_000);
    const loaded = await Promise.all(files);
    const served = loaded.filter((file) => file.status < 400);
    const sum = (files: LoadedFile[]): Bytes => files.reduce((total, file) => ({ raw: total.raw + file.raw, gzip: total.gzip + file.gzip }), { raw: 0, gzip: 0 });
    const scripts = served.filter((file) => file.type === 'script');
    const first = scripts.filter((file) => file.stage === 'first');
    return {
      files: loaded,
      js: sum(first),
      jsLater: sum(scripts.filter((file) => file.stage === 'later')),
      css: sum(served.filter((file) => file.type === 'stylesheet')),
      jsBySource: attribute(distDir, first.map((file) => file.path)),
    };
  } finally {
    await bench.close();
  }
}

/**
 * The first stage: the scripts `index.html` itself lists (the build gives the entry's start-up
 * chunks their own tags there, build/classic-chunks.ts). What the loader fetches later is the
 * second stage.
 */
export function firstStageScripts(distDir: string): Set<string> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return new Set(Array.from(html.matchAll(/<script\b[^>]*\ssrc="(?:\.\/)?([^"]+)"/g), (match) => match[1]));
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
