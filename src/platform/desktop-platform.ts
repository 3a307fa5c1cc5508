import { createLogger } from '../log/log';
import { queryLaunchParams } from './launch-params';
import type { Platform } from './platform';
import { browserVersion, desktopOsName } from './user-agent';

const log = createLogger('platform:desktop');

/** A desktop browser: no MAC, no unique ID, launch parameters from the page URL. */
export function createDesktopPlatform(win: Window): Platform {
  const userAgent = win.navigator.userAgent;
  return {
    name: 'desktop',
    osName: desktopOsName(userAgent),
    readMac: async () => undefined,
    readFirmware: async () => browserVersion(userAgent),
    readModel: async () => undefined,
    readUniqueId: async () => undefined,
    readOsVersion: async () => undefined,
    launchParams: () => queryLaunchParams(win.location.search),
    onRelaunch: () => () => {},
    // The browser's own online/offline events are the connectivity monitor's business.
    onNetworkChange: () => () => {},
    registerKeys() {},
    exit() {
      // A browser tab has nowhere to exit to; closing it would only lose the tester's console.
      log.info('exit requested; a desktop browser stays open');
    },
  };
}
