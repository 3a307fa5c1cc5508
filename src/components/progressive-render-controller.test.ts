import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressiveRenderController } from './progressive-render-controller';

/** A list of 20 items, 3 drawn first and 5 more after each frame. */
class TestList extends LitElement {
  readonly shown = new ProgressiveRenderController(this, { first: 3, step: 5 });

  override render() {
    const items = Array.from({ length: 20 }, (_, i) => i);
    return html`${items.slice(0, this.shown.count(items.length)).map((i) => html`<p>${i}</p>`)}`;
  }
}
customElements.define('test-progressive-list', TestList);

// The test DOM has no idle callbacks (every engine the app runs on has): idle at once.
window.requestIdleCallback ??= (callback) => window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }));
window.cancelIdleCallback ??= (handle) => window.clearTimeout(handle);

const drawn = (list: TestList): number => list.renderRoot.querySelectorAll('p').length;

async function mount(): Promise<TestList> {
  const list = document.createElement('test-progressive-list') as TestList;
  document.body.appendChild(list);
  await list.updateComplete;
  return list;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ProgressiveRenderController', () => {
  it('draws the first items at once and the rest in later frames', async () => {
    const list = await mount();
    expect(drawn(list)).toBe(3);
    await expect.poll(() => drawn(list), { timeout: 2000 }).toBe(20);
  });

  it('draws everything at once when a key is pressed', async () => {
    const list = await mount();
    expect(drawn(list)).toBe(3);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await list.updateComplete;
    expect(drawn(list)).toBe(20);
  });
});
