import type { FakeTvOptions, TvFakeControl } from './fake-options';

/**
 * Installs fake `tizen` and `webapis` globals so the Tizen adapter runs in a desktop browser.
 * Self-contained on purpose (no imports at run time, no outer variables): Playwright sends it
 * to the page as text through `page.addInitScript(installFakeTizen, options)`.
 */
export function installFakeTizen(options: FakeTvOptions = {}): void {
  const calls: string[] = [];
  const toData = (params: Record<string, string>) => Object.keys(params).map((key) => ({ key, value: [params[key]] }));
  let appControlData = toData(options.launchParams ?? {});
  // Samsung's whole enum: the app must pick the gateway states out of it.
  const networkState = {
    LAN_CABLE_ATTACHED: 1,
    LAN_CABLE_DETACHED: 2,
    LAN_CABLE_STATE_UNKNOWN: 3,
    GATEWAY_CONNECTED: 4,
    GATEWAY_DISCONNECTED: 5,
    WIFI_MODULE_STATE_ATTACHED: 6,
    WIFI_MODULE_STATE_DETACHED: 7,
    WIFI_MODULE_STATE_UNKNOWN: 8,
  };
  const networkListeners = new Map<number, (state: number) => void>();
  let nextListenerId = 1;
  const keys = [
    { name: 'ColorF0Red', code: 403 },
    { name: 'ColorF1Green', code: 404 },
    { name: 'ColorF2Yellow', code: 405 },
    { name: 'ColorF3Blue', code: 406 },
    { name: 'MediaPlayPause', code: 10252 },
    { name: 'MediaPlay', code: 415 },
    { name: 'MediaPause', code: 19 },
    { name: 'MediaStop', code: 413 },
    { name: 'MediaRewind', code: 412 },
    { name: 'MediaFastForward', code: 417 },
    { name: 'Exit', code: 10182 },
  ];
  const application = {
    exit: () => {
      calls.push('exit');
    },
    getRequestedAppControl: () => ({ appControl: { operation: 'http://tizen.org/appcontrol/operation/default', data: appControlData } }),
  };
  const target = window as unknown as Record<string, unknown>;
  target.tizen = {
    application: { getCurrentApplication: () => application },
    tvinputdevice: {
      getSupportedKeys: () => keys.slice(),
      registerKey: (name: string) => {
        calls.push(`registerKey:${name}`);
      },
      registerKeyBatch: (names: string[], onSuccess?: () => void) => {
        calls.push(`registerKeys:${names.join(',')}`);
        if (onSuccess) setTimeout(onSuccess, 0);
      },
    },
    systeminfo: {
      getCapability: (key: string) => {
        if (key === 'http://tizen.org/feature/platform.version') return options.osVersion ?? '6.0';
        throw new Error(`NotSupportedError: ${key}`);
      },
    },
  };
  target.webapis = {
    network: {
      NetworkState: networkState,
      getMac: () => {
        if (options.refuseMac) throw new Error('SecurityError: the network.public privilege is missing');
        return options.mac ?? '5C:49:7D:A1:B2:C3';
      },
      isConnectedToGateway: () => true,
      addNetworkStateChangeListener: (listener: (state: number) => void) => {
        const id = nextListenerId++;
        networkListeners.set(id, listener);
        return id;
      },
      removeNetworkStateChangeListener: (id: number) => {
        networkListeners.delete(id);
      },
    },
    productinfo: {
      getFirmware: () => options.firmware ?? 'T-KTMAKUC-1290.3',
      getDuid: () => options.duid ?? 'EMULATEDTIZENDUID0001',
      getModel: () => '21_KANTM2_UHD',
      getRealModel: () => options.model ?? 'QE55Q80AATXXU',
      getModelCode: () => '21_KANTM2_UHD',
    },
  };
  const control: TvFakeControl = {
    platform: 'tizen',
    calls,
    relaunch: (params) => {
      appControlData = toData(params);
      window.dispatchEvent(new Event('appcontrol'));
    },
    setNetwork: (connected) => {
      const state = connected ? networkState.GATEWAY_CONNECTED : networkState.GATEWAY_DISCONNECTED;
      networkListeners.forEach((listener) => listener(state));
    },
  };
  window.__tvFake = control;
}
