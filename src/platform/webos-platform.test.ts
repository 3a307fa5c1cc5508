import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeWebos } from './emulation/fake-webos';
import { PLATFORM_CALL_TIMEOUT_MS } from './bounded-call';
import type { WebOsWindow } from './webos-api';
import { createWebOsPlatform } from './webos-platform';

const win = window as unknown as WebOsWindow;
/** Relaunch subscriptions a test made, ended after it so the next test hears only its own. */
const subscriptions: Array<() => void> = [];

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  history.replaceState(null, '', '/');
});

afterEach(() => {
  subscriptions.splice(0).forEach((stop) => stop());
  delete win.PalmSystem;
  delete win.webOSSystem;
  delete win.PalmServiceBridge;
  delete window.__tvFake;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('webOS platform', () => {
  it('reads MAC, firmware, model, SDK version and LGUDID through Luna', async () => {
    installFakeWebos({ mac: 'a8:23:fe:aa:bb:cc', firmware: '05.30.40', model: 'OLED65C2', duid: 'udid-1', osVersion: '7.1.0' });
    const platform = createWebOsPlatform(win);
    expect([platform.name, platform.osName, platform.brand]).toEqual(['webos', 'webOS', 'LG']);
    expect(await platform.readMac()).toBe('a8:23:fe:aa:bb:cc');
    expect(await platform.readFirmware()).toBe('05.30.40');
    expect(await platform.readModel()).toBe('OLED65C2');
    expect(await platform.readOsVersion()).toBe('7.1.0');
    expect(await platform.readUniqueId()).toBe('udid-1');
  });

  it.each(['00:00:00:00:00:00', 'FF:FF:FF:FF:FF:FF', ''])('takes the Wi-Fi MAC when the wired one is not a usable address (%j)', async (wired) => {
    installFakeWebos({ mac: wired });
    expect(await createWebOsPlatform(win).readMac()).toBe('a8:23:fe:10:20:31');
  });

  it('gives no MAC when connectionmanager refuses', async () => {
    installFakeWebos({ refuseMac: true });
    expect(await createWebOsPlatform(win).readMac()).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith('[tv-app:platform:webos]', expect.stringContaining('Denied'));
  });

  it('gives up on a Luna service that never answers, falling back to PalmSystem.deviceInfo', async () => {
    vi.useFakeTimers();
    installFakeWebos({ hang: true, model: 'OLED48C1', osVersion: '6.2.0' });
    const platform = createWebOsPlatform(win);
    const reads = Promise.all([platform.readMac(), platform.readModel(), platform.readFirmware(), platform.readUniqueId()]);
    await vi.advanceTimersByTimeAsync(PLATFORM_CALL_TIMEOUT_MS);
    expect(await reads).toEqual([undefined, 'OLED48C1', '6.2.0', undefined]);
  });

  it('works without PalmServiceBridge', async () => {
    installFakeWebos({ model: 'OLED48C1' });
    delete win.PalmServiceBridge;
    const platform = createWebOsPlatform(win);
    expect(await platform.readMac()).toBeUndefined();
    expect(await platform.readModel()).toBe('OLED48C1');
  });

  it('reads launch parameters, ignoring broken JSON', () => {
    installFakeWebos({ launchParams: { magicLink: 'link-1' } });
    const platform = createWebOsPlatform(win);
    expect(platform.launchParams()).toEqual({ magicLink: 'link-1' });
    (win.PalmSystem as { launchParams: string }).launchParams = '{broken';
    expect(platform.launchParams()).toEqual({});
  });

  it('reports a relaunch and brings the app to the front', () => {
    installFakeWebos();
    const listener = vi.fn();
    subscriptions.push(createWebOsPlatform(win).onRelaunch(listener));
    window.__tvFake?.relaunch({ magicLink: 'link-2' });
    expect(listener).toHaveBeenCalledWith({ magicLink: 'link-2' });
    expect(window.__tvFake?.calls).toContain('activate');
  });

  it('passes on a new link from a relaunch, but not the link the app was already launched with (a plain return to the app)', () => {
    installFakeWebos({ launchParams: { magicLink: 'link-1', userToken: 'user-1' } });
    const listener = vi.fn();
    subscriptions.push(createWebOsPlatform(win).onRelaunch(listener));
    window.__tvFake?.relaunch({ magicLink: 'link-1', userToken: 'user-1' });
    expect(listener).toHaveBeenLastCalledWith({ userToken: 'user-1' });
    // No details at all: PalmSystem.launchParams still holds the launch's link.
    document.dispatchEvent(new CustomEvent('webOSRelaunch'));
    expect(listener).toHaveBeenLastCalledWith({ userToken: 'user-1' });
    window.__tvFake?.relaunch({ magicLink: 'link-2' });
    expect(listener).toHaveBeenLastCalledWith({ magicLink: 'link-2' });
    window.__tvFake?.relaunch({});
    document.dispatchEvent(new CustomEvent('webOSRelaunch'));
    expect(listener).toHaveBeenLastCalledWith({});
    expect(listener).toHaveBeenCalledTimes(5);
  });

  it('gives every listener the same answer for one relaunch, and brings the app to the front once', () => {
    installFakeWebos({ launchParams: { magicLink: 'link-1' } });
    const platform = createWebOsPlatform(win);
    const [router, approval] = [vi.fn(), vi.fn()];
    subscriptions.push(platform.onRelaunch(router), platform.onRelaunch(approval));
    window.__tvFake?.relaunch({ magicLink: 'link-2' });
    expect(router).toHaveBeenLastCalledWith({ magicLink: 'link-2' });
    expect(approval).toHaveBeenLastCalledWith({ magicLink: 'link-2' });
    window.__tvFake?.relaunch({ magicLink: 'link-2' });
    expect(router).toHaveBeenLastCalledWith({});
    expect(approval).toHaveBeenLastCalledWith({});
    expect(window.__tvFake?.calls.filter((call) => call === 'activate')).toHaveLength(2);
  });

  it("follows the connection manager's status until unsubscribed", async () => {
    installFakeWebos();
    const listener = vi.fn();
    const stop = createWebOsPlatform(win).onNetworkChange(listener);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(true));
    window.__tvFake?.setNetwork(false);
    stop();
    window.__tvFake?.setNetwork(true);
    expect(listener.mock.calls).toEqual([[true], [false]]);
  });

  it('exits with platformBack', () => {
    installFakeWebos();
    createWebOsPlatform(win).exit();
    expect(window.__tvFake?.calls).toContain('exit');
  });
});
