import type { RailShape, StartupMarks } from './probe-window';

// Sent to the page as source text (Playwright init scripts, and raw CDP on Chromium 69): ES2017
// only (no `?.`, `??`, class fields) and self-contained (no imports at run time, no outer names).

/**
 * Records when a focused rail tile was first painted: polls every animation frame for a deep
 * `document.activeElement` (through shadow roots) that has the `focusable` attribute inside a
 * rail (see `RAIL`), then takes the time in a task posted from that frame, which runs after
 * the frame's paint.
 */
export function installStartupProbe(rail: RailShape): void {
  const marks: StartupMarks = { tilePainted: null };
  window.__tvBenchStartup = marks;
  // Under page.clock the globals are fakes that stand still; the probe needs real frames.
  const real = window.__pwClock ? window.__pwClock.builtins : undefined;
  const frame = real ? real.requestAnimationFrame : window.requestAnimationFrame.bind(window);
  const clock = real ? real.performance : window.performance;

  const parentOf = (node: Element): Element | null => {
    const parent = node.parentNode;
    if (!parent) return null;
    if (parent instanceof ShadowRoot) return parent.host;
    return parent instanceof Element ? parent : null;
  };
  const railTag = new RegExp(rail.tagPattern);
  const isRail = (element: Element): boolean => railTag.test(element.tagName) || element.classList.contains(rail.className);
  const focusedTile = (): boolean => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    if (!active || !active.hasAttribute('focusable')) return false;
    for (let node = parentOf(active); node; node = parentOf(node)) if (isRail(node)) return true;
    return false;
  };
  const poll = (): void => {
    if (!focusedTile()) {
      frame(poll);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks.tilePainted = clock.now();
    };
    channel.port2.postMessage(0);
  };
  frame(poll);
}

/** Read by the runner: the probe's marks plus when the first request to `checkPath` started. */
export function readStartupMarks(checkPath: string): { tilePainted: number | null; checkSent: number | null } {
  const marks = window.__tvBenchStartup;
  const entries = (window.__pwClock ? window.__pwClock.builtins.performance : performance).getEntriesByType('resource');
  let checkSent: number | null = null;
  for (let i = 0; i < entries.length; i++) {
    const path = new URL(entries[i].name).pathname;
    if (path === checkPath && (checkSent === null || entries[i].startTime < checkSent)) checkSent = entries[i].startTime;
  }
  return { tilePainted: marks ? marks.tilePainted : null, checkSent };
}

/** How many `[focusable]` elements sit inside rails, through shadow roots: the tiles a viewer can reach. */
export function countRailTiles(rail: RailShape): number {
  const railTag = new RegExp(rail.tagPattern);
  let count = 0;
  const visit = (root: Document | ShadowRoot, inRail: boolean): void => {
    root.querySelectorAll('*').forEach((element) => {
      const within = inRail || railTag.test(element.tagName) || element.classList.contains(rail.className);
      if (within && element.hasAttribute('focusable')) count += 1;
      if (element.shadowRoot) visit(element.shadowRoot, within);
    });
  };
  visit(document, false);
  return count;
}
