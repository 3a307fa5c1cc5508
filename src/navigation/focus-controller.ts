import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tvFocusChangeEvent, type FocusCause } from './events';
import { composedParent, focusableOnPath, groupsOf, hasGroupOption, isFocusable, isVisible, isWithin, mayMoveFocus, type FocusTree } from './focus-dom';
import { FocusMemory } from './focus-memory';
import { FocusTreeCache } from './focus-tree-cache';
import { chooseCandidate, indexAfterRemoval, type Direction, type Rect } from './geometry';

/** Mutations that can take focus away: nodes removed, or an element hidden or disabled. */
const LOSS_ATTRIBUTES = ['hidden', 'disabled', 'aria-disabled', 'inert'];
/** Stands in for a candidate ruled out: no size, so `chooseCandidate` skips it. */
const NO_BOX: Rect = { left: 0, top: 0, width: 0, height: 0 };

/** The candidate an arrow leads to, skipping any that CSS hides; checked only for the winner, to keep a press cheap. */
function nearestShown(from: Rect, pool: readonly HTMLElement[], direction: Direction): HTMLElement | undefined {
  const rects: Rect[] = pool.map((element) => element.getBoundingClientRect());
  for (;;) {
    const index = chooseCandidate(from, rects, direction);
    if (index < 0) return undefined;
    if (isVisible(pool[index])) return pool[index];
    rects[index] = NO_BOX;
  }
}

/**
 * The spatial-navigation engine. Owns the one focused element of the host's tree: moves it by
 * geometry on arrow keys, honours `focus-group` containers (memory, default element, `self-only`
 * traps), follows focus that other code sets with `element.focus()`, and puts focus back
 * somewhere sensible when the focused element is removed, hidden or disabled.
 */
