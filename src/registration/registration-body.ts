import type { RegisterApiConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { formatMac } from '../device/mac-address';

export interface RegistrationBodyInput {
  identity: DeviceIdentity;
  api: RegisterApiConfig;
  appName: string;
  appVersion: string;
  installationId: string;
  /** The identifier the device API and approval use (`mac_address` per `macFormat`). */
  deviceId: string;
}

/**
 * The union of seeds 002 and 003 (CONTRACT §3). Unknown values are left out rather than sent
 * empty. `os_version` is the firmware (the OS build a TV reports) and `os_api_version` the
 * platform version apps target (Tizen 6.0, webOS SDK 6.3), the nearest TV reading of "API level".
 */
export function buildRegistrationBody(input: RegistrationBodyInput): Record<string, string> {
  const { identity, api } = input;
  const fields: Record<string, string | undefined> = {
    mac_addr: formatMac(identity.mac, 'colon'),
    generic_id: identity.uniqueId,
    device_id: input.deviceId,
    installation_id: input.installationId,
    app_name: input.appName,
    app_version: input.appVersion,
    platform: identity.osName,
    os_family: identity.osName,
    os_version: identity.firmware,
    os_api_version: identity.osVersion,
    device_brand: identity.brand,
    device_family: identity.deviceType,
    device_model: identity.model,
    // The seed's enum (de/la/tb/ph) has no TV value: sent only when the operator picked one.
    device_type: api.deviceType,
  };
  const body: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key]?.trim();
    if (value) body[key] = value;
  }
  // Credentials go as configured: a space at either end may be part of a password.
  if (api.username) body.username = api.username;
  if (api.password) body.password = api.password;
  return body;
}
