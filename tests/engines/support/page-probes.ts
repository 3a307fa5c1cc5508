// Functions evaluated inside the engines under test, sent as source text: ES2017 only (no
// `?.`, `??`, class fields), and self-contained (no imports, no outer variables).

/** True once `<tv-app>` is laid out on screen with some text rendered in its shadow tree. */
export function appShowsContent(): boolean {
  const deepText = (root: Node): string => {
    let text = '';
    root.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      else if (node instanceof Element && getComputedStyle(node).display !== 'none') text += deepText(node.shadowRoot || node);
    });
    return text;
  };
  const app = document.querySelector('tv-app');
  if (!app || !app.shadowRoot) return false;
  const box = app.getBoundingClientRect();
  return box.width >= innerWidth / 2 && box.height >= innerHeight / 2 && deepText(app.shadowRoot).trim().length > 0;
}

/**
 * True once the app keeps at least one key in IndexedDB (`tv-app` / `state`). Opening a database
 * that does not exist would create it empty and break the app's own upgrade, so that is aborted.
 */
export function hasStoredKeys(names: { database: string; store: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.open(names.database);
    request.onupgradeneeded = () => {
      if (request.transaction) request.transaction.abort();
    };
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(names.store)) {
        db.close();
        resolve(false);
        return;
      }
      const count = db.transaction(names.store, 'readonly').objectStore(names.store).count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result > 0);
      };
      count.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });
}

/**
 * True when an opaque black (`#000`) surface covers the whole viewport, is the topmost thing at
 * its centre, and shows `message` as text — what CONTRACT.md §4 makes the ban screen.
 */
export function banScreenShows(message: string): boolean {
  const elements: Element[] = [];
  const collect = (root: Document | ShadowRoot) => {
    root.querySelectorAll('*').forEach((element) => {
      elements.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    });
  };
  const deepText = (root: Node): string => {
    let text = '';
    root.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      else if (node instanceof Element) text += deepText(node.shadowRoot || node);
    });
    return text;
  };
  const topmostAt = (x: number, y: number): Element | null => {
    let element = document.elementFromPoint(x, y);
    while (element && element.shadowRoot) {
      const inner = element.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === element) break;
      element = inner;
    }
    return element;
  };
  const isInside = (node: Node | null, ancestor: Element): boolean => {
    while (node) {
      if (node === ancestor) return true;
      node = node.parentNode || (node instanceof ShadowRoot ? node.host : null);
    }
    return false;
  };
  collect(document);
  const top = topmostAt(innerWidth / 2, innerHeight / 2);
  return elements.some((element) => {
    const box = element.getBoundingClientRect();
    const covers = box.left <= 0 && box.top <= 0 && box.right >= innerWidth && box.bottom >= innerHeight;
    const style = getComputedStyle(element);
    const black = style.backgroundColor === 'rgb(0, 0, 0)' && style.opacity === '1';
    return covers && black && isInside(top, element) && deepText(element.shadowRoot || element).indexOf(message) !== -1;
  });
}

/** Where the focus engine's mark is: the marked element's label (or text) and its on-screen box. */
export interface FocusedSpot {
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The viewport it must stay inside. */
  viewWidth: number;
  viewHeight: number;
}

/**
 * The element marked `focused` (found through shadow roots) as the viewer sees it, or null when
 * nothing is marked. Also fails (null) when the page itself scrolled: rails move by transform.
 */
export function focusedSpot(): FocusedSpot | null {
  const find = (root: Document | ShadowRoot): Element | null => {
    const all = root.querySelectorAll('*');
    for (let index = 0; index < all.length; index += 1) {
      const element = all[index];
      if (element.hasAttribute('focused')) return element;
      const inner = element.shadowRoot ? find(element.shadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  const element = find(document);
  if (!element || window.scrollX !== 0 || window.scrollY !== 0) return null;
  const box = element.getBoundingClientRect();
  const label = (element.getAttribute('aria-label') || element.textContent || '').replace(/\s+/g, ' ').trim();
  return { label: label, left: box.left, top: box.top, right: box.right, bottom: box.bottom, viewWidth: innerWidth, viewHeight: innerHeight };
}

/** True when an element `tagName` (found through shadow roots) is laid out on screen, or with `shown: false`, when none is. */
export function elementShown(expected: { tagName: string; shown: boolean }): boolean {
  const tagName = expected.tagName;
  const find = (root: Document | ShadowRoot): Element | null => {
    const direct = root.querySelector(tagName);
    if (direct) return direct;
    const all = root.querySelectorAll('*');
    for (let index = 0; index < all.length; index += 1) {
      const inner = all[index].shadowRoot ? find(all[index].shadowRoot as ShadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  const element = find(document);
  const box = element ? element.getBoundingClientRect() : null;
  const shown = !!box && box.width > 0 && box.height > 0;
  return shown === expected.shown;
}
