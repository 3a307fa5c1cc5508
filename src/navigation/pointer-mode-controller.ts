import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FocusController } from './focus-controller';
import { isArrow, keyFromEvent } from './key-map';
import { setFlag } from './set-flag';

/** webOS fires this on `document` when the Magic Remote's cursor appears or hides. */
interface CursorStateChangeEvent extends Event {
  detail?: { visibility?: boolean };
}

/**
 * Magic Remote pointer mode: moving the pointer switches to hover-to-focus, an arrow key
 * switches back. Reflected as the host's `pointer-mode` attribute only, which pointer-only
 * controls (rail arrows) match with `:host-context([pointer-mode])`: a switch restyles just them,
 * nothing renders again.
 */
export class PointerModeController implements ReactiveController {
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
    setFlag(this.host, 'pointer-mode', true);
    this.focus.focusFromPointer(event.composedPath());
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const key = keyFromEvent(event);
    if (key && isArrow(key)) setFlag(this.host, 'pointer-mode', false);
  };

  private readonly onCursorState = (event: CursorStateChangeEvent): void => {
    if (typeof event.detail?.visibility === 'boolean') setFlag(this.host, 'pointer-mode', event.detail.visibility);
  };
}
