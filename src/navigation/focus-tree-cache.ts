import { FOCUSABLE_SELECTOR, groupsOf, holdsElement, walkFocusTree, type FocusTree } from './focus-dom';

/** Attributes that change what can take focus, or how it is grouped and trapped. */
const TREE_ATTRIBUTES = ['hidden', 'inert', 'disabled', 'aria-disabled', 'focusable', 'href', 'focus-group', 'self-only', 'last-focused', 'default-focus', 'slot', 'name'];
/** Elements whose arrival or removal can change the tree (slots re-route children). */
const TREE_ELEMENTS = `${FOCUSABLE_SELECTOR}, [focus-group], [default-focus], slot`;

/** A custom element may carry a shadow root full of focusables that the walk has not seen. */
const mayHoldFocusables = (element: Element): boolean => element.localName.indexOf('-') > 0 || element.matches(TREE_ELEMENTS);

function changesTree(record: MutationRecord): boolean {
  return record.type === 'attributes' || holdsElement(record.addedNodes, mayHoldFocusables) || holdsElement(record.removedNodes, mayHoldFocusables);
}

/**
 * The focus tree of `root`, walked once and reused until something that can change it happens.
 * Walking every shadow root of a 200-tile screen on each arrow press cost more than a frame on a
 * TV; text and artwork updates (the hero following focus) do not count as changes. Changes are
 * read synchronously (`takeRecords`), so a tile added a moment ago is reachable by the very
 * next press. What CSS hides is not cached: callers still check visibility when they choose.
 */
export class FocusTreeCache {
  private tree?: FocusTree;
  /** The focusable elements inside each group, in rendered order. */
  private members?: Map<Element, HTMLElement[]>;
  private readonly observer = new MutationObserver((records) => this.take(records));

  constructor(private readonly root: Element) {}

  /** The current tree, walked again only after a change. */
  get(): FocusTree {
    this.take(this.observer.takeRecords());
    if (!this.tree) {
      this.tree = walkFocusTree(this.root);
      this.observe(this.tree);
    }
    return this.tree;
  }

  /** The focusable elements inside `container` (the root, or any `focus-group`). */
  membersOf(container: Element): HTMLElement[] {
    const tree = this.get();
    if (container === this.root) return tree.focusables;
    if (!this.members) {
      const members = new Map<Element, HTMLElement[]>();
      tree.focusables.forEach((element) =>
        groupsOf(element).forEach((group) => {
          const list = members.get(group);
          if (list) list.push(element);
          else members.set(group, [element]);
        }),
      );
      this.members = members;
    }
    return this.members.get(container) ?? [];
  }

  /** Stops watching, and forgets the tree. */
  disconnect(): void {
    this.observer.disconnect();
    this.forget();
  }

  private take(records: MutationRecord[]): void {
    if (this.tree && records.some(changesTree)) this.forget();
  }

  private forget(): void {
    this.tree = undefined;
    this.members = undefined;
  }

  private observe(tree: FocusTree): void {
    this.observer.disconnect();
    const options: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: TREE_ATTRIBUTES };
    this.observer.observe(this.root, options);
    tree.roots.forEach((root) => this.observer.observe(root, options));
  }
}
