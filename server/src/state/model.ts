import { isObject, type FieldRule, type JsonObject } from '../guards.js';

/** How `/api/base/configs` carries the flag: `data.device_management` as 1 or "1", or only at the top level. */
export const CONFIGS_FORMS = ['number', 'string', 'top-level'] as const;
export type ConfigsForm = (typeof CONFIGS_FORMS)[number];

/** Everything the tester can tune from the admin page. */
export interface Settings {
  /** What `/api/base/configs` reports; 1 = device management enabled. */
  device_management: 0 | 1;
  /** The form the flag takes in `/api/base/configs`: an app must read all three alike (CONTRACT §2). */
  configsForm: ConfigsForm;
  registrationLifetimeSeconds: number;
  /** `app_config.api_refresh_interval` in registration answers (seconds). */
  apiRefreshInterval: number;
  featureFlags: JsonObject;
  /** Registrations allowed per client address per minute; 0 = unlimited. */
  rateLimit: number;
}

/** A device added through `POST /api/device/add` (seeds 000/001). */
export interface Device {
  /** Normalised MAC (`A1B2C3D4E5F6`), the lookup key. */
  key: string;
  /** The MAC as the client last sent it. */
  mac_address: string;
  device_os: string;
  device_version: string;
  device_type: string;
  app_version: string;
  app_name: string;
  created_at: string;
  updated_at: string;
  last_check_at: string | null;
  banned: boolean;
  /** The message `device_banned` answers carry; null when not banned. */
  ban_message: string | null;
}

/** A registration made through `POST /api/v1/device_app_register/` (seeds 002/003). */
export interface Registration {
  registration_id: string;
  device_token: string;
  registration_timestamp: string;
  expires_at: string;
  /** The request body as received, minus `password` (never kept). */
  request: JsonObject;
  client_ip: string;
}

export interface MagicLink {
  link: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A successful `POST /devices/approve/…` (seed 004), keyed like devices. */
export interface Approval {
  key: string;
  deviceId: string;
  deviceType: string | null;
  deviceName: string | null;
  platformVersion: string | null;
  approved_at: string;
}

/** The JSON of the state file. */
export interface PersistedState {
  version: 1;
  settings: Settings;
  devices: Device[];
  registrations: Registration[];
  magicLinks: MagicLink[];
  approvals: Approval[];
}

export const DEFAULT_BAN_MESSAGE = 'Your device has been banned. Please contact support.';
export const DEFAULT_MAGIC_LINK_SECONDS = 15 * 60;
/** Ten years, for registrations and magic links: far beyond any test, and far below the
 * year 275760 where a Date ends and `toISOString()` throws. */
export const MAX_LIFETIME_SECONDS = 10 * 365 * 24 * 60 * 60;

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** What each setting may be, for the admin API and the state file alike. */
export const SETTING_RULES: Readonly<Record<keyof Settings, FieldRule>> = {
  device_management: [(v) => v === 0 || v === 1, '0 or 1'],
  configsForm: [(v) => CONFIGS_FORMS.includes(v as ConfigsForm), `one of ${CONFIGS_FORMS.join(', ')}`],
  registrationLifetimeSeconds: [(v) => isCount(v) && v <= MAX_LIFETIME_SECONDS, `a whole number of seconds from 0 to ${MAX_LIFETIME_SECONDS} (10 years)`],
  apiRefreshInterval: [isCount, 'a whole number of seconds, 0 or more'],
  featureFlags: [isObject, 'a JSON object'],
  rateLimit: [isCount, 'a whole number, 0 or more (0 = no limit)'],
};

export function defaultSettings(): Settings {
  return {
    device_management: 1,
    configsForm: 'number',
    registrationLifetimeSeconds: 180 * 24 * 60 * 60,
    apiRefreshInterval: 300,
    featureFlags: { new_dashboard: true, beta_features: false },
    rateLimit: 10,
  };
}

export function emptyState(): PersistedState {
  return { version: 1, settings: defaultSettings(), devices: [], registrations: [], magicLinks: [], approvals: [] };
}

/** The six fields of seed 000, in the seed's order (the first missing one is reported). */
export const DEVICE_FIELDS = ['mac_address', 'device_os', 'device_version', 'device_type', 'app_version', 'app_name'] as const;
export type DeviceFields = Record<(typeof DEVICE_FIELDS)[number], string>;
