import { afterEach, describe, expect, it } from 'vitest';
import { TestControllerHost } from './test-controller-host';
import { tvFocusChangeEvent, type FocusCause } from './events';
import { RevealController } from './reveal-controller';
import { lay } from './test-layout';

class TestHost extends TestControllerHost {}
customElements.define('test-reveal-host', TestHost);

/** Like the engine's: each observe() reports once, after the next layout (here: a task later); `reportAll` stands for a size change. */
class ReportingResizeObserver {
  static readonly live = new Set<ReportingResizeObserver>();
  static reportAll(): void {
    ReportingResizeObserver.live.forEach((observer) => observer.callback());
  }
  constructor(private readonly callback: () => void) {}
  observe(): void {
    ReportingResizeObserver.live.add(this);
    setTimeout(this.callback);
  }
  disconnect(): void {
    ReportingResizeObserver.live.delete(this);
  }
}
window.ResizeObserver = ReportingResizeObserver as unknown as typeof ResizeObserver;

/** A 1000-pixel viewport over a track of ten 300-pixel items, 100 pixels apart: 3900 pixels long. */
function setup() {
  const host = document.createElement('test-reveal-host') as TestHost;
  const viewport = document.createElement('div');
  const track = document.createElement('div');
  const items = Array.from({ length: 10 }, (_, i) => {
    const item = document.createElement('button');
    lay(item, { left: i * 400, width: 300 });
    track.appendChild(item);
    return item;
  });
  lay(viewport, { left: 0, width: 1000 });
  lay(track, { left: 0, width: 3900 });
  viewport.appendChild(track);
  host.appendChild(viewport);
  document.body.appendChild(host);
  const reveal = new RevealController(host as unknown as TestHost & { updateComplete: Promise<boolean> }, { axis: 'x', viewport: () => viewport, track: () => track, margin: 50 });
  reveal.hostConnected();
  reveal.hostUpdated();
  const focus = (index: number, cause: FocusCause = 'key') => items[index].dispatchEvent(tvFocusChangeEvent(cause));
  return { host, viewport, track, items, reveal, focus };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

afterEach(() => {
  document.body.innerHTML = '';
  ReportingResizeObserver.live.clear();
});

describe('RevealController', () => {
  it('says there is more to see ahead once the track is laid out', async () => {
    const { host } = setup();
    expect(host.hasAttribute('can-scroll-forward')).toBe(false);
    await nextTask();
    expect(host.hasAttribute('can-scroll-forward')).toBe(true);
    expect(host.hasAttribute('can-scroll-back')).toBe(false);
  });

  it('slides the track just enough to show the item focused by a key, with its margin', () => {
    const { host, track, reveal, focus } = setup();
    focus(1);
    expect(track.style.transform).toBe('');
    focus(3); // 1200–1500: its end and margin must reach the viewport's end
    expect(reveal.offset).toBe(550);
    expect(track.style.transform).toBe('translate(-550px, 0)');
    expect(host.hasAttribute('can-scroll-back')).toBe(true);
    focus(9); // the last item: the track stops at its end
    expect(reveal.offset).toBe(2900);
    expect(host.hasAttribute('can-scroll-forward')).toBe(false);
  });

  it('never slides the track under the pointer', () => {
    const { track, focus } = setup();
    focus(5, 'pointer');
    expect(track.style.transform).toBe('');
  });

  it('reveals an item focused by code in the next frame', async () => {
    const { reveal, focus } = setup();
    focus(5, 'restore');
    expect(reveal.offset).toBe(0);
    await nextFrame();
    expect(reveal.offset).toBe(1350);
  });

  it('scrolls by a distance for the pointer arrows, within the track', () => {
    const { host, reveal } = setup();
    reveal.scrollBy(1400);
    expect(reveal.offset).toBe(1400);
    reveal.scrollBy(5000);
    expect(reveal.offset).toBe(2900);
    reveal.scrollBy(-9000);
    expect(reveal.offset).toBe(0);
    expect(host.hasAttribute('can-scroll-back')).toBe(false);
  });

  it('reveals tiles added after start where they are', async () => {
    const { track, reveal } = setup();
    await nextTask();
    const more = Array.from({ length: 5 }, (_, i) => {
      const item = document.createElement('button');
      lay(item, { left: (10 + i) * 400, width: 300 });
      track.appendChild(item);
      return item;
    });
    lay(track, { left: 0, width: 5900 });
    more[2].dispatchEvent(tvFocusChangeEvent('key')); // 4800–5100, in the same task as the new tiles
    expect(reveal.offset).toBe(4150);
    await nextTask();
    more[4].dispatchEvent(tvFocusChangeEvent('key')); // the last one: the track stops at its new end
    expect(reveal.offset).toBe(4900);
  });

  it('follows the tiles when they change size', async () => {
    const { track, items, reveal, focus } = setup();
    focus(1);
    items.forEach((item, i) => lay(item, { left: i * 700, width: 600 }));
    lay(track, { left: 0, width: 6900 });
    ReportingResizeObserver.reportAll();
    focus(3); // 2100–2700
    expect(reveal.offset).toBe(1750);
  });

  it('follows items replaced by others of other sizes along a track of the same length', async () => {
    const { track, reveal } = setup();
    await nextTask();
    // Ten items 200 and 400 wide, 100 apart: 3900 pixels again, so no size change is reported.
    let start = 0;
    const replaced = Array.from({ length: 10 }, (_, i) => {
      const item = document.createElement('button');
      lay(item, { left: start, width: i % 2 ? 400 : 200 });
      start += (i % 2 ? 400 : 200) + 100;
      return item;
    });
    track.replaceChildren(...replaced);
    await nextTask();
    replaced[2].dispatchEvent(tvFocusChangeEvent('key')); // 800–1000
    expect(reveal.offset).toBe(50);
  });

  it('keeps the focused item in view when the items before it move (a rail shown or hidden above it)', async () => {
    const { track, items, reveal, focus } = setup();
    await nextTask();
    focus(5); // 2000–2300
    expect(reveal.offset).toBe(1350);
    // Two items appear before it: every item moves 800 pixels along, the track grows by as much.
    items.forEach((item, i) => lay(item, { left: (i + 2) * 400, width: 300 }));
    lay(track, { left: 0, width: 4700 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(2150);
    // And go again: the least scroll that shows it with its margin.
    items.forEach((item, i) => lay(item, { left: i * 400, width: 300 }));
    lay(track, { left: 0, width: 3900 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(1950);
  });

  it('keeps the focused item in view when one item hides and another shows before it, the track keeping its length', async () => {
    const { track, items, reveal, focus } = setup();
    await nextTask();
    focus(5); // 2000–2300
    expect(reveal.offset).toBe(1350);
    // No size change to report: only the items' attributes and places change.
    items[0].hidden = true;
    items.forEach((item, i) => lay(item, { left: 800 + i * 400, width: 300 }));
    await nextTask(); // the mutation is reported; the reveal waits for the next frame
    await nextFrame();
    expect(reveal.offset).toBe(2150);
    expect(track.style.transform).toBe('translate(-2150px, 0)');
  });

  it('keeps its place while its screen is hidden, and shows the focused item again when it is shown', async () => {
    const { viewport, track, reveal, focus } = setup();
    await nextTask();
    focus(5);
    lay(viewport, { left: 0, width: 0 });
    lay(track, { left: 0, width: 0 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(1350);
    expect(track.style.transform).toBe('translate(-1350px, 0)');
    lay(viewport, { left: 0, width: 1000 });
    lay(track, { left: 0, width: 3900 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(1350);
  });

  it('leaves a track scrolled by the pointer where the viewer put it when its items move', async () => {
    const { track, items, reveal, focus } = setup();
    await nextTask();
    focus(5);
    reveal.scrollBy(-1000);
    items.forEach((item, i) => lay(item, { left: (i + 2) * 400, width: 300 }));
    lay(track, { left: 0, width: 4700 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(350);
  });

  it('does not follow an item focused under the pointer when the items move', async () => {
    const { track, items, reveal, focus } = setup();
    await nextTask();
    focus(1);
    focus(5, 'pointer');
    items.forEach((item, i) => lay(item, { left: (i + 2) * 400, width: 300 }));
    lay(track, { left: 0, width: 4700 });
    ReportingResizeObserver.reportAll();
    expect(reveal.offset).toBe(0);
  });

  it('reveals focus restored on a screen shown again, not the hidden layout', async () => {
    const { viewport, track, reveal, focus } = setup();
    await nextTask();
    lay(viewport, { left: 0, width: 0 });
    lay(track, { left: 0, width: 0 });
    ReportingResizeObserver.reportAll();
    lay(viewport, { left: 0, width: 1000 });
    lay(track, { left: 0, width: 3900 });
    focus(5, 'restore');
    await nextFrame();
    expect(reveal.offset).toBe(1350);
  });
});
