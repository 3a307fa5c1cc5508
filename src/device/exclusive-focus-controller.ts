import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { setAttributeTo } from '../navigation/set-flag';

type Host = ReactiveControllerHost & HTMLElement;

/** What each sibling gets while the host holds focus alone; the values they had are put back after. */
const HIDDEN_ATTRIBUTES = [
  ['inert', ''],
  ['aria-hidden', 'true'],
] as const;

/**
 * While active, the host alone can hold focus: it focuses itself, takes focus back from
 * anything else, and marks its siblings `inert` and `aria-hidden` (restoring them after).
 * `inert` only works from Chromium 102, so the focus guard covers older TV engines; a
 * MutationObserver covers siblings added later, such as the shell mounted after a stored ban.
 * When the ban lifts, focus goes back to what held it before.
 */
export class ExclusiveFocusController implements ReactiveController {
  /** Each hidden sibling with its own values of HIDDEN_ATTRIBUTES; set while engaged. */
  private saved?: Map<Element, Array<string | null>>;
  private observer?: MutationObserver;
  private focusBefore?: HTMLElement;

  constructor(
    private readonly host: Host,
    private readonly isActive: () => boolean,
  ) {
    host.addController(this);
  }

  private readonly guardFocus = (event: FocusEvent): void => {
    if (!this.host.contains(event.target as Node)) this.host.focus();
  };

  hostUpdated(): void {
    if (this.isActive() && !this.saved) this.engage();
    else if (!this.isActive()) this.release();
  }

  hostDisconnected(): void {
    this.release();
  }

  private engage(): void {
    this.saved = new Map();
    this.focusBefore = deepActiveElement();
    this.host.setAttribute('tabindex', '-1');
    this.host.focus();
    document.addEventListener('focusin', this.guardFocus, true);
    const parent = this.host.parentElement;
    if (!parent) return;
    this.hide(parent.children);
    this.observer = new MutationObserver((records) => records.forEach((record) => this.hide(record.addedNodes)));
    this.observer.observe(parent, { childList: true });
  }

  private hide(nodes: ArrayLike<Node>): void {
    for (const node of Array.from(nodes)) {
      if (!(node instanceof Element) || node === this.host || !this.saved || this.saved.has(node)) continue;
      this.saved.set(node, HIDDEN_ATTRIBUTES.map(([name]) => node.getAttribute(name)));
      for (const [name, value] of HIDDEN_ATTRIBUTES) node.setAttribute(name, value);
    }
  }

  private release(): void {
    if (!this.saved) return;
    document.removeEventListener('focusin', this.guardFocus, true);
    this.observer?.disconnect();
    this.observer = undefined;
    this.saved.forEach((previous, element) =>
      HIDDEN_ATTRIBUTES.forEach(([name], i) => setAttributeTo(element, name, previous[i] ?? undefined)),
    );
    this.saved = undefined;
    this.host.removeAttribute('tabindex');
    // Hand focus back where the viewer left it, so the shell's focus is not lost to <body>.
    if (this.focusBefore?.isConnected) this.focusBefore.focus();
    this.focusBefore = undefined;
  }
}

/** The focused element, looking through open shadow roots (Lit components keep focus inside theirs). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
