import type { Page } from '@playwright/test';
import { expect } from './support/fixtures';

/** The element the focus engine marks as focused (found through shadow roots). */
export const focused = (page: Page) => page.locator('[focused]');

/**
 * What the viewer sees on the focused element: its `aria-label`, else its rendered text
 * (slotted content included, which `textContent` misses for a button inside a `tv-button`).
 */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | undefined => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.hasAttribute('focused')) return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return undefined;
    };
    const text = (node: Node): string => {
      if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(text).join('');
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      return Array.from(children).map(text).join('');
    };
    const element = find(document);
    return element ? (element.getAttribute('aria-label') ?? text(element)).replace(/\s+/g, ' ').trim() : '';
  });
}

/** Waits until the focused element's label contains (or matches) `name`. */
export async function expectFocus(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => focusedLabel(page)).toMatch(name);
}

/**
 * Opens the app and waits for the first tile to have focus and for the rail behind the
 * reference server's `new_dashboard` flag (on by default), which arrives with registration.
 */
export async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectFocus(page, 'Northern Lights');
  await expect(page.locator('tv-rail', { hasText: 'New on your dashboard' })).toBeVisible();
}

/**
 * Sends a key the way a TV delivers it: only a legacy key code (Tizen 10009, webOS 461…),
 * dispatched at the focused element like a real key event.
 */
export async function pressKeyCode(page: Page, keyCode: number): Promise<void> {
  await page.evaluate((code) => {
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    for (const type of ['keydown', 'keyup']) {
      (target ?? document.body).dispatchEvent(new KeyboardEvent(type, { key: 'Unidentified', keyCode: code, bubbles: true, composed: true, cancelable: true }));
    }
  }, keyCode);
}

/** The on-screen box of the focused element, in CSS pixels of the page. */
export async function focusedBox(page: Page) {
  const box = await focused(page).boundingBox();
  if (!box) throw new Error('nothing focused');
  return box;
}
