import { afterEach, describe, expect, it } from 'vitest';
import { TestControllerHost } from './test-controller-host';
import { FocusController } from './focus-controller';

class TestHost extends TestControllerHost {}
customElements.define('test-focus-host', TestHost);

/** Gives an element a fixed on-screen box (happy-dom does no layout). */
function place(element: Element, left: number, top: number, width = 100, height = 100): void {
  element.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
}

function setup(markup: string) {
  const host = document.createElement('test-focus-host') as TestHost;
  place(host, 0, 0, 1920, 1080);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = markup;
  document.body.appendChild(host);
  const focus = new FocusController(host as unknown as TestHost & { updateComplete: Promise<boolean> });
  focus.hostConnected();
  const $ = (id: string): HTMLElement => {
    const found = shadow.getElementById(id) ?? [...shadow.querySelectorAll('*')].map((e) => e.shadowRoot?.getElementById(id)).find(Boolean);
    if (!found) throw new Error(`no #${id}`);
    return found as HTMLElement;
  };
  return { host, shadow, focus, $ };
}

/** Two rails of three buttons; the second rail lives inside its own shadow root, like a `tv-rail`. */
function twoRails(railOptions = 'last-focused') {
  const ctx = setup(`
    <div id="rail1" focus-group ${railOptions}><button id="a0">a0</button><button id="a1">a1</button><button id="a2">a2</button></div>
    <div id="rail2host"></div>`);
  const inner = ctx.$('rail2host').attachShadow({ mode: 'open' });
  inner.innerHTML = `<div id="rail2" focus-group ${railOptions}><button id="b0">b0</button><button id="b1">b1</button><button id="b2">b2</button></div>`;
  ['a', 'b'].forEach((row, r) => [0, 1, 2].forEach((i) => place(ctx.$(`${row}${i}`), i * 120, r * 150)));
  ['rail1', 'rail2'].forEach((id, r) => place(ctx.$(id), 0, r * 150, 360, 100));
  place(ctx.$('rail2host'), 0, 150, 360, 100);
  return ctx;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FocusController', () => {
  it('focuses the first element when nothing has focus yet', () => {
    const { focus, $ } = twoRails();
    expect(focus.ensureFocus()).toBe(true);
    expect(focus.active).toBe($('a0'));
    expect($('a0').hasAttribute('focused')).toBe(true);
  });

  it('places the first focus before the screen has been laid out', () => {
    // Nothing is placed: every box is empty, as before the engine's first layout.
    const { focus, $ } = setup('<div focus-group><button id="x0">x0</button><button id="x1">x1</button></div>');
    expect(focus.ensureFocus()).toBe(true);
    expect(focus.active).toBe($('x0'));
  });

  it('moves focus into a dialog that opens on the focused screen, and leaves it alone when tiles are added', async () => {
    const { focus, shadow, $ } = twoRails();
    focus.focus($('a1'));
    const tile = document.createElement('button');
    $('rail1').appendChild(tile);
    await flush();
    expect(focus.active?.id).toBe('a1');

    const dialog = document.createElement('div');
    dialog.setAttribute('focus-group', 'self-only');
    dialog.innerHTML = '<button id="ok">OK</button>';
    shadow.appendChild(dialog);
    place(dialog, 600, 400, 600, 300);
    await flush();
    expect(focus.active?.id).toBe('ok');
  });

  it('moves in four directions, across a shadow root', () => {
    const { focus, $ } = twoRails('');
    focus.focus($('a1'));
    expect(focus.move('right')).toBe(true);
    expect(focus.active?.id).toBe('a2');
    expect(focus.move('down')).toBe(true);
    expect(focus.active?.id).toBe('b2');
    expect(focus.move('left')).toBe(true);
    expect(focus.active?.id).toBe('b1');
    expect(focus.move('up')).toBe(true);
    expect(focus.active?.id).toBe('a1');
    expect(focus.move('up')).toBe(false);
    expect(focus.active?.id).toBe('a1');
  });

  it('gives the focused element real DOM focus', () => {
    const { focus, $ } = twoRails();
    focus.focus($('b1'));
    expect($('rail2host').shadowRoot?.activeElement).toBe($('b1'));
  });

  it('skips disabled and aria-disabled elements', () => {
    const { focus, $ } = twoRails();
    $('a1').setAttribute('disabled', '');
    $('a2').setAttribute('aria-disabled', 'true');
    focus.focus($('a0'));
    expect(focus.move('right')).toBe(false);
    expect(focus.focus($('a1'))).toBe(false);
    expect(focus.active?.id).toBe('a0');
  });

  it('returns to the element last focused in a `last-focused` group', () => {
    const { focus, $ } = twoRails();
    focus.focus($('b2'));
    focus.move('up'); // a2
    focus.move('left'); // a1
    focus.move('left'); // a0
    focus.move('down'); // geometrically b0, but rail 2 remembers b2
    expect(focus.active?.id).toBe('b2');
  });

  it('lands on the `default-focus` element when entering a group for the first time', () => {
    const { focus, $ } = twoRails('');
    $('b2').setAttribute('default-focus', '');
    focus.focus($('a0'));
    focus.move('down');
    expect(focus.active?.id).toBe('b2');
  });

  it('keeps focus inside a `self-only` dialog and gives it back when the dialog goes', async () => {
    const { focus, shadow, $ } = twoRails();
    focus.focus($('a1'));
    const dialog = document.createElement('div');
    dialog.setAttribute('focus-group', 'self-only');
    dialog.innerHTML = '<button id="ok">OK</button><button id="cancel" default-focus>Cancel</button>';
    shadow.appendChild(dialog);
    place(dialog, 600, 400, 600, 300);
    place($('ok'), 650, 500);
    place($('cancel'), 800, 500);

    expect(focus.ensureFocus()).toBe(true);
    expect(focus.active?.id).toBe('cancel');
    for (const direction of ['up', 'down', 'right'] as const) expect(focus.move(direction)).toBe(false);
    expect(focus.move('left')).toBe(true);
    expect(focus.active?.id).toBe('ok');
    expect(focus.focus($('a0'))).toBe(false);

    dialog.remove();
    await flush();
    expect(focus.active?.id).toBe('a1');
  });

  it('pulls focus set by other code back into an open dialog', () => {
    const { focus, shadow, $ } = twoRails();
    const dialog = document.createElement('div');
    dialog.setAttribute('focus-group', 'self-only');
    dialog.innerHTML = '<button id="ok">OK</button>';
    shadow.appendChild(dialog);
    place(dialog, 600, 400, 600, 300);
    place($('ok'), 650, 500);
    focus.ensureFocus();
    $('a2').focus();
    expect(focus.active?.id).toBe('ok');
  });

  it('follows focus that other code sets with element.focus()', () => {
    const { focus, $ } = twoRails();
    focus.focus($('a0'));
    $('b1').focus();
    expect(focus.active?.id).toBe('b1');
    expect($('a0').hasAttribute('focused')).toBe(false);
  });

  it('hands focus to the next item in the group when the focused one is removed', async () => {
    const { focus, $ } = twoRails();
    focus.focus($('b1'));
    $('b1').remove();
    await flush();
    expect(focus.active?.id).toBe('b2');
  });

  it('moves focus on when the focused element becomes disabled', async () => {
    const { focus, $ } = twoRails();
    focus.focus($('a2'));
    $('a2').setAttribute('disabled', '');
    await flush();
    expect(focus.active?.id).toBe('a1');
  });

  it('lets go of a hidden element when the screen shown has nothing to focus, and comes back to it when it shows again', async () => {
    const { focus, shadow, $ } = setup(`
      <div id="home"><button id="approve">Approve TV</button></div>
      <div id="status"><p>Nothing to press here</p></div>`);
    focus.focus($('approve'));
    $('home').setAttribute('hidden', '');
    await flush();
    // OK and every key would otherwise still go to the button on the hidden screen.
    expect(focus.active).toBeUndefined();
    expect($('approve').hasAttribute('focused')).toBe(false);
    expect(shadow.activeElement).toBeNull();
    $('home').removeAttribute('hidden');
    await flush();
    expect(focus.active?.id).toBe('approve');
  });

  it('neither moves nor takes focus while the app is inert under the ban screen', () => {
    const { focus, host, $ } = twoRails();
    focus.focus($('a0'));
    host.setAttribute('inert', '');
    expect(focus.move('right')).toBe(false);
    expect(focus.focus($('a1'))).toBe(false);
    expect(focus.active?.id).toBe('a0');
  });

  it('takes focus as soon as the ban screen lifts `inert`, even if nothing had it', async () => {
    const { focus, host, $ } = twoRails();
    host.setAttribute('inert', '');
    expect(focus.ensureFocus()).toBe(false);
    host.removeAttribute('inert');
    await flush();
    expect(focus.active).toBe($('a0'));
  });

  it('reaches a tile added to a rail a moment ago, on the very next press', () => {
    const { focus, $ } = twoRails('');
    focus.focus($('b1'));
    expect(focus.move('right')).toBe(true); // the engine has now seen the screen once
    const added = document.createElement('button');
    added.id = 'b3';
    $('rail2').appendChild(added);
    place(added, 360, 150);
    expect(focus.move('right')).toBe(true);
    expect(focus.active).toBe(added);
  });

  it('skips a tile disabled a moment ago, on the very next press', () => {
    const { focus, $ } = twoRails('');
    focus.focus($('a0'));
    expect(focus.move('right')).toBe(true);
    $('a0').setAttribute('disabled', '');
    expect(focus.move('left')).toBe(false);
    expect(focus.active?.id).toBe('a1');
  });

  it('focuses the element under the pointer', () => {
    const { focus, $ } = twoRails();
    focus.focus($('a0'));
    const label = document.createElement('span');
    $('b2').appendChild(label);
    expect(focus.focusFromPointer([label, $('b2'), $('rail2')])).toBe(true);
    expect(focus.active?.id).toBe('b2');
  });
});
