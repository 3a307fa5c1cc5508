import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Elements that never take focus or show anything: left alone. */
const INERT_ANYWAY = new Set(['SCRIPT', 'STYLE', 'LINK', 'TEMPLATE']);

/**
 * While active, the host alone can hold focus: it focuses itself, takes focus back from
 * anything else, and marks its siblings `inert` and `aria-hidden` (restoring them after).
 * `inert` only works from Chromium 102, so the focus guard covers older TV engines; a
 * MutationObserver covers siblings added later, such as the shell mounted after a stored ban.
 * When the ban lifts, focus goes back to what held it before.
 */
export class ExclusiveFocusController implements ReactiveController {
  private saved?: Map<Element, { inert: string | null; ariaHidden: string | null }>;
  private observer?: MutationObserver;
  private focusBefore?: HTMLElement;

  constructor(
    private readonly host: Host,
    private readonly isActive: () => boolean,
  ) {
    host.addController(this);
  }

  private readonly guardFocus = (event: FocusEvent): void => {
    if (event.target !== this.host && !this.host.contains(event.target as Node)) this.host.focus();
  };

  hostUpdated(): void {
    if (this.isActive() && !this.saved) this.engage();
    else if (!this.isActive() && this.saved) this.release();
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
    if (parent) {
      for (const element of Array.from(parent.children)) this.hide(element);
      this.observer = new MutationObserver((records) => {
        for (const record of records) for (const node of Array.from(record.addedNodes)) if (node instanceof Element) this.hide(node);
      });
      this.observer.observe(parent, { childList: true });
    }
  }

  private hide(element: Element): void {
    if (element === this.host || INERT_ANYWAY.has(element.tagName) || !this.saved || this.saved.has(element)) return;
    this.saved.set(element, { inert: element.getAttribute('inert'), ariaHidden: element.getAttribute('aria-hidden') });
    element.setAttribute('inert', '');
    element.setAttribute('aria-hidden', 'true');
  }

  private release(): void {
    if (!this.saved) return;
    document.removeEventListener('focusin', this.guardFocus, true);
    this.observer?.disconnect();
    this.observer = undefined;
    this.saved.forEach((previous, element) => {
      restore(element, 'inert', previous.inert);
      restore(element, 'aria-hidden', previous.ariaHidden);
    });
    this.saved = undefined;
    this.host.removeAttribute('tabindex');
    // Hand focus back where the viewer left it, so the shell's focus is not lost to <body>.
    if (this.focusBefore?.isConnected) this.focusBefore.focus();
    this.focusBefore = undefined;
  }
}

function restore(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** The focused element, looking through open shadow roots (Lit components keep focus inside theirs). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
