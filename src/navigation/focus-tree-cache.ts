import { FOCUSABLE_SELECTOR, groupsOf, walkFocusTree, type FocusTree } from './focus-dom';

/** Attributes that change what can take focus, or how it is grouped and trapped. */
const TREE_ATTRIBUTES = ['hidden', 'inert', 'disabled', 'aria-disabled', 'focusable', 'href', 'focus-group', 'self-only', 'last-focused', 'default-focus', 'slot', 'name'];
/** Elements whose arrival or removal can change the tree (slots re-route children). */
const TREE_ELEMENTS = `${FOCUSABLE_SELECTOR}, [focus-group], [default-focus], slot`;

/** A custom element may carry a shadow root full of focusables that the walk has not seen. */
const mayHoldFocusables = (element: Element): boolean => element.localName.indexOf('-') > 0 || element.matches(TREE_ELEMENTS);

function changesTree(record: MutationRecord): boolean {
  if (record.type === 'attributes') return true;
  const touched = Array.prototype.slice.call(record.addedNodes).concat(Array.prototype.slice.call(record.removedNodes)) as Node[];
  return touched.some((node) => {
    if (!(node instanceof Element)) return false;
    if (mayHoldFocusables(node)) return true;
    const inside = node.getElementsByTagName('*');
    for (let i = 0; i < inside.length; i++) if (mayHoldFocusables(inside[i])) return true;
    return false;
  });
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
  /** Each element's `focus-group` containers, nearest first. */
  private readonly chains = new Map<Element, Element[]>();
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

  /** `groupsOf`, remembered until the tree changes. */
  groupsOf(element: Element): Element[] {
    let groups = this.chains.get(element);
    if (!groups) {
      groups = groupsOf(element);
      this.chains.set(element, groups);
    }
    return groups;
  }

  /** The focusable elements inside `container` (the root, or any `focus-group`). */
  membersOf(container: Element): HTMLElement[] {
    const tree = this.get();
    if (container === this.root) return tree.focusables;
    if (!this.members) {
      const members = new Map<Element, HTMLElement[]>();
      tree.focusables.forEach((element) =>
        this.groupsOf(element).forEach((group) => {
          const list = members.get(group);
          if (list) list.push(element);
          else members.set(group, [element]);
        }),
      );
      this.members = members;
    }
    return this.members.get(container) ?? [];
  }

  /** True when `element` lies inside `container` (the root, or a `focus-group`). */
  contains(container: Element, element: Element): boolean {
    return container === this.root || this.groupsOf(element).indexOf(container) >= 0;
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
    this.chains.clear();
  }

  private observe(tree: FocusTree): void {
    this.observer.disconnect();
    const options: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: TREE_ATTRIBUTES };
    this.observer.observe(this.root, options);
    tree.roots.forEach((root) => this.observer.observe(root, options));
  }
}
