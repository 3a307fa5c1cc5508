/** How device-management request bodies are encoded (CONTRACT §1). */
export type BodyEncoding = 'json' | 'form';
/** How a MAC address is written in device-management requests: `A1B2C3D4E5F6` or `A1:B2:…`. */
export type MacFormat = 'plain' | 'colon';

export interface DeviceApiConfig {
  /** Origin (and optional path prefix) the three device paths resolve against; empty = the app's own. */
  baseUrl: string;
  configsPath: string;
  addPath: string;
  checkPath: string;
  bodyEncoding: BodyEncoding;
  macFormat: MacFormat;
}

export interface RegisterApiConfig {
  /** Registration endpoint (seeds 002/003). */
  url: string;
  /** Bearer token; empty switches registration off. */
  token: string;
  /** The seed's `device_type` enum value to send; empty = leave the field out. */
  deviceType: string;
  /** Optional account to associate the device with; sent only in the request body. */
  username: string;
  password: string;
}

export interface ApproveApiConfig {
  /** Approval endpoint prefix; the encoded magic link is appended (seed 004). */
  url: string;
  /** User Bearer token; may also arrive as the `userToken` launch parameter. */
  token: string;
  deviceType: string;
}

/** The runtime configuration read from `config.json` next to `index.html` (CONTRACT §1). */
export interface AppConfig {
  appName: string;
  deviceApi: DeviceApiConfig;
  registerApi: RegisterApiConfig;
  approveApi: ApproveApiConfig;
  pingUrl: string;
  checkIntervalSeconds: number;
}

/**
 * Size limits for `config.json`: far above any real file, far below what could stall a TV or
 * flood its console. Strings may hold a Bearer token, and JWTs with many claims run past 2 KB,
 * so 4 KB; yet every string is sent on every request (`appName`) or shown on screen.
 */
export const CONFIG_LIMITS = {
  /** The whole file, in characters (bytes for ASCII). */
  textChars: 256 * 1024,
  /** Any one string value. */
  stringChars: 4096,
  /** Unknown keys are reported in one warning, naming this many at most… */
  unknownKeysNamed: 10,
  /** …each cut to this length: a key name is text from the file too. */
  keyNameChars: 64,
} as const;

/** Bounds for `checkIntervalSeconds`: short enough for demos, never a request storm. */
export const CHECK_INTERVAL_BOUNDS = { min: 10, max: 86_400 } as const;

export const DEFAULT_CONFIG: AppConfig = {
  appName: __APP_NAME__,
  deviceApi: {
    baseUrl: '',
    configsPath: '/api/base/configs',
    addPath: '/api/device/add',
    checkPath: '/api/device/check',
    bodyEncoding: 'json',
    macFormat: 'plain',
  },
  registerApi: { url: '/api/v1/device_app_register/', token: '', deviceType: '', username: '', password: '' },
  approveApi: { url: '/devices/approve/', token: '', deviceType: 'web' },
  pingUrl: '/api/ping',
  checkIntervalSeconds: 300,
};
