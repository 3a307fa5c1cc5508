import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tvKeyEvent } from './events';
import type { FocusController } from './focus-controller';
import { isTextField } from './focus-dom';
import { isArrow, keyFromEvent, type TvKey } from './key-map';
import { KeyRepeatGate } from './key-repeat-gate';

/** While the caret can still move inside a text field, Left and Right belong to the field. */
function caretCanMove(field: HTMLInputElement | HTMLTextAreaElement, key: TvKey): boolean {
  let start: number | null;
  let end: number | null;
  try {
    ({ selectionStart: start, selectionEnd: end } = field);
  } catch {
    return false; // email and number inputs have no caret API
  }
  if (start === null || end === null) return false;
  if (key === 'left') return start > 0;
  if (key === 'right') return end < field.value.length;
  return false;
}

/**
 * Turns remote-control keydowns into `TvKey`s: paces held keys, lets text fields keep their
 * editing keys, fires a cancelable `tv-key` event at the focused element, and hands every key
 * nobody cancelled to `onKey`. Listens on `window` in the bubble phase, so the ban screen's
 * capture-phase listener (and any component's own handler) sees keys first.
 */
export class RemoteKeyController implements ReactiveController {
  private readonly gate = new KeyRepeatGate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly focus: FocusController,
    private readonly onKey: (key: TvKey) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('keyup', this.onKeyUp);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('keyup', this.onKeyUp);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || this.host.hasAttribute('inert')) return;
    // A modal opened inside a component's own shadow root is not seen until focus is checked, so
    // it is checked first. A press that brings focus there (or back, after it was lost) does only
    // that for arrows and OK: the viewer sees where focus is before anything moves or is chosen.
    const before = this.focus.active;
    this.focus.ensureFocus();
    const active = this.focus.active;
    const field = isTextField(active) ? active : undefined;
    const key = keyFromEvent(event, !!field);
    if (!key) return;
    if (field && (key === 'enter' || ((key === 'left' || key === 'right') && caretCanMove(field, key)))) return;
    // Stops native scrolling, Backspace history navigation and double activation on Enter.
    event.preventDefault();
    // Only arrows repeat while held: a held OK or Back must not fire again and again.
    if (!this.gate.press(key, performance.now(), isArrow(key))) return;
    if (active !== before && (isArrow(key) || key === 'enter')) return;
    const target = active && active.isConnected ? active : this.host;
    if (target.dispatchEvent(tvKeyEvent(key))) this.onKey(key);
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    const key = keyFromEvent(event);
    if (key) this.gate.release(key);
  };
}
