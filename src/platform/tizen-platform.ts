import { createLogger } from '../log/log';
import { boundedCall, guarded } from './bounded-call';
import { queryLaunchParams } from './launch-params';
import type { LaunchParams, Platform } from './platform';
import { platformText } from './platform-text';
import { TIZEN_NETWORK_STATE, type TizenWindow } from './tizen-api';

const log = createLogger('platform:tizen');

/** Colour and media keys the app wants; Tizen delivers only arrows, Enter and Back unasked. */
const WANTED_KEYS = [
  'ColorF0Red',
  'ColorF1Green',
  'ColorF2Yellow',
  'ColorF3Blue',
  'MediaPlayPause',
  'MediaPlay',
  'MediaPause',
  'MediaStop',
  'MediaRewind',
  'MediaFastForward',
] as const;

const PLATFORM_VERSION_KEY = 'http://tizen.org/feature/platform.version';

/** Samsung Tizen through `webapis` (loaded by index.html) and `tizen`. */
export function createTizenPlatform(win: TizenWindow): Platform {
  const launchParams = (): LaunchParams => {
    const params = queryLaunchParams(win.location.search);
    const control = guarded('getRequestedAppControl', log, () => win.tizen?.application.getCurrentApplication().getRequestedAppControl());
    const data = control?.appControl?.data;
    for (const item of Array.isArray(data) ? data : []) {
      const value = Array.isArray(item?.value) ? item.value[0] : undefined;
      if (typeof item?.key === 'string' && typeof value === 'string') params[item.key] = value;
    }
    return params;
  };

  return {
    name: 'tizen',
    osName: 'Tizen',
    brand: 'Samsung',
    // Every read is checked for text: a numeric firmware broke the device fields, and a
    // non-text DUID would give every such TV the same identifier.
    readMac: () => boundedCall('webapis.network.getMac', log, () => platformText(win.webapis?.network?.getMac())),
    readFirmware: () => boundedCall('webapis.productinfo.getFirmware', log, () => platformText(win.webapis?.productinfo?.getFirmware())),
    readModel: () =>
      boundedCall('webapis.productinfo model', log, () => {
        const info = win.webapis?.productinfo;
        // getRealModel is missing or throws on some firmware: getModel still names the set.
        return platformText(guarded('webapis.productinfo.getRealModel', log, () => info?.getRealModel?.())) ?? platformText(info?.getModel());
      }),
    readUniqueId: () => boundedCall('webapis.productinfo.getDuid', log, () => platformText(win.webapis?.productinfo?.getDuid())),
    readOsVersion: () => boundedCall('tizen.systeminfo platform.version', log, () => platformText(win.tizen?.systeminfo?.getCapability(PLATFORM_VERSION_KEY))),
    launchParams,
    onRelaunch(listener) {
      const onAppControl = (): void => listener(launchParams());
      win.addEventListener('appcontrol', onAppControl);
      return () => win.removeEventListener('appcontrol', onAppControl);
    },
    onNetworkChange(listener) {
      const network = win.webapis?.network;
      if (!network?.addNetworkStateChangeListener) return () => {};
      const states = { ...TIZEN_NETWORK_STATE, ...network.NetworkState };
      const id = guarded('addNetworkStateChangeListener', log, () =>
        network.addNetworkStateChangeListener?.((state) => {
          if (state === states.GATEWAY_CONNECTED) listener(true);
          else if (state === states.GATEWAY_DISCONNECTED) listener(false);
        }),
      );
      return () => {
        if (id !== undefined) guarded('removeNetworkStateChangeListener', log, () => network.removeNetworkStateChangeListener?.(id));
      };
    },
    registerKeys() {
      const input = win.tizen?.tvinputdevice;
      if (!input) return;
      const supported = new Set(guarded('getSupportedKeys', log, () => input.getSupportedKeys().map((key) => key.name)) ?? []);
      const names = WANTED_KEYS.filter((name) => supported.has(name));
      if (input.registerKeyBatch) {
        guarded('registerKeyBatch', log, () => input.registerKeyBatch?.(names, undefined, () => log.warn('registerKeyBatch refused')));
      } else {
        for (const name of names) guarded(`registerKey ${name}`, log, () => input.registerKey(name));
      }
    },
    exit() {
      guarded('exit', log, () => win.tizen?.application.getCurrentApplication().exit());
    },
  };
}
