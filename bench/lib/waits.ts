import { readStartupMarks } from '../probes/startup-probe';
import { sleep, type BenchPage } from './browser';

const POLL_MS = 100;

/** The app's start-up marks; either may be null when it did not happen within the wait. */
export interface Marks {
  tilePainted: number | null;
  checkSent: number | null;
}

/**
 * Polls the page until a focused tile was painted and, with `checkPath`, a device check was
 * sent — or `timeoutMs` passes, leaving what never happened as null.
 */
export async function waitForMarks(bench: BenchPage, checkPath: string | null, timeoutMs: number): Promise<Marks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await bench.page.evaluate(readStartupMarks, checkPath ?? '');
    const done = marks.tilePainted !== null && (checkPath === null || marks.checkSent !== null);
    if (done || Date.now() > deadline) return { tilePainted: marks.tilePainted, checkSent: checkPath === null ? null : marks.checkSent };
    await sleep(POLL_MS);
  }
}

/** Waits until no request has been in flight or started for `quietMs` (or `timeoutMs` passed). */
export async function waitForQuiet(bench: BenchPage, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = bench.requests.length;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (bench.inFlight() > 0 || bench.requests.length !== seen) {
      seen = bench.requests.length;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
    await sleep(20);
  }
}
