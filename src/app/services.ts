import type { ApprovalService } from '../approval/approval-service';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import type { DeviceService } from '../device/device-state';
import type { Platform } from '../platform/platform';
import type { RegistrationClient } from '../registration/registration-client';
import type { KeyValueStore } from '../storage/store';

/** Connectivity as the app sees it: `navigator.onLine`, the ping and the platform's own signal. */
export interface Connectivity {
  /** False while the TV is known to be offline. */
  readonly online: boolean;
  /** Calls back on every change; returns an unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** Feature flags from the registration's `app_config.feature_flags`. */
export interface FeatureFlags {
  /** The server's value for a flag, or undefined when it never said. */
  isEnabled(name: string): boolean | undefined;
  /** Calls back when the flags change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/**
 * What start-up hands the shell with the first script: the edges (platform, storage) and the
 * long-lived modules the first screen and the device checks need.
 */
export interface CoreServices {
  config: AppConfig;
  /** Home's rails, read with config so the first screen is drawn once, rails included; home reads it itself when absent. */
  catalog?: Catalog;
  platform: Platform;
  store: KeyValueStore;
  connectivity: Connectivity;
  featureFlags: FeatureFlags;
  /** Device management: its observable state (for the device screen) and `setCheckInterval`. */
  device: DeviceService;
  /** Who this device is; resolved once, shared by every module that asks. */
  identity: Promise<DeviceIdentity>;
}

/** What the second script adds once the first screen is up (src/app/second-stage.ts). */
export interface LaterServices {
  /** Device app registration: its status (for the device screen) and a way to ask for an attempt now. */
  registration: RegistrationClient;
  /** Magic-link approval: this TV's name and identifier, the latest result, sending typed links. */
  approval: ApprovalService;
}

/** Everything; the screens of the second script read what they need from it. */
export type AppServices = CoreServices & LaterServices;
