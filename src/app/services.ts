import type { AppConfig } from '../config/config';
import type { Platform } from '../platform/platform';
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
 * What start-up hands the shell: the edges (platform, storage) and the long-lived modules.
 * Each module adds its own field here; screens read what they need.
 */
export interface AppServices {
  config: AppConfig;
  platform: Platform;
  store: KeyValueStore;
  connectivity: Connectivity;
  featureFlags: FeatureFlags;
}
