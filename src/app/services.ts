import type { AppConfig } from '../config/config';
import type { Platform } from '../platform/platform';
import type { KeyValueStore } from '../storage/store';

/**
 * What the shell is given by start-up: the edges (platform, storage) and the long-lived
 * modules. Each module adds its own field here; screens read what they need.
 */
export interface AppServices {
  config: AppConfig;
  platform: Platform;
  store: KeyValueStore;
}
