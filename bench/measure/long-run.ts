import type { Browser, CDPSession } from '@playwright/test';
import { openBenchPage } from '../lib/browser';
import { splitTicks, type Between, type Tick } from '../lib/ticks';
import { driveVirtualTime } from '../lib/virtual-time';
import { waitForMarks, waitForQuiet } from '../lib/waits';

/** 24 hours of checks every 5 minutes. */
export const LONG_RUN_CHECKS = 288;
/** Room for 288 checks even if every jittered interval were the longest (330 s). */
const MAX_VIRTUAL_MS = LONG_RUN_CHECKS * 330_000 + 60_000;
/** Bounds a page that keeps scheduling timers: a few per check is plenty. */
const MAX_STEPS = LONG_RUN_CHECKS * 10;

/** The page's footprint at one moment, after a full garbage collection. */
export interface Footprint {
  heapBytes: number;
  /** Nodes in the document, shadow roots included (CDP DOM, pierced). */
  domNodes: number;
  /** Every JS event listener in the page (CDP Performance metric `JSEventListeners`). */
  listeners: number;
}

export interface LongRun {
  /** After start-up settled, before the first virtual tick. */
  start: Footprint;
  /** After the 288th check. */
  end: Footprint;
  /** What each device-check tick sent. */
  ticks: Tick[];
  /** Everything the page did outside the ticks. */
  between: Between;
  /** Virtual time the 288 checks took (the interval is jittered ±10 %). */
  virtualHours: number;
}

interface DomNode {
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  templateContent?: DomNode;
}

const countNodes = (node: DomNode): number =>
  1 +
  [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.templateContent ? [node.templateContent] : []), ...(node.contentDocument ? [node.contentDocument] : [])].reduce(
    (sum, child) => sum + countNodes(child),
    0,
  );

async function footprint(cdp: CDPSession): Promise<Footprint> {
  // Twice: the first pass can leave objects that only the second one frees (weak callbacks).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const listeners = metrics.find((metric) => metric.name === 'JSEventListeners');
  return { heapBytes: usedSize, domNodes: countNodes(root as DomNode), listeners: listeners ? listeners.value : NaN };
}

/** 288 device checks in virtual time (Playwright's clock), with the page's footprint before and after. */
export async function measureLongRun(browser: Browser, url: string, checkPath: string): Promise<LongRun> {
  const bench = await openBenchPage(browser, { cpuRate: 1, fakeClock: true });
  try {
    await bench.page.goto(url);
    const marks = await waitForMarks(bench, checkPath, 30_000);
    if (marks.tilePainted === null || marks.checkSent === null) throw new Error('the app did not start and send its first device check');
    await waitForQuiet(bench, 1000, 20_000);
    const start = await footprint(bench.cdp);
    const { steps, virtualMs } = await driveVirtualTime(bench, {
      virtualMs: MAX_VIRTUAL_MS,
      // Nothing is sampled between timers here, so jump straight from one timer to the next.
      stepMs: MAX_VIRTUAL_MS,
      maxSteps: MAX_STEPS,
      sampleCpu: false,
      done: (taken) => splitTicks(taken, checkPath).ticks.length >= LONG_RUN_CHECKS,
    });
    const end = await footprint(bench.cdp);
    if (bench.errors.length) throw new Error(`the page threw during the long run: ${bench.errors[0]}`);
    return { start, end, ...splitTicks(steps, checkPath), virtualHours: virtualMs / 3_600_000 };
  } finally {
    await bench.close();
  }
}
