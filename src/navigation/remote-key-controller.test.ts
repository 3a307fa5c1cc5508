import { afterEach, describe, expect, it } from 'vitest';
import { TestControllerHost } from './test-controller-host';
import { FocusController } from './focus-controller';
import type { TvKey } from './key-map';
import { RemoteKeyController } from './remote-key-controller';

class KeyHost extends TestControllerHost {}
customElements.define('test-key-host', KeyHost);

/** Window listeners outlive a test's DOM: each test disconnects what it connected. */
const cleanups: Array<() => void> = [];

function setup() {
  const host = document.createElement('test-key-host') as KeyHost;
  host.innerHTML = '<input id="field" type="text" value="abc" /><button id="ok">OK</button>';
  document.body.appendChild(host);
  for (const element of Array.from(host.querySelectorAll('*')).concat(host)) {
    element.getBoundingClientRect = () => ({ left: 0, top: 0, width: 100, height: 40, right: 100, bottom: 40, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
  }
  const focus = new FocusController(host);
  const keys: TvKey[] = [];
  new RemoteKeyController(host, focus, (key) => keys.push(key));
  host.controllers.forEach((controller) => controller.hostConnected?.());
  cleanups.push(() => host.controllers.forEach((controller) => controller.hostDisconnected?.()));
  const press = (init: KeyboardEventInit) => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    window.dispatchEvent(event);
    window.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, ...init }));
    return event;
  };
  const field = host.querySelector('input') as HTMLInputElement;
  return { host, focus, keys, press, field };
}

afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  document.body.innerHTML = '';
});

describe('RemoteKeyController', () => {
  it('lets a text field keep Left and Right while the caret can move, and Backspace always', () => {
    const { focus, keys, press, field } = setup();
    focus.focus(field);
    field.setSelectionRange(1, 1);
    expect(press({ key: 'ArrowLeft' }).defaultPrevented).toBe(false);
    expect(press({ key: 'Backspace' }).defaultPrevented).toBe(false);
    field.setSelectionRange(0, 0);
    press({ key: 'ArrowLeft' });
    press({ key: 'Escape' });
    expect(keys).toEqual(['left', 'back']);
  });

  it('takes focus into a modal an app maker opened inside its own component at the next key, so OK never acts behind it', () => {
    const { host, focus, press } = setup();
    focus.focus(host.querySelector<HTMLElement>('#ok')!);
    // The app maker's component renders its modal into its own shadow root, not as its host.
    const component = document.createElement('maker-panel');
    host.appendChild(component);
    const modal = component.attachShadow({ mode: 'open' });
    modal.innerHTML = '<div focus-group="self-only"><button id="modal-ok">Modal OK</button></div>';
    modal.querySelectorAll('*').forEach((element) => (element.getBoundingClientRect = host.getBoundingClientRect));
    const received: string[] = [];
    host.addEventListener('tv-key', (event) => received.push(`${event.detail.key} at ${(event.target as Element).id}`));
    // The first OK only shows where focus is now; the second chooses.
    press({ key: 'Enter' });
    expect(focus.active?.id).toBe('modal-ok');
    expect(received).toEqual([]);
    press({ key: 'Enter' });
    expect(received).toEqual(['enter at modal-ok']);
  });

  it('hands the remote’s keys to the app and stops the browser acting on them', () => {
    const { keys, press } = setup();
    expect(press({ key: 'Unidentified', keyCode: 10009 }).defaultPrevented).toBe(true);
    press({ key: 'ColorF0Red' });
    press({ key: 'a' });
    expect(keys).toEqual(['back', 'red']);
  });

  it('skips the app’s action when a component cancels the tv-key event', () => {
    const { host, keys, press } = setup();
    host.addEventListener('tv-key', (event) => event.detail.key === 'back' && event.preventDefault());
    press({ key: 'Escape' });
    press({ key: 'ArrowDown' });
    expect(keys).toEqual(['down']);
  });

  it('ignores keys while the app is inert under the ban screen', () => {
    const { host, keys, press } = setup();
    host.setAttribute('inert', '');
    press({ key: 'ArrowDown' });
    expect(keys).toEqual([]);
  });
});
