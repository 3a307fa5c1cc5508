import type { BodyEncoding, MacFormat } from '../config/config';
import type { DeviceIdentity } from './device-identity';
import { formatMac } from './mac-address';

/**
 * The six fields of Add Device (seed 000); the API refuses any of them empty. A type alias, not
 * an interface, so it also passes as the string record that `encodeBody` takes.
 */
export type DeviceFields = {
  mac_address: string;
  device_os: string;
  device_version: string;
  device_type: string;
  app_version: string;
  app_name: string;
};

/** Stands in for a value the platform would not give, so the request is never refused as empty. */
export const UNKNOWN_VALUE = 'unknown';

/** What this installation sends as itself; `device_version` is the firmware, else the OS version. */
export function buildDeviceFields(identity: DeviceIdentity, app: { name: string; version: string }, macFormat: MacFormat): DeviceFields {
  // Checks the type too: identity comes from platform APIs, which have answered numbers for text.
  const nonEmpty = (...values: unknown[]): string => values.find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? UNKNOWN_VALUE;
  return {
    mac_address: formatMac(identity.mac, macFormat),
    device_os: nonEmpty(identity.osName),
    device_version: nonEmpty(identity.firmware, identity.osVersion),
    device_type: identity.deviceType,
    app_version: nonEmpty(app.version),
    app_name: nonEmpty(app.name),
  };
}

/** True when `kept` (from storage, untrusted) holds exactly these six values. */
export function sameDeviceFields(kept: unknown, fields: DeviceFields): boolean {
  if (typeof kept !== 'object' || kept === null) return false;
  return (Object.keys(fields) as Array<keyof DeviceFields>).every((name) => (kept as Record<string, unknown>)[name] === fields[name]);
}

/** A request body and its content type, per `deviceApi.bodyEncoding`. */
export function encodeBody(fields: Record<string, string>, encoding: BodyEncoding): { body: string; contentType: string } {
  if (encoding === 'form') return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
  return { body: JSON.stringify(fields), contentType: 'application/json' };
}
