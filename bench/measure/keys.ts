import type { Browser } from '@playwright/test';
import { waitForKeyResult } from '../probes/key-probe';
import { RAIL, type KeyResult } from '../probes/probe-window';
import { countRailTiles } from '../probes/startup-probe';
import { openBenchPage, sleep, type BenchPage } from '../lib/browser';
import { benchCatalog } from '../lib/catalog';
import { waitForMarks, waitForQuiet } from '../lib/waits';
import { TV_CPU_RATE } from './startup';

/** The sample: 200 presses that moved focus. */
export const PRESSES = 200;
/** A brisk viewer: about five presses a second, with time for the focus animation between. */
const PRESS_GAP_MS = 120;
/** TV remotes auto-repeat at about 30 Hz. */
const REPEAT_INTERVAL_MS = 1000 / 30;
/** Held keys: this many holds of this many keydowns each (1 s), alternating right and left. */
const HOLDS = 6;
const KEYDOWNS_PER_HOLD = 30;

/** Windows virtual key codes of the arrows, for raw CDP key events. */
const ARROWS = { ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40 } as const;
type Arrow = keyof typeof ARROWS;

/** The page's main-thread time per single press, by kind (CDP Performance metrics, at 6×): what a press costs. */
export interface PressCost {
  /** Every task: handling the key, the frame after it, and anything else that ran meanwhile. */
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
}

export interface KeyRun {
  /** Rail tiles (`[focusable]` inside a rail) on the home screen when the presses began. */
  railTiles: number;
  /** Single presses that moved focus. */
  presses: KeyResult[];
  /** Single presses that moved nothing (grid edges): not in `presses`. */
  edgePresses: number;
  /** Main-thread time per single press (moves and edges alike), averaged over all of them. */
  perPress: PressCost;
  /** The held keys: keydowns sent, the presses that moved focus, and how long it all took. */
  held: { keydowns: number; moves: KeyResult[]; seconds: number };
}

/**
 * The same 200 presses on a plain 10 × 20 grid with a one-line focus move (key-floor.html,
 * beside the bare-Lit page): what the measurement itself costs at 6× — input, a frame, paint.
 */
export async function measureKeyFloor(browser: Browser, url: string): Promise<KeyResult[]> {
  const bench = await openBenchPage(browser, { cpuRate: TV_CPU_RATE });
  try {
    await bench.page.goto(url);
    return (await singlePresses(bench)).presses;
  } finally {
    await bench.close();
  }
}

/**
 * Key response at 6× CPU on a home screen of 10 rails × 20 tiles: 200 single presses sweeping
 * the rails (right to the end, back left, down to the next rail…), then held keys at 30 Hz.
 */
export async function measureKeys(browser: Browser, url: string, checkPath: string): Promise<KeyRun> {
  const bench = await openBenchPage(browser, { cpuRate: TV_CPU_RATE, catalog: benchCatalog() });
  try {
    await bench.page.goto(url, { waitUntil: 'commit' });
    const marks = await waitForMarks(bench, checkPath, 60_000);
    if (marks.tilePainted === null) throw new Error('no focused rail tile appeared on the home screen');
    // Let start-up's requests (registration, device check) finish so they don't share the presses' frames.
    await waitForQuiet(bench, 1000, 20_000);
    const railTiles = await waitForAllTiles(bench);
    await bench.cdp.send('Performance.enable');
    const before = await mainThread(bench);
    const { presses, edgePresses } = await singlePresses(bench);
    const after = await mainThread(bench);
    const count = presses.length + edgePresses;
    const perPress: PressCost = {
      taskMs: (after.taskMs - before.taskMs) / count,
      scriptMs: (after.scriptMs - before.scriptMs) / count,
      styleMs: (after.styleMs - before.styleMs) / count,
      layoutMs: (after.layoutMs - before.layoutMs) / count,
    };
    const held = await heldKeys(bench);
    if (bench.errors.length) throw new Error(`the page threw during the key presses: ${bench.errors[0]}`);
    return { railTiles, presses, edgePresses, perPress, held };
  } finally {
    await bench.close();
  }
}

