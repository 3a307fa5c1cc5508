import { ApprovalService } from '../approval/approval-service';
import { onResume } from '../platform/resume-signal';
import type { AppConfigFeatureFlags } from '../registration/feature-flags';
import { RegistrationClient } from '../registration/registration-client';
import '../registration/tv-registration-status';
import '../screens/tv-approval-screen';
import '../screens/tv-device-screen';
import '../screens/tv-settings-screen';
import type { CoreServices, LaterServices } from './services';

/** What the first script hands over: its services, and the promises the second stage waits on. */
export interface SecondStageInput {
  core: CoreServices & { featureFlags: AppConfigFeatureFlags };
  /** Settles when the stored ban and device state are read: nothing goes out before (CONTRACT §4). */
  restored: Promise<unknown>;
  /** Settles after the shell's first update, in which it reads the launch parameters. */
  shellReady: Promise<unknown>;
}

/**
 * The second script: registration, approval and the screens beyond home. None of it is needed
 * for the first screen or the first device check, so it loads once the first check has ended
 * (src/app/start.ts).
 */
export function startSecondStage({ core, restored, shellReady }: SecondStageInput): LaterServices {
  const { config, identity, store, connectivity, platform, device, featureFlags } = core;
  const registration = new RegistrationClient({
    config,
    identity,
    store,
    connectivity,
    featureFlags,
    onResume: (listener) => onResume(document, platform, listener),
    baseUrl: window.location.href,
    appVersion: __APP_VERSION__,
  });
  const approval = new ApprovalService({ config, platform, identity, registration, appVersion: __APP_VERSION__, location: window.location, history: window.history });
  // The registration's api_refresh_interval (clamped 60–3600 s) sets how often the device is checked.
  registration.subscribe(() => {
    const seconds = registration.refreshIntervalSeconds();
    if (seconds !== undefined) device.setCheckInterval(seconds);
  });
  void restored.then(() => registration.start());
  // Only after the shell has read the launch parameters (on desktop, the page URL) may approval
  // take the magic link out of the URL.
  void Promise.all([shellReady, restored]).then(() => approval.start());
  return { registration, approval };
}
