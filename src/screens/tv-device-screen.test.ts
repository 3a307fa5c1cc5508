import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceService, DeviceState } from '../device/device-state';
import './tv-device-screen';

class StateSource implements DeviceService {
  private readonly listeners = new Set<(state: DeviceState) => void>();
  constructor(public state: DeviceState) {}
  subscribe(listener: (state: DeviceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setCheckInterval(): void {}
  set(patch: Partial<DeviceState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener(this.state));
  }
}

const at = (h: number, m: number, s: number): number => new Date(2024, 0, 1, h, m, s).getTime();

afterEach(() => {
  document.body.innerHTML = '';
});

async function mount(state: DeviceState) {
  const source = new StateSource(state);
  const screen = document.createElement('tv-device-screen');
  screen.services = { device: source };
  document.body.appendChild(screen);
  await screen.updateComplete;
  const text = (): string => (screen.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
  return { source, screen, text };
}

describe('<tv-device-screen>', () => {
  it('shows identity, platform, firmware, network, management, last and next check, and ban state', async () => {
    const { text } = await mount({
      identity: { mac: '5C497DA1B2C3', macSource: 'platform', platform: 'tizen', osName: 'Tizen', osVersion: '6.0', firmware: 'T-1290.3', model: 'QE55', brand: 'Samsung', uniqueId: 'DUID1', deviceType: 'TV' },
      managementEnabled: true,
      lastCheck: { at: at(14, 3, 7), outcome: { kind: 'failed', detail: 'HTTP 500' } },
      nextCheckAt: at(14, 8, 9),
      online: true,
      inFlight: false,
    });
    for (const expected of ['5C:49:7D:A1:B2:C3', 'MAC from the platform', 'Samsung Tizen', 'Tizen 6.0', 'T-1290.3', 'Samsung QE55', 'DUID1', 'Online', 'Enabled', '14:03:07', 'Failed: HTTP 500', '14:08:09', 'Not banned']) {
      expect(text()).toContain(expected);
    }
  });

  it('follows state changes live', async () => {
    const { source, screen, text } = await mount({ online: true, inFlight: false });
    expect(text()).toContain('Reading the platform');
    expect(text()).toContain('Not known yet');
    source.set({ online: false, inFlight: true, banned: { message: 'Go away' }, managementEnabled: false });
    await screen.updateComplete;
    for (const expected of ['Offline', 'Checking now', 'Banned: Go away', 'Disabled']) expect(text()).toContain(expected);
  });

  it('offers a slot for the registration section', async () => {
    const { screen } = await mount({ online: true, inFlight: false });
    expect(screen.shadowRoot?.querySelector('slot[name="registration"]')).not.toBeNull();
  });
});