/** Rails below the screen and tiles past its edge are drawn after the first paint: waits until their number holds still for this long. */
const TILES_SETTLED_MS = 1000;

/** The rail tiles once all are drawn (or after 20 s), so the presses measure the screen at rest. */
async function waitForAllTiles(bench: BenchPage): Promise<number> {
  const deadline = Date.now() + 20_000;
  let count = await bench.page.evaluate(countRailTiles, RAIL);
  let since = Date.now();
  while (Date.now() - since < TILES_SETTLED_MS && Date.now() < deadline) {
    await sleep(100);
    const now = await bench.page.evaluate(countRailTiles, RAIL);
    if (now !== count) {
      count = now;
      since = Date.now();
    }
  }
  return count;
}

/** The page's main-thread time so far, in ms (CDP reports seconds). */
async function mainThread(bench: BenchPage): Promise<PressCost> {
  const { metrics } = await bench.cdp.send('Performance.getMetrics');
  const ms = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration'), styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration') };
}

const keydownCount = (bench: BenchPage): Promise<number> => bench.page.evaluate(() => (window.__tvBenchKeys ? window.__tvBenchKeys.keydowns : 0));

async function singlePresses(bench: BenchPage): Promise<{ presses: KeyResult[]; edgePresses: number }> {
  const presses: KeyResult[] = [];
  let keydowns = await keydownCount(bench);
  let edgePresses = 0;
  let along: Arrow = 'ArrowRight';
  let across: Arrow = 'ArrowDown';
  const press = async (key: Arrow): Promise<boolean> => {
    await bench.page.keyboard.press(key);
    keydowns += 1;
    const result = await bench.page.evaluate(waitForKeyResult, keydowns);
    await sleep(PRESS_GAP_MS);
    if (result.moved) presses.push(result);
    else edgePresses += 1;
    return result.moved;
  };
  // Sweep each rail to one end and back, then step to the next rail (turning back at the last
  // one). Rails remember their last tile, so a snake that moves across at every end would often
  // land at an end again and waste presses on edges. Bounded: a screen where nothing moves gives up.
  let endsOfThisRail = 0;
  while (presses.length < PRESSES && edgePresses < PRESSES) {
    if (await press(along)) continue;
    along = along === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    endsOfThisRail += 1;
    if (endsOfThisRail < 2) continue;
    endsOfThisRail = 0;
    if (!(await press(across))) {
      across = across === 'ArrowDown' ? 'ArrowUp' : 'ArrowDown';
      if (!(await press(across))) throw new Error('focus moves neither along nor across the rails');
    }
  }
  return { presses, edgePresses };
}

/**
 * Holds arrows the way a remote does: keydowns at 30 Hz with `autoRepeat`, sent on schedule
 * whether or not the page keeps up (the TV's input queue does not wait for the app either).
 */
async function heldKeys(bench: BenchPage): Promise<KeyRun['held']> {
  const first = (await keydownCount(bench)) + 1;
  const started = Date.now();
  for (let hold = 0; hold < HOLDS; hold++) {
    const key: Arrow = hold % 2 ? 'ArrowLeft' : 'ArrowRight';
    const event = { key, code: key, windowsVirtualKeyCode: ARROWS[key], nativeVirtualKeyCode: ARROWS[key] };
    const holdStart = Date.now();
    const sent: Promise<unknown>[] = [];
    for (let i = 0; i < KEYDOWNS_PER_HOLD; i++) {
      await sleep(holdStart + i * REPEAT_INTERVAL_MS - Date.now());
      sent.push(bench.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: i > 0, ...event }));
    }
    sent.push(bench.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }));
    await Promise.all(sent);
    await bench.page.evaluate(waitForKeyResult, first + (hold + 1) * KEYDOWNS_PER_HOLD - 1);
  }
  const seconds = (Date.now() - started) / 1000;
  const log = await bench.page.evaluate(() => window.__tvBenchKeys);
  if (!log) throw new Error('the key probe is missing from the page');
  const held = log.results.filter((result) => result.id >= first);
  return { keydowns: log.keydowns - first + 1, moves: held.filter((result) => result.moved), seconds };
}
