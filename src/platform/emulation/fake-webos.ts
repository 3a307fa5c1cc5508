import type { FakeTvOptions, TvFakeControl } from './fake-options';

/**
 * Installs fake `PalmSystem`, `webOSSystem` and `PalmServiceBridge` globals answering the Luna
 * services the webOS adapter calls. Self-contained on purpose (no imports at run time, no outer
 * variables): Playwright sends it to the page as text through `page.addInitScript`.
 */
export function installFakeWebos(options: FakeTvOptions = {}): void {
  const calls: string[] = [];
  let internet = true;
  const statusListeners = new Set<(message: string) => void>();
  const model = options.model ?? 'OLED55C1PUB';
  const firmware = options.firmware ?? '03.30.75';
  const sdkVersion = options.osVersion ?? '6.3.0';
  const answer = (uri: string): Record<string, unknown> => {
    switch (uri) {
      case 'luna://com.webos.service.tv.systemproperty/getSystemInfo':
        return { returnValue: true, modelName: model, firmwareVersion: firmware, sdkVersion };
      case 'luna://com.webos.service.sm/deviceid/getIDs':
        return { returnValue: true, idList: [{ idType: 'LGUDID', idValue: options.duid ?? '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9' }] };
      case 'luna://com.webos.service.connectionmanager/getinfo':
        if (options.refuseMac) return { returnValue: false, errorCode: -1, errorText: 'Denied method call' };
        return { returnValue: true, wiredInfo: { macAddress: options.mac ?? 'a8:23:fe:10:20:30' }, wifiInfo: { macAddress: 'a8:23:fe:10:20:31' } };
      case 'luna://com.palm.connectionmanager/getStatus':
        return { returnValue: true, isInternetConnectionAvailable: internet, subscribed: true };
      default:
        return { returnValue: false, errorCode: -1, errorText: `Unknown method ${uri}` };
    }
  };
  class FakeBridge {
    onservicecallback: ((message: string) => void) | null = null;
    private listener?: (message: string) => void;
    call(uri: string, params: string): void {
      if (options.hang) return;
      const reply = (message: string): void => {
        if (this.onservicecallback) this.onservicecallback(message);
      };
      if (uri === 'luna://com.palm.connectionmanager/getStatus' && (JSON.parse(params) as { subscribe?: boolean }).subscribe) {
        this.listener = reply;
        statusListeners.add(reply);
      }
      setTimeout(() => reply(JSON.stringify(answer(uri))), 0);
    }
    cancel(): void {
      if (this.listener) statusListeners.delete(this.listener);
    }
  }
  const system = {
    launchParams: JSON.stringify(options.launchParams ?? {}),
    deviceInfo: JSON.stringify({ modelName: model, platformVersion: sdkVersion }),
    platformBack: () => {
      calls.push('exit');
    },
    activate: () => {
      calls.push('activate');
    },
  };
  const target = window as unknown as Record<string, unknown>;
  target.PalmSystem = system;
  target.webOSSystem = system;
  target.PalmServiceBridge = FakeBridge;
  const control: TvFakeControl = {
    platform: 'webos',
    calls,
    relaunch: (params) => {
      system.launchParams = JSON.stringify(params);
      document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: params }));
    },
    setNetwork: (connected) => {
      internet = connected;
      statusListeners.forEach((listener) => listener(JSON.stringify(answer('luna://com.palm.connectionmanager/getStatus'))));
    },
  };
  window.__tvFake = control;
}
