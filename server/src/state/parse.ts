import { fieldProblem, isObject, type JsonObject } from '../guards.js';
import { defaultSettings, SETTING_RULES, type Approval, type Device, type MagicLink, type PersistedState, type Registration, type Settings } from './model.js';

/** Thrown with a reason a human can act on ("devices[2].mac_address is not a string"). */
export class StateFileError extends Error {}

type Check = (value: unknown) => boolean;
const string: Check = (v) => typeof v === 'string';
const nullableString: Check = (v) => v === null || typeof v === 'string';
const boolean: Check = (v) => typeof v === 'boolean';
/** Times are compared with `Date.parse`: one it cannot read would be neither past nor future,
 * so a link or registration would be refused as expired while the page calls it current. */
const date: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const nullableDate: Check = (v) => v === null || date(v);

/** Checks that `value` is an object whose listed fields pass their checks, so the rest of
 * the server can trust the types without re-checking on every request. */
function record<T>(value: unknown, where: string, shape: Record<string, Check>): T {
  if (!isObject(value)) throw new StateFileError(`${where} is not an object`);
  for (const [field, check] of Object.entries(shape)) {
    if (!check(value[field])) throw new StateFileError(`${where}.${field} is missing or not valid`);
  }
  return value as T;
}

function list<T>(value: unknown, where: string, shape: Record<string, Check>): T[] {
  if (!Array.isArray(value)) throw new StateFileError(`${where} is not an array`);
  return value.map((item, i) => record<T>(item, `${where}[${i}]`, shape));
}

function settings(value: unknown): Settings {
  const defaults = defaultSettings();
  if (value === undefined) return defaults;
  const saved = record<JsonObject>(value, 'settings', {});
  // The admin API's own rules: a value it would refuse (a lifetime past what a Date can
  // hold) would otherwise make every registration fail until the file is fixed by hand, and
  // an unknown setting (a misspelt `ratelimit`) would silently do nothing.
  const problem = fieldProblem(saved, SETTING_RULES, 'setting');
  if (problem) throw new StateFileError(`settings: ${problem}`);
  return { ...defaults, ...(saved as Partial<Settings>) };
}

export function parseState(text: string): PersistedState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`not JSON (${(error as Error).message})`);
  }
  const root = record<JsonObject>(json, 'the file', {});
  if (root['version'] !== 1) throw new StateFileError('unknown version (expected 1)');
  return {
    version: 1,
    settings: settings(root['settings']),
    devices: list<Device>(root['devices'] ?? [], 'devices', {
      key: string,
      mac_address: string,
      device_os: string,
      device_version: string,
      device_type: string,
      app_version: string,
      app_name: string,
      created_at: date,
      updated_at: date,
      last_check_at: nullableDate,
      banned: boolean,
      ban_message: nullableString,
    }),
    registrations: list<Registration>(root['registrations'] ?? [], 'registrations', {
      registration_id: string,
      device_token: string,
      registration_timestamp: date,
      expires_at: date,
      request: isObject,
      client_ip: string,
    }),
    magicLinks: list<MagicLink>(root['magicLinks'] ?? [], 'magicLinks', {
      link: string,
      created_at: date,
      expires_at: date,
      used_at: nullableDate,
    }),
    approvals: list<Approval>(root['approvals'] ?? [], 'approvals', {
      key: string,
      deviceId: string,
      deviceType: nullableString,
      deviceName: nullableString,
      platformVersion: nullableString,
      approved_at: date,
    }),
  };
}
