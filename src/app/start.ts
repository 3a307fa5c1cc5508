import { loadCatalog } from '../catalog/load-catalog';
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
import { AppConfigFeatureFlags } from '../registration/feature-flags';
import '../screens/tv-ban-screen';
import { createPersistentStore } from '../storage/store';
import { createLogger, errorMessage } from '../log/log';
import type { SecondStageInput } from './second-stage';
import type { CoreServices } from './services';
import type { TvApp } from './tv-app';
import './tv-app';

const log = createLogger('start');

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

/** The longest the second script waits for the first device check to end. */
const SECOND_STAGE_LATEST_MS = 3000;

/**
 * The second script (registration, approval, the other screens) is fetched once the first device
 * check has ended, so neither its download nor its evaluation competes with the first screen or
 * the check. A screen the viewer asks for sooner, or a first check that takes long, fetches it at
 * once; a magic-link launch waits for it. A script that did not arrive is asked for again with
 * the next screen the viewer asks for, at the end of each device check and when the TV comes back
 * online, so a network that dropped for a moment does not leave the TV without registration
 * until it is restarted.
 */
function loadSecondStageWhenDue(app: TvApp, core: SecondStageInput['core'], restored: Promise<unknown>): void {
  let loading = false;
  let checkSeen: unknown;
  const latest = window.setTimeout(load, SECOND_STAGE_LATEST_MS);
  const stopWatchingChecks = core.device.subscribe(({ lastCheck }) => {
    if (!lastCheck || lastCheck === checkSeen) return;
    checkSeen = lastCheck;
    load();
  });
  const stopWatchingNetwork = core.connectivity.subscribe((online) => {
    if (online && app.laterFailed) load();
  });
  app.addEventListener('tv-later-wanted', load);
  // A slow catalogue can hold the shell back past the end of the first check.
  if (core.device.state.lastCheck) load();

  function load(): void {
    if (loading || app.later) return;
    loading = true;
    window.clearTimeout(latest);
    app.laterFailed = false;
    import('./second-stage')
      .then(({ startSecondStage }) => {
        stopWatchingChecks();
        stopWatchingNetwork();
        app.removeEventListener('tv-later-wanted', load);
        app.later = startSecondStage({ core, restored, shellReady: app.updateComplete });
      })
      .catch((error: unknown) => {
        loading = false;
        app.laterFailed = true;
        // Served over HTTP, the script cannot arrive while the TV is offline: expected, so only a warning.
        const offline = !core.connectivity.online;
        log[offline ? 'warn' : 'error'](
          `registration, approval and the other screens are unavailable ${offline ? 'while the TV is offline' : 'for now'} (${errorMessage(error)}); home and device checks go on, and the script is asked for again with the next screen asked for, device check or return online`,
        );
      });
  }
}

/**
 * Start-up order matters: the stored ban is read and its screen mounted before config, platform
 * reads or any request, so a banned TV shows black at once, even offline. Device checks start
 * once config, identity and stored state are known; the shell mounts once config and catalogue are.
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

  const catalog = loadCatalog();
  // The platform reads need no config: done while config.json is on its way.
  const identity = resolveDeviceIdentity(platform, store);
  const config = await loadConfig();
  const connectivity = new ConnectivityMonitor({
    win: window,
    platform,
    ping: createPing(resolveUrl(config.pingUrl, window.location.href), requestJson, window.location.origin),
  });
  // Started before the shell mounts and without waiting for identity or storage: the first
  // check's ping leaves before the shell's first render takes the main thread, not after it.
  device.start({
    device: identity.then((resolvedIdentity) => {
      const fields = buildDeviceFields(resolvedIdentity, { name: config.appName, version: __APP_VERSION__ }, config.deviceApi.macFormat);
      return { api: new DeviceApi(config.deviceApi, fields, window.location.href, requestJson), identity: resolvedIdentity };
    }),
    connectivity,
    onResume: (listener) => onResume(document, platform, listener),
    intervalSeconds: config.checkIntervalSeconds,
  });

  // The shell waits for the catalogue too (both files were asked for together by the entry
  // script), so its first update draws home with its rails in one go instead of an empty shell
  // first and a second layout and paint when the rails land. The read gives up within seconds.
  const featureFlags = new AppConfigFeatureFlags();
  const core = { config, catalog: await catalog, platform, store, connectivity, featureFlags, device, identity } satisfies CoreServices;
  const app = document.createElement('tv-app');
  app.services = core;
  document.body.appendChild(app);
  loadSecondStageWhenDue(app, core, restored);
}
