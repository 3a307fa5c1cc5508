import { afterEach, describe, expect, it } from 'vitest';
import { TestControllerHost } from './test-controller-host';
import { tvFocusChangeEvent, type FocusCause } from './events';
import { RevealController } from './reveal-controller';

class TestHost extends TestControllerHost {}
customElements.define('test-reveal-host', TestHost);

/** Like the engine's: each observe() reports once, after the next layout (here: a task later). */
class ReportingResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe(): void {
    setTimeout(this.callback);
  }
  disconnect(): void {}
}
window.ResizeObserver = ReportingResizeObserver as unknown as typeof ResizeObserver;

/** Gives an element a fixed layout box along x (happy-dom does no layout). */
function lay(element: HTMLElement, left: number, width: number): void {
  Object.defineProperty(element, 'offsetLeft', { value: left });
  Object.defineProperty(element, 'offsetWidth', { value: width });
}

/** A 1000-pixel viewport over a track of ten 300-pixel items, 100 pixels apart: 3900 pixels long. */
function setup() {
  const host = document.createElement('test-reveal-host') as TestHost;
  const viewport = document.createElement('div');
  const track = document.createElement('div');
  const items = Array.from({ length: 10 }, (_, i) => {
    const item = document.createElement('button');
    lay(item, i * 400, 300);
    track.appendChild(item);
    return item;
  });
  lay(viewport, 0, 1000);
  lay(track, 0, 3900);
  viewport.appendChild(track);
  host.appendChild(viewport);
  document.body.appendChild(host);
  const reveal = new RevealController(host as unknown as TestHost & { updateComplete: Promise<boolean> }, { axis: 'x', viewport: () => viewport, track: () => track, margin: 50 });
  reveal.hostConnected();
  reveal.hostUpdated();
  const focus = (index: number, cause: FocusCause = 'key') => items[index].dispatchEvent(tvFocusChangeEvent(cause));
  return { host, track, reveal, focus };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RevealController', () => {
  it('says there is more to see ahead once the track is laid out', async () => {
    const { host } = setup();
    expect(host.hasAttribute('can-scroll-forward')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve));
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
});
