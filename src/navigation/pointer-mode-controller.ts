import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FocusController } from './focus-controller';
import { isArrow, keyFromEvent } from './key-map';

/** webOS fires this on `document` when the Magic Remote's cursor appears or hides. */
interface CursorStateChangeEvent extends Event {
  detail?: { visibility?: boolean };
}

/**
 * Magic Remote pointer mode: moving the pointer switches to hover-to-focus, an arrow key
 * switches back. Reflected as the host's `pointer-mode` attribute, which shows pointer-only
 * controls (rail arrows) through the `--tv-pointer-only` custom property.
 */
export class PointerModeController implements ReactiveController {
  /** True while the viewer points instead of pressing arrows. */
  active = false;
  private last?: { x: number; y: number };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly focus: FocusController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('mousemove', this.onMouseMove);
    window.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('cursorStateChange', this.onCursorState);
  }

  hostDisconnected(): void {
    window.removeEventListener('mousemove', this.onMouseMove);
    window.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('cursorStateChange', this.onCursorState);
  }

  private readonly onMouseMove = (event: MouseEvent): void => {
    // Engines send a synthetic mousemove when content moves under a still pointer: not a viewer's move.
    const moved = !this.last || this.last.x !== event.screenX || this.last.y !== event.screenY;
    this.last = { x: event.screenX, y: event.screenY };
    if (!moved || this.host.hasAttribute('inert')) return;
    this.set(true);
    this.focus.focusFromPointer(event.composedPath());
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const key = keyFromEvent(event);
    if (key && isArrow(key)) this.set(false);
  };

  private readonly onCursorState = (event: CursorStateChangeEvent): void => {
    if (typeof event.detail?.visibility === 'boolean') this.set(event.detail.visibility);
  };

  private set(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    if (active) this.host.setAttribute('pointer-mode', '');
    else this.host.removeAttribute('pointer-mode');
    this.host.requestUpdate();
  }
}
