import { normaliseMac } from '../device/mac-address';
import { createLogger } from '../log/log';
import { boundedCall, guarded } from './bounded-call';
import { parseLaunchJson, queryLaunchParams, toLaunchParams } from './launch-params';
import { LunaClient, type LunaAnswer } from './luna-client';
import type { LaunchParams, Platform } from './platform';
import { platformText as text } from './platform-text';
import { LUNA, type WebOsSystem, type WebOsWindow } from './webos-api';

const log = createLogger('platform:webos');

function parseDeviceInfo(system: WebOsSystem | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(system?.deviceInfo ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** LG webOS through Luna (`PalmServiceBridge`), with `PalmSystem.deviceInfo` as the fallback. */
export function createWebOsPlatform(win: WebOsWindow): Platform {
  // webOS 22+ names it webOSSystem; older sets only have PalmSystem.
  const system = (): WebOsSystem | undefined => win.webOSSystem ?? win.PalmSystem;
  const luna = win.PalmServiceBridge ? new LunaClient(win.PalmServiceBridge) : undefined;
  const ask = (label: string, uri: string, params: object): Promise<LunaAnswer | undefined> =>
    boundedCall(label, log, () => {
      if (!luna) throw new Error('PalmServiceBridge is missing');
      return luna.request(uri, params);
    });
  let systemInfo: Promise<LunaAnswer | undefined> | undefined;
  // One request for all three keys: each needs the viewer's agreement and may be refused.
  const readSystemInfo = (): Promise<LunaAnswer | undefined> =>
    (systemInfo ??= ask('getSystemInfo', LUNA.systemInfo, { keys: ['modelName', 'firmwareVersion', 'sdkVersion'] }));
  const deviceInfo = (key: string): string | undefined => text(parseDeviceInfo(system())[key]);
  const launchParams = (): LaunchParams => ({ ...queryLaunchParams(win.location.search), ...parseLaunchJson(system()?.launchParams) });
  /**
   * webOS raises webOSRelaunch also when the viewer merely comes back to the app, and what that
   * carries (its details, else PalmSystem.launchParams) can still be the launch before: the link
   * that launch brought, seen again, is not a new request (it was sent already). Decided once per
   * event, whichever listener hears it first, so every listener gets the same answer.
   */
  let lastLink = guarded('launch parameters', log, launchParams)?.magicLink;
  const relaunches = new WeakMap<Event, LaunchParams>();
  const relaunchParams = (event: Event): LaunchParams => {
    const known = relaunches.get(event);
    if (known) return known;
    // handlesRelaunch leaves bringing the app to the front to the app itself.
    guarded('activate', log, () => system()?.activate?.());
    const detail = (event as CustomEvent<unknown>).detail;
    let params = detail && typeof detail === 'object' ? { ...queryLaunchParams(win.location.search), ...toLaunchParams(detail) } : launchParams();
    if (params.magicLink !== undefined && params.magicLink === lastLink) {
      log.info('relaunched with the magic link it was launched with: a return to the app, not a new approval');
      const { magicLink: _repeated, ...rest } = params;
      params = rest;
    } else lastLink = params.magicLink ?? lastLink;
    relaunches.set(event, params);
    return params;
  };

  return {
    name: 'webos',
    osName: 'webOS',
    brand: 'LG',
    async readMac() {
      const info = await ask('connectionmanager/getinfo', LUNA.connectionInfo, {});
      const wired = text((info?.wiredInfo as Record<string, unknown> | undefined)?.macAddress);
      const wifi = text((info?.wifiInfo as Record<string, unknown> | undefined)?.macAddress);
      // Wired first (CONTRACT §6), but a port that is not a usable address (all zeros, as an
      // unused one may report) must not hide a real Wi-Fi MAC.
      return normaliseMac(wired) ? wired : (wifi ?? wired);
    },
    async readFirmware() {
      return text((await readSystemInfo())?.firmwareVersion) ?? deviceInfo('platformVersion');
    },
    async readModel() {
      return text((await readSystemInfo())?.modelName) ?? deviceInfo('modelName');
    },
    async readOsVersion() {
      return text((await readSystemInfo())?.sdkVersion) ?? deviceInfo('platformVersion');
    },
    async readUniqueId() {
      const answer = await ask('deviceid/getIDs', LUNA.deviceIds, { idType: ['LGUDID'] });
      const list = Array.isArray(answer?.idList) ? (answer.idList as Array<Record<string, unknown>>) : [];
      return text(list.find((entry) => entry?.idType === 'LGUDID')?.idValue);
    },
    launchParams,
    onRelaunch(listener) {
      const onRelaunch = (event: Event): void => listener(relaunchParams(event));
      win.document.addEventListener('webOSRelaunch', onRelaunch);
      return () => win.document.removeEventListener('webOSRelaunch', onRelaunch);
    },
    onNetworkChange(listener) {
      if (!luna) return () => {};
      return (
        guarded('connectionmanager/getStatus', log, () =>
          luna.subscribe(LUNA.connectionStatus, {}, (answer) => {
            if (typeof answer.isInternetConnectionAvailable === 'boolean') listener(answer.isInternetConnectionAvailable);
          }),
        ) ?? (() => {})
      );
    },
    registerKeys() {
      // webOS delivers every remote key to web apps without registration.
    },
    exit() {
      const current = system();
      guarded('exit', log, () => (current?.platformBack ? current.platformBack() : win.close()));
    },
  };
}