export class FocusController implements ReactiveController {
  private current?: HTMLElement;
  private readonly memory = new FocusMemory();
  /** Where the focused element sat among its group's items, to hand focus to its successor. */
  private placement?: { group: Element; index: number };
  private readonly observer = new MutationObserver((records) => {
    if (records.some(mayMoveFocus)) this.ensureFocus();
  });
  /** Traps already waited on once for rendering, so an empty one can't start an endless wait. */
  private readonly awaited = new WeakSet<Element>();
  private readonly cache: FocusTreeCache;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.cache = new FocusTreeCache(host);
    host.addController(this);
  }

  /** The focused element, if any. */
  get active(): HTMLElement | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.onFocusIn);
    this.watch(this.current);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.observer.disconnect();
    this.cache.disconnect();
  }

  hostUpdated(): void {
    this.ensureFocus();
  }

  /**
   * Moves focus one step by an arrow; false when nothing lies that way. When nothing had focus
   * (or it was lost), the press only brings focus back, so the viewer sees where they are first.
   * Looks in the focused element's own group first, then the group around that, and so on: Right
   * in a rail measures that rail's tiles, not every tile on the screen.
   */
  move(direction: Direction): boolean {
    const before = this.current;
    if (!this.ensureFocus() || !this.current) return false;
    if (this.current !== before) return true;
    const from = this.current;
    const tree = this.cache.get();
    const fromRect = from.getBoundingClientRect();
    let searched = new Set<Element>([from]);
    for (const scope of this.scopesAround(from, this.trap(tree))) {
      const members = this.cache.membersOf(scope);
      const target = nearestShown(fromRect, members.filter((element) => !searched.has(element)), direction);
      if (target) return this.focusIn(this.landingIn(from, target, tree), 'key', tree);
      searched = new Set(members);
    }
    return false;
  }

  /** The groups around `element` up to the trap, nearest first, ending with the trap itself. */
  private scopesAround(element: HTMLElement, trap: Element): Element[] {
    const groups = groupsOf(element);
    const end = groups.indexOf(trap);
    return end >= 0 ? groups.slice(0, end + 1) : groups.concat(trap);
  }

  /**
   * Focuses `element`. Refused (false) when it cannot take focus, or lies outside the open
   * dialog, or the whole app is inert under the ban screen.
   */
  focus(element: HTMLElement, cause: FocusCause = 'program'): boolean {
    return this.focusIn(element, cause, this.cache.get());
  }

  private focusIn(element: HTMLElement, cause: FocusCause, tree: FocusTree): boolean {
    if (!this.usable(element) || !isWithin(element, this.trap(tree))) return false;
    const previous = this.current;
    this.current = element;
    // Custom `focusable` elements need a tabindex to take real focus (and be announced by screen
    // readers); natively focusable ones already have a tabIndex of 0.
    if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
    // Real focus before the `focused` marks: focus() brings style up to date, which is free
    // while nothing has changed since the last frame and costly right after the marks moved.
    // preventScroll: containers scroll by transform; a native scroll jump would fight it.
    element.focus({ preventScroll: true });
    if (element !== previous) {
      previous?.removeAttribute('focused');
      element.setAttribute('focused', '');
      const groups = groupsOf(element);
      this.memory.remember(element, groups);
      this.placement = groups.length ? { group: groups[0], index: this.itemsOf(groups[0]).indexOf(element) } : undefined;
      this.watch(element);
    }
    element.dispatchEvent(tvFocusChangeEvent(cause));
    return true;
  }

  /** Focuses the default element inside `container` (the whole app when omitted). */
  focusDefault(container: Element = this.host): boolean {
    const tree = this.cache.get();
    const target = this.defaultIn(container, tree);
    return !!target && this.focusIn(target, 'program', tree);
  }

  /** Focuses the focusable element under the pointer, if any (Magic Remote hover). */
  focusFromPointer(path: readonly EventTarget[]): boolean {
    const element = focusableOnPath(path);
    return !!element && element !== this.current && this.focus(element, 'pointer');
  }

  /**
   * Keeps focus valid: inside the open dialog, and on an element that still exists, is shown
   * and enabled. Otherwise gives it to the lost element's successor in its group, else the
   * element focused before, else the default. Returns whether anything has focus.
   */
  ensureFocus(): boolean {
    if (this.host.hasAttribute('inert')) return false;
    const tree = this.cache.get();
    const trap = this.trap(tree);
    const current = this.current;
    if (current && this.usable(current) && isWithin(current, trap)) return true;
    const lost = current && !this.usable(current);
    const successor = lost ? this.successor() : undefined;
    const previous = this.memory.previous((element) => this.usable(element) && isWithin(element, trap), current);
    const target = successor ?? previous ?? this.defaultIn(trap, tree);
    if (target) return this.focusIn(target, 'restore', tree);
    if (lost) this.release(current);
    this.retryWhenRendered(trap);
    return false;
  }

  /**
   * Lets go of an element that can no longer have focus when nothing can take its place (a
   * screen with nothing to press): otherwise OK and every other key would still go to it,
   * hidden on the screen below. The history keeps it, to come back to when it shows again.
   */
  private release(element: HTMLElement): void {
    element.removeAttribute('focused');
    element.blur();
    this.current = undefined;
  }

  /**
   * A dialog that just appeared may not have drawn its buttons yet (Lit renders in a later
   * microtask): try once more when it reports its rendering complete.
   */
  private retryWhenRendered(trap: Element): void {
    const rendering = (trap as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    if (trap === this.host || !rendering || this.awaited.has(trap)) return;
    this.awaited.add(trap);
    void rendering.then(() => this.ensureFocus());
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = focusableOnPath(event.composedPath());
    if (!target || target === this.current) return;
    // Focus set by other code is adopted; focus that escaped the open dialog is pulled back.
    if (!this.focus(target, 'program')) this.ensureFocus();
  };

  /** The container focus may not leave: the last visible `self-only` group, else the app. */
  private trap(tree: FocusTree): Element {
    const traps = tree.traps.filter(isVisible);
    return traps.length ? traps[traps.length - 1] : this.host;
  }

  /**
   * Can take focus as far as attributes say: connected, focusable, and not inside anything
   * `hidden` or `inert`. Deliberately no geometry: reading it here forced the engine to style
   * and lay out the whole screen in the middle of start-up, before the first paint. What CSS
   * alone hides is skipped where geometry is read anyway, when an arrow chooses a target;
   * screens hide what is not shown with the `hidden` attribute.
   */
  private usable(element: HTMLElement): boolean {
    if (!element.isConnected || !isFocusable(element)) return false;
    for (let node: Element | null = element; node; node = composedParent(node)) {
      if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return false;
    }
    return true;
  }

  /** The focusable elements whose nearest group is `group`. */
  private itemsOf(group: Element): HTMLElement[] {
    return this.cache.membersOf(group).filter((element) => groupsOf(element)[0] === group);
  }

  /** The item that took the lost element's place in its group, if the group is still shown. */
  private successor(): HTMLElement | undefined {
    const placement = this.placement;
    if (!placement || !placement.group.isConnected) return undefined;
    const items = this.itemsOf(placement.group).filter((element) => this.usable(element));
    return items[indexAfterRemoval(placement.index, items.length)];
  }

  /** The element marked `default-focus` inside `container`, else its first focusable one. */
  private defaultIn(container: Element, tree: FocusTree): HTMLElement | undefined {
    return this.markedDefaultIn(container, tree) ?? tree.focusables.find((element) => isWithin(element, container) && this.usable(element));
  }

  /** The focusable element at (or inside) the first `default-focus` mark in `container`. */
  private markedDefaultIn(container: Element, tree: FocusTree): HTMLElement | undefined {
    const marked = tree.defaults.find((element) => isWithin(element, container));
    return marked && tree.focusables.find((element) => isWithin(element, marked) && this.usable(element));
  }

  /**
   * Arrowing into a group lands on its remembered element (`last-focused`) or its default
   * element rather than the geometric neighbour, so each rail keeps its place.
   */
  private landingIn(from: HTMLElement, to: HTMLElement, tree: FocusTree): HTMLElement {
    const left = new Set(groupsOf(from));
    const entered = groupsOf(to).filter((group) => !left.has(group)).reverse();
    for (const group of entered) {
      const remembered = hasGroupOption(group, 'last-focused') ? this.memory.recall(group, (element) => this.usable(element)) : undefined;
      const landing = remembered ?? this.markedDefaultIn(group, tree);
      if (landing) return landing;
    }
    return to;
  }

  /**
   * Watches every tree the focused element is rendered through (removals inside a shadow root
   * are invisible from outside it), and the host itself: when the ban screen lifts `inert`,
   * focus comes back at once even if nothing had it yet.
   */
  private watch(element: HTMLElement | undefined): void {
    this.observer.disconnect();
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['inert'] });
    const roots = new Set<Node>();
    for (let node: Element | null = element ?? null; node; node = composedParent(node)) roots.add(node.getRootNode());
    roots.forEach((root) => this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: LOSS_ATTRIBUTES }));
  }
}
