import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeTizen } from './emulation/fake-tizen';
import type { TizenWindow } from './tizen-api';
import { createTizenPlatform } from './tizen-platform';

const win = window as unknown as TizenWindow;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  history.replaceState(null, '', '/');
});

afterEach(() => {
  delete win.tizen;
  delete win.webapis;
  delete window.__tvFake;
  vi.restoreAllMocks();
});

describe('Tizen platform', () => {
  it('reads MAC, firmware, model, DUID and platform version from webapis and tizen', async () => {
    installFakeTizen({ mac: '5c:49:7d:01:02:03', firmware: 'T-KTM-1300.1', model: 'QE65S95C', duid: 'DUID-42', osVersion: '7.0' });
    const platform = createTizenPlatform(win);
    expect([platform.name, platform.osName, platform.brand]).toEqual(['tizen', 'Tizen', 'Samsung']);
    expect(await platform.readMac()).toBe('5c:49:7d:01:02:03');
    expect(await platform.readFirmware()).toBe('T-KTM-1300.1');
    expect(await platform.readModel()).toBe('QE65S95C');
    expect(await platform.readUniqueId()).toBe('DUID-42');
    expect(await platform.readOsVersion()).toBe('7.0');
  });

  it('gives trimmed text or nothing when webapis answers numbers, false, objects or blanks', async () => {
    installFakeTizen();
    const answers: Record<string, unknown> = { getMac: 42, getFirmware: 1300, getRealModel: false, getModel: ' QE65S95C ', getDuid: { id: 'x' } };
    const fake = (name: string) => () => answers[name];
    win.webapis = { network: { getMac: fake('getMac') }, productinfo: { getFirmware: fake('getFirmware'), getRealModel: fake('getRealModel'), getModel: fake('getModel'), getDuid: fake('getDuid') } } as unknown as TizenWindow['webapis'];
    win.tizen = { ...win.tizen, systeminfo: { getCapability: () => 7 } } as unknown as TizenWindow['tizen'];
    const platform = createTizenPlatform(win);
    expect(await platform.readMac()).toBeUndefined();
    expect(await platform.readFirmware()).toBeUndefined();
    expect(await platform.readModel()).toBe('QE65S95C');
    expect(await platform.readUniqueId()).toBeUndefined();
    expect(await platform.readOsVersion()).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith('[tv-app:platform:tizen]', expect.stringContaining('getFirmware: no value'));
  });

  it('names the model with getModel when getRealModel throws', async () => {
    installFakeTizen();
    win.webapis!.productinfo!.getRealModel = () => {
      throw new Error('not supported');
    };
    win.webapis!.productinfo!.getModel = () => 'UN55TU7000';
    expect(await createTizenPlatform(win).readModel()).toBe('UN55TU7000');
    expect(console.warn).toHaveBeenCalledWith('[tv-app:platform:tizen]', expect.stringContaining('getRealModel failed (not supported)'));
  });

  it('gives no MAC, with a warning, when the privilege is missing', async () => {
    installFakeTizen({ refuseMac: true });
    expect(await createTizenPlatform(win).readMac()).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith('[tv-app:platform:tizen]', expect.stringContaining('getMac failed'));
  });

  it('keeps working when webapis.js did not load', async () => {
    installFakeTizen();
    delete win.webapis;
    const platform = createTizenPlatform(win);
    expect(await platform.readMac()).toBeUndefined();
    expect(await platform.readFirmware()).toBeUndefined();
    expect(platform.onNetworkChange(() => {})).toBeTypeOf('function');
  });

  it('reads launch parameters from app control data and the page URL', () => {
    history.replaceState(null, '', '/?userToken=abc');
    installFakeTizen({ launchParams: { magicLink: 'link-1' } });
    expect(createTizenPlatform(win).launchParams()).toEqual({ userToken: 'abc', magicLink: 'link-1' });
  });

  it('reports a relaunch with its new parameters', () => {
    installFakeTizen();
    const listener = vi.fn();
    const stop = createTizenPlatform(win).onRelaunch(listener);
    window.__tvFake?.relaunch({ magicLink: 'link-2' });
    stop();
    window.__tvFake?.relaunch({ magicLink: 'link-3' });
    expect(listener.mock.calls).toEqual([[{ magicLink: 'link-2' }]]);
  });

  it("passes on Samsung's network listener until unsubscribed", () => {
    installFakeTizen();
    const listener = vi.fn();
    const stop = createTizenPlatform(win).onNetworkChange(listener);
    window.__tvFake?.setNetwork(false);
    window.__tvFake?.setNetwork(true);
    stop();
    window.__tvFake?.setNetwork(false);
    expect(listener.mock.calls).toEqual([[false], [true]]);
  });

  it('follows the gateway only: a LAN cable or the Wi-Fi module coming and going says nothing about the network', () => {
    for (const NetworkState of [{ LAN_CABLE_ATTACHED: 1, LAN_CABLE_DETACHED: 2, GATEWAY_CONNECTED: 4, GATEWAY_DISCONNECTED: 5 }, undefined]) {
      let emit: (state: number) => void = () => {};
      const network = {
        getMac: () => '',
        NetworkState,
        addNetworkStateChangeListener: (callback: (state: number) => void) => ((emit = callback), 1),
      };
      const listener = vi.fn();
      createTizenPlatform({ webapis: { network } } as unknown as TizenWindow).onNetworkChange(listener);
      // Cable attached, detached, unknown; Wi-Fi attached, detached, unknown; gateway lost, back.
      [1, 2, 3, 6, 7, 8, 5, 4].forEach((state) => emit(state));
      expect(listener.mock.calls).toEqual([[false], [true]]);
    }
  });

  it('registers the supported colour and media keys, never Exit', () => {
    installFakeTizen();
    createTizenPlatform(win).registerKeys();
    const registered = window.__tvFake?.calls.find((call) => call.startsWith('registerKeys:'));
    expect(registered?.split(':')[1].split(',')).toEqual(expect.arrayContaining(['ColorF0Red', 'ColorF3Blue', 'MediaPlayPause']));
    expect(registered).not.toContain('Exit');
  });

  it('exits through the current application', () => {
    installFakeTizen();
    createTizenPlatform(win).exit();
    expect(window.__tvFake?.calls).toContain('exit');
  });
});
