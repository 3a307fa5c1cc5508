/**
 * The DOM side of the focus convention every screen follows: what can take focus, which
 * containers group it, and walking all of it through open shadow roots.
 */

/** Elements the focus engine moves between (unless disabled or invisible). */
export const FOCUSABLE_SELECTOR = '[focusable], button, input, select, textarea, a[href]';

/** Options a `focus-group` container can carry, as tokens of its value or as boolean attributes. */
export type GroupOption = 'self-only' | 'last-focused';

export function isFocusable(element: Element): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.matches(FOCUSABLE_SELECTOR) &&
    !element.hasAttribute('disabled') &&
    element.getAttribute('aria-disabled') !== 'true'
  );
}

/** The innermost focusable element on an event's path: the one under the pointer, or receiving focus. */
export function focusableOnPath(path: readonly EventTarget[]): HTMLElement | undefined {
  return path.find((target): target is HTMLElement => target instanceof Element && isFocusable(target));
}

/** Laid out with a size and not `visibility: hidden`; off-screen still counts, so rails can scroll to it. */
export function isVisible(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return (rect.width > 0 || rect.height > 0) && getComputedStyle(element).visibility !== 'hidden';
}

/** Text fields keep Backspace and, while the caret can move, Left and Right. */
export function isTextField(element: Element | undefined): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && /^(text|search|url|email|password|tel|number)$/.test(element.type);
}

/** The parent in the rendered (flat) tree: a slotted node's slot, a shadow root's host. */
export function composedParent(node: Node): Element | null {
  const slot = (node as Element).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** True when `element` is `container` or rendered inside it, across shadow roots. */
export function isWithin(element: Element, container: Element): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) if (node === container) return true;
  return false;
}

/** The `focus-group` containers around an element, nearest first. */
export function groupsOf(element: Element): Element[] {
  const groups: Element[] = [];
  for (let node = composedParent(element); node; node = composedParent(node)) {
    if (node.hasAttribute('focus-group')) groups.push(node);
  }
  return groups;
}

export function hasGroupOption(group: Element, option: GroupOption): boolean {
  return group.hasAttribute(option) || (group.getAttribute('focus-group') ?? '').split(/\s+/).indexOf(option) >= 0;
}

const isTrap = (element: Element): boolean => element.hasAttribute('focus-group') && hasGroupOption(element, 'self-only');

/** Whether any of `nodes` is, or holds, an element that passes `test`. */
export function holdsElement(nodes: NodeList, test: (element: Element) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node instanceof Element && (test(node) || Array.prototype.some.call(node.getElementsByTagName('*'), test))) return true;
  }
  return false;
}

/**
 * Whether a change can take focus away or must pull it somewhere: an attribute that hides or
 * disables, a removal, or a `self-only` group (a dialog) arriving. Tiles added to a rail are
 * none of these, so rendering more of a screen does not make the engine look at all of it again.
 */
export function mayMoveFocus(record: MutationRecord): boolean {
  return record.type === 'attributes' || record.removedNodes.length > 0 || holdsElement(record.addedNodes, isTrap);
}

/** What one walk of the tree found: focus candidates and focus traps, in rendered order. */
export interface FocusTree {
  focusables: HTMLElement[];
  /** `self-only` groups: the last visible one traps focus (a dialog opened over everything). */
  traps: Element[];
  /** Elements marked `default-focus`. */
  defaults: Element[];
  /** The open shadow roots the walk went through: where a change can alter the tree. */
  roots: ShadowRoot[];
}

/**
 * Walks the rendered tree under `root` through open shadow roots and slots. Subtrees marked
 * `hidden` or `inert` are skipped whole: a hidden screen or the app under the ban screen.
 */
export function walkFocusTree(root: Element): FocusTree {
  const tree: FocusTree = { focusables: [], traps: [], defaults: [], roots: [] };
  const visit = (element: Element): void => {
    if (element.hasAttribute('hidden') || element.hasAttribute('inert')) return;
    if (isFocusable(element)) tree.focusables.push(element);
    if (isTrap(element)) tree.traps.push(element);
    if (element.hasAttribute('default-focus')) tree.defaults.push(element);
    if (element.shadowRoot) tree.roots.push(element.shadowRoot);
    visitChildren(element.shadowRoot ?? element);
  };
  const visitChildren = (parent: Element | ShadowRoot): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child instanceof HTMLSlotElement) {
        const assigned = child.assignedElements({ flatten: true });
        if (assigned.length) assigned.forEach(visit);
        else visitChildren(child);
      } else visit(child);
    }
  };
  visit(root);
  return tree;
}
