import { BrowserPage } from '../../tests/engines/support/browser.ts';
import { ENGINES, executableFor } from '../../tests/engines/support/engines.ts';
import { RAIL } from '../probes/probe-window';
import { installStartupProbe, readStartupMarks } from '../probes/startup-probe';
import type { Marks } from '../lib/waits';
import { sleep } from '../lib/browser';

/** Tizen 5.5's engine, the oldest the engine matrix can run that the issue names. */
const OLD_ENGINE_MAJOR = 69;
const START_TIMEOUT_MS = 30_000;

export interface OldEngineRun {
  /** What the browser reports, e.g. `HeadlessChrome/69.0.3494.0`. */
  product: string;
  /** One entry per cold start. */
  runs: Marks[];
}

/**
 * Cold starts (a fresh browser profile each) of the app in Chromium 69 at no throttle, through
 * the engine matrix's own launcher (tests/engines/support): raw CDP, as Playwright cannot drive
 * browsers this old. Throws (the row says why) when the matrix's browser is not installed.
 */
export async function measureOldEngine(url: string, checkPath: string, resetServer: () => void, runs: number): Promise<OldEngineRun> {
  const engine = ENGINES.find((candidate) => candidate.major === OLD_ENGINE_MAJOR);
  if (!engine) throw new Error(`the engine matrix has no Chromium ${OLD_ENGINE_MAJOR}`);
  const executable = executableFor(engine);
  const result: OldEngineRun = { product: '', runs: [] };
  for (let i = 0; i < runs; i++) {
    resetServer();
    const browser = await BrowserPage.launch(executable);
    try {
      result.product = browser.product;
      await browser.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${installStartupProbe.toString()})(${JSON.stringify(RAIL)})` });
      await browser.goto(url);
      const deadline = Date.now() + START_TIMEOUT_MS;
      let marks: Marks = { tilePainted: null, checkSent: null };
      while (Date.now() < deadline && (marks.tilePainted === null || marks.checkSent === null)) {
        marks = await browser.evaluate(readStartupMarks, checkPath);
        await sleep(100);
      }
      if (browser.pageErrors.length) throw new Error(`the app threw in ${browser.product}: ${browser.pageErrors[0]}`);
      if (marks.tilePainted === null) throw new Error(`${browser.product} painted no focused rail tile within ${START_TIMEOUT_MS / 1000} s`);
      result.runs.push(marks);
    } finally {
      await browser.close();
    }
  }
  return result;
}
