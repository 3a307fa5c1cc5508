import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLeaveKey } from './ban-keys';

const TRAPPED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * While active, takes every key before anything else sees it: window listeners in the capture
 * phase, registered when the ban screen connects — before the shell exists — so they run first
 * and `stopImmediatePropagation` keeps every later listener (the shell's) from hearing the key.
 * Back and Exit call `onLeave` once per press; all other keys do nothing.
 */
export class BanKeyTrapController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly isActive: () => boolean,
    private readonly onLeave: () => void,
  ) {
    host.addController(this);
  }

  private readonly trap = (event: Event): void => {
    if (!this.isActive()) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    const key = event as KeyboardEvent;
    if (key.type === 'keydown' && !key.repeat && isLeaveKey(key)) this.onLeave();
  };

  hostConnected(): void {
    for (const type of TRAPPED_EVENTS) window.addEventListener(type, this.trap, true);
  }

  hostDisconnected(): void {
    for (const type of TRAPPED_EVENTS) window.removeEventListener(type, this.trap, true);
  }
}
