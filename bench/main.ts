import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../server/src/index.ts';
import { launchChromium } from './lib/browser';
import { APP_DIST, BASELINE_DIST, buildBoth } from './lib/build';
import { attempt, type Outcome } from './lib/outcome';
import { tickShapes, type Tick } from './lib/ticks';
import { idleRows, keyRows, longRunRows, oldEngineRows, sizeRows, startupRows, type Paths } from './lib/rows';
import { markdownTable, textTable } from './lib/table';
import { measureIdle, type IdleRun } from './measure/idle';
import { measureKeyFloor, measureKeys } from './measure/keys';
import { measureLongRun, type LongRun } from './measure/long-run';
import { measureOldEngine } from './measure/old-engine';
import { measureSize } from './measure/size';
import { measureStartup } from './measure/startup';

/** The issue's minimum: at least 10 cold runs on each side. */
const COLD_RUNS = 10;
const OLD_ENGINE_RUNS = 3;
const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

/** Progress goes to stderr, so stdout carries only the table. */
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** The device paths the built app will use, from the config.json it ships with. */
function devicePaths(): Paths {
  const fallback: Paths = { checkPath: '/api/device/check', pingPath: '/api/ping' };
  try {
    const config = JSON.parse(readFileSync(join(APP_DIST, 'config.json'), 'utf8')) as { deviceApi?: { checkPath?: string }; pingUrl?: string };
    return { checkPath: config.deviceApi?.checkPath ?? fallback.checkPath, pingPath: config.pingUrl ?? fallback.pingPath };
  } catch {
    return fallback;
  }
}

/** Ticks as counts per shape: the committed JSON stays readable (288 identical ticks are one line). */
const compactTicks = <T extends { ticks: Tick[] }>(run: T): Omit<T, 'ticks'> & { ticks: Record<string, number> } => ({ ...run, ticks: tickShapes(run.ticks) });
const compactIdle = (idle: Outcome<{ app: IdleRun; baseline: IdleRun }>) => (idle.ok ? { ok: true, value: { app: compactTicks(idle.value.app), baseline: compactTicks(idle.value.baseline) } } : idle);
const compactLongRun = (long: Outcome<LongRun>) => (long.ok ? { ok: true, value: compactTicks(long.value) } : long);

export async function main(): Promise<void> {
  const began = Date.now();
  const load = { start: loadavg()[0], end: 0 };
  progress('building the app and the bare-Lit page');
  await buildBoth();
  const paths = devicePaths();
  const app = await startReferenceServer({ port: 0, staticDir: APP_DIST, quiet: true });
  const bare = await startReferenceServer({ port: 0, staticDir: BASELINE_DIST, quiet: true });
  const appUrl = `${app.url}/`;
  const bareUrl = `${bare.url}/`;
  const resetServer = (): void => app.api.reset();
  const browser = await launchChromium();
  try {
    progress('size');
    const size = await attempt(async () => {
      resetServer();
      return { app: await measureSize(browser, appUrl, APP_DIST, paths.checkPath), baseline: await measureSize(browser, bareUrl, BASELINE_DIST, null) };
    });
    progress(`start-up: ${COLD_RUNS} cold runs each side at 6×`);
    const startup = await attempt(() => measureStartup(browser, { appUrl, baselineUrl: bareUrl, checkPath: paths.checkPath, resetServer }, COLD_RUNS));
    progress('key response at 6×');
    resetServer();
    const keys = await attempt(() => measureKeys(browser, appUrl, paths.checkPath));
    const keyFloor = await attempt(() => measureKeyFloor(browser, `${bareUrl}key-floor.html`));
    progress('idle: 30 virtual minutes, app and bare-Lit floor');
    resetServer();
    const idle = await attempt(async () => ({ app: await measureIdle(browser, appUrl, paths.checkPath), baseline: await measureIdle(browser, bareUrl, null) }));
    progress('long run: 288 checks in virtual time');
    resetServer();
    const longRun = await attempt(() => measureLongRun(browser, appUrl, paths.checkPath));
    progress('old engine: Chromium 69');
    const oldEngine = await attempt(() => measureOldEngine(appUrl, paths.checkPath, resetServer, OLD_ENGINE_RUNS));

    const rows = [...sizeRows(size), ...startupRows(startup), ...keyRows(keys, keyFloor), ...idleRows(idle, paths), ...longRunRows(longRun, paths), ...oldEngineRows(oldEngine)];
    load.end = loadavg()[0];
    console.log(textTable(rows));
    if (size.ok) console.log(`\nApp JS by origin (raw): ${size.value.app.jsBySource.slice(0, 10).map((entry) => `${entry.source} ${(entry.bytes / 1000).toFixed(1)} KB`).join(', ')}`);
    console.log(`\n${browser.version()} · ${cpus().length} cores · load ${load.start.toFixed(1)} → ${load.end.toFixed(1)} · ${Math.round((Date.now() - began) / 1000)} s`);
    const results = {
      generatedAt: new Date().toISOString(),
      environment: { chromium: browser.version(), node: process.version, cores: cpus().length, loadAverage: load, seconds: Math.round((Date.now() - began) / 1000) },
      rows,
      markdown: markdownTable(rows),
      details: { paths, size, startup, keys, keyFloor, idle: compactIdle(idle), longRun: compactLongRun(longRun), oldEngine },
    };
    // Timings to 0.1 ms: finer digits are noise and would only bloat the committed file.
    const rounded = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, rounded, 2)}\n`);
    progress(`wrote ${RESULTS_FILE}`);
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
