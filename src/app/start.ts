import { ApprovalService } from '../approval/approval-service';
import { loadConfig } from '../config/load-config';
import type { Clock, Timers } from '../device/check-timing';
import { ConnectivityMonitor } from '../device/connectivity';
import { DeviceApi } from '../device/device-api';
import { buildDeviceFields } from '../device/device-fields';
import { DeviceManager } from '../device/device-manager';
import { createPing } from '../device/ping';
import { resolveDeviceIdentity } from '../device/resolve-device-identity';
import { requestJson, resolveUrl } from '../net/http';
import { createPlatform } from '../platform/create-platform';
import { onResume } from '../platform/resume-signal';
import { RegistrationClient } from '../registration/registration-client';
import '../screens/tv-ban-screen';
import { createPersistentStore } from '../storage/store';
import type { AppServices } from './services';
import './tv-app';

const browserClock: Clock = { now: () => performance.now(), wallNow: () => Date.now() };
const browserTimers: Timers = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** Development builds only: `?emulate=tizen|webos` turns the browser into a fake TV first. */
async function installDevEmulation(): Promise<void> {
  const { installEmulationFromUrl } = await import('../platform/emulation/install-from-url');
  installEmulationFromUrl(window.location.search);
}

/**
 * Start-up order matters: the stored ban is read and its screen mounted before config, platform
 * reads or any request, so a banned TV shows black at once, even offline. The shell mounts as
 * soon as config is in; device checks start once identity and stored state are known.
 */
export async function start(): Promise<void> {
  if (import.meta.env.DEV) await installDevEmulation();
  const platform = createPlatform(window);
  const store = createPersistentStore();
  const device = new DeviceManager({ store, clock: browserClock, timers: browserTimers, random: Math.random });
  const restored = device.restore();
  const banScreen = document.createElement('tv-ban-screen');
  banScreen.device = device;
  banScreen.platform = platform;
  document.body.appendChild(banScreen);

  const config = await loadConfig();
  const connectivity = new ConnectivityMonitor({
    win: window,
    platform,
    ping: createPing(resolveUrl(config.pingUrl, window.location.href), requestJson),
  });
  const identity = resolveDeviceIdentity(platform, store);
  const registration = new RegistrationClient({
    config,
    identity,
    store,
    connectivity,
    onResume: (listener) => onResume(document, platform, listener),
    baseUrl: window.location.href,
    appVersion: __APP_VERSION__,
  });
  const approval = new ApprovalService({ config, platform, identity, registration, appVersion: __APP_VERSION__, location: window.location, history: window.history });
  const services: AppServices = { config, platform, store, connectivity, featureFlags: registration.featureFlags, device, identity, registration, approval };
  const app = document.createElement('tv-app');
  app.services = services;
  document.body.appendChild(app);
  // The registration's api_refresh_interval (clamped 60–3600 s) sets how often the device is checked.
  registration.subscribe(() => {
    const seconds = registration.refreshIntervalSeconds();
    if (seconds !== undefined) device.setCheckInterval(seconds);
  });
  // Nothing goes on the network before the stored ban is known (CONTRACT §4).
  void restored.then(() => registration.start());
  // The shell reads the launch parameters (on desktop, the page URL) in its first update; only
  // then may approval take the magic link out of the URL.
  void Promise.all([app.updateComplete, restored]).then(() => approval.start());

  const [resolvedIdentity] = await Promise.all([identity, restored]);
  const fields = buildDeviceFields(resolvedIdentity, { name: config.appName, version: __APP_VERSION__ }, config.deviceApi.macFormat);
  device.start({
    api: new DeviceApi(config.deviceApi, fields, window.location.href, requestJson),
    identity: resolvedIdentity,
    connectivity,
    onResume: (listener) => onResume(document, platform, listener),
    intervalSeconds: config.checkIntervalSeconds,
  });
}
