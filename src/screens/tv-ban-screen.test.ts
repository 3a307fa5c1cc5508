import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceState, DeviceStateSource } from '../device/device-state';
import './tv-ban-screen';
import type { TvBanScreen } from './tv-ban-screen';

class StateSource implements DeviceStateSource {
  state: DeviceState = { online: true, inFlight: false };
  private readonly listeners = new Set<(state: DeviceState) => void>();
  subscribe(listener: (state: DeviceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(patch: Partial<DeviceState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener(this.state));
  }
}

let source: StateSource;
let screen: TvBanScreen;
let shell: HTMLElement;
let exit: ReturnType<typeof vi.fn<() => void>>;
let shellKeys: string[];
const recordShellKey = (event: KeyboardEvent): void => {
  shellKeys.push(event.key);
};

function press(key: string, keyCode = 0, init: KeyboardEventInit = {}): void {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  if (keyCode) Object.defineProperty(event, 'keyCode', { value: keyCode });
  document.body.dispatchEvent(event);
}

beforeEach(async () => {
  source = new StateSource();
  exit = vi.fn<() => void>();
  shellKeys = [];
  screen = document.createElement('tv-ban-screen');
  screen.device = source;
  screen.platform = { exit };
  document.body.appendChild(screen);
  // The shell comes later, with its own key listeners, as in start.ts.
  shell = document.createElement('div');
  shell.setAttribute('aria-hidden', 'false');
  shell.innerHTML = '<button>Play</button>';
  document.body.appendChild(shell);
  window.addEventListener('keydown', recordShellKey, true);
  await screen.updateComplete;
});

afterEach(() => {
  window.removeEventListener('keydown', recordShellKey, true);
  document.body.innerHTML = '';
});

async function ban(message: string): Promise<void> {
  source.set({ banned: { message } });
  await screen.updateComplete;
}

describe('<tv-ban-screen>', () => {
  it('shows nothing and takes no key while the device is not banned', () => {
    expect(screen.hasAttribute('active')).toBe(false);
    expect(screen.shadowRoot?.textContent?.trim()).toBe('');
    press('ArrowDown');
    expect(shellKeys).toEqual(['ArrowDown']);
  });

  it('is what a voice guide reads: the focused screen is an alert dialog named by the message, until the ban lifts', async () => {
    await ban('This TV is banned. Call 0800 123 456.');
    expect(document.activeElement).toBe(screen);
    expect(screen.getAttribute('role')).toBe('alertdialog');
    expect(screen.getAttribute('aria-label')).toBe('This TV is banned. Call 0800 123 456.');
    source.set({ banned: undefined });
    await screen.updateComplete;
    expect(screen.hasAttribute('role')).toBe(false);
    expect(screen.hasAttribute('aria-label')).toBe(false);
  });

  it("shows the server's message as text, never as HTML", async () => {
    await ban('<img src=x onerror="window.hacked=1"><b>Banned</b>');
    expect(screen.hasAttribute('active')).toBe(true);
    const message = screen.shadowRoot?.querySelector('.message');
    expect(message?.textContent).toBe('<img src=x onerror="window.hacked=1"><b>Banned</b>');
    expect(screen.shadowRoot?.querySelector('img, b')).toBeNull();
  });

  it('takes every key: arrows and OK do nothing and never reach the shell', async () => {
    await ban('Banned');
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'a']) press(key);
    expect(shellKeys).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });

  it('leaves the app on Back and Exit, once per press', async () => {
    await ban('Banned');
    press('Escape');
    press('', 10009);
    press('', 461);
    press('', 10182);
    press('Escape', 0, { repeat: true });
    expect(exit).toHaveBeenCalledTimes(4);
    expect(shellKeys).toEqual([]);
  });

  it('makes everything else inert and hidden, including what mounts later, and holds focus', async () => {
    await ban('Banned');
    const later = document.createElement('section');
    document.body.appendChild(later);
    await Promise.resolve();
    for (const element of [shell, later]) {
      expect(element.hasAttribute('inert')).toBe(true);
      expect(element.getAttribute('aria-hidden')).toBe('true');
    }
    shell.querySelector('button')?.focus();
    expect(document.activeElement).toBe(screen);
  });

  it('disappears live when the ban is lifted, giving the page back as it was', async () => {
    await ban('Banned');
    source.set({ banned: undefined });
    await screen.updateComplete;
    expect(screen.hasAttribute('active')).toBe(false);
    expect(shell.hasAttribute('inert')).toBe(false);
    expect(shell.getAttribute('aria-hidden')).toBe('false');
    press('ArrowLeft');
    expect(shellKeys).toEqual(['ArrowLeft']);
  });
});
