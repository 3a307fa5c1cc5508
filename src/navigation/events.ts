import type { TvKey } from './key-map';
import type { RouteName } from './router';

/** Why focus moved: reveal-on-focus skips pointer moves so a rail never slides under the pointer. */
export type FocusCause = 'key' | 'pointer' | 'restore' | 'program';

export interface TvKeyDetail {
  key: TvKey;
}

export interface TvNavigateDetail {
  /** The screen to open; a name the router does not know is ignored with a warning at run time. */
  route: RouteName;
}

export interface TvFocusChangeDetail {
  cause: FocusCause;
}

/**
 * Fired at the focused element (bubbling, composed, cancelable) for every remote key before the
 * shell acts on it; `preventDefault()` keeps the shell's default action from happening.
 */
export function tvKeyEvent(key: TvKey): CustomEvent<TvKeyDetail> {
  return new CustomEvent('tv-key', { detail: { key }, bubbles: true, composed: true, cancelable: true });
}

/** Any module can open a screen with `window.dispatchEvent(tvNavigateEvent('device'))`. */
export function tvNavigateEvent(route: RouteName): CustomEvent<TvNavigateDetail> {
  return new CustomEvent('tv-navigate', { detail: { route }, bubbles: true, composed: true });
}

/** Fired at an element after the focus engine focused it. */
export function tvFocusChangeEvent(cause: FocusCause): CustomEvent<TvFocusChangeDetail> {
  return new CustomEvent('tv-focus-change', { detail: { cause }, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tv-key': CustomEvent<TvKeyDetail>;
    'tv-navigate': CustomEvent<TvNavigateDetail>;
    'tv-focus-change': CustomEvent<TvFocusChangeDetail>;
  }
}
