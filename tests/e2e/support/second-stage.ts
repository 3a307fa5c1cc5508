import type { Page } from '@playwright/test';

/** The second script's URL, whatever its content hash. */
export const SECOND_STAGE = '**/assets/second-stage-*.js';

/** A held second script: the test decides when it arrives, instead of guessing with delays. */
export interface HeldScript {
  /** Resolves once the app has asked for the script. */
  requested: Promise<void>;
  /** Lets the held response go on to the server. */
  release(): void;
}

/** Holds every request for the second script until `release()`, as a slow network would. */
export async function holdSecondStage(page: Page): Promise<HeldScript> {
  let markRequested!: () => void;
  let release!: () => void;
  const requested = new Promise<void>((resolve) => (markRequested = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(SECOND_STAGE, async (route) => {
    markRequested();
    await released;
    await route.continue();
  });
  return { requested, release };
}

/** How the second script can fail to arrive on a TV. */
export type ScriptFailure = 'network error' | '404' | 'cut off';

/**
 * Makes the second script fail: the connection drops, the file is missing, or the download is
 * cut off half-way (the engine then refuses the script's syntax and never runs any of it);
 * only the first `times` requests, when given.
 */
export async function breakSecondStage(page: Page, failure: ScriptFailure, { times }: { times?: number } = {}): Promise<void> {
  await page.route(
    SECOND_STAGE,
    async (route) => {
      if (failure === 'network error') return route.abort('connectionreset');
      if (failure === '404') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      const response = await route.fetch();
      const script = await response.text();
      return route.fulfill({ response, body: script.slice(0, script.length >> 1) });
    },
    { times },
  );
}
