import { hasGroupOption } from './focus-dom';

/** How many recently focused elements are kept to fall back on. */
const HISTORY_LENGTH = 16;

/**
 * What the focus engine remembers: the last element focused in each `last-focused` group, and a
 * short history of focused elements, to fall back on when the focused one disappears (a dialog
 * closing takes its buttons with it; the element before the dialog is the natural return).
 */
export class FocusMemory {
  private readonly lastInGroup = new WeakMap<Element, HTMLElement>();
  private history: HTMLElement[] = [];

  /** Records that `element` got focus inside `groups` (nearest first). */
  remember(element: HTMLElement, groups: readonly Element[]): void {
    for (const group of groups) if (hasGroupOption(group, 'last-focused')) this.lastInGroup.set(group, element);
    this.history = this.history.filter((entry) => entry !== element && entry.isConnected).concat(element).slice(-HISTORY_LENGTH);
  }

  /** The element last focused in `group`, if it can still take focus. */
  recall(group: Element, usable: (element: HTMLElement) => boolean): HTMLElement | undefined {
    const element = this.lastInGroup.get(group);
    return element && usable(element) ? element : undefined;
  }

  /** The most recently focused element that can still take focus, other than `except`. */
  previous(usable: (element: HTMLElement) => boolean, except?: HTMLElement): HTMLElement | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const element = this.history[i];
      if (element !== except && usable(element)) return element;
    }
    return undefined;
  }
}
