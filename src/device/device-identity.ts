import type { PlatformName } from '../platform/platform';

/** Who this TV is, as the device and registration APIs need it (CONTRACT §2, §3, §6). */
export interface DeviceIdentity {
  /** 12 uppercase hex digits, no separators; format it per `macFormat` when sending. */
  mac: string;
  /**
   * Where `mac` came from: the platform (now, or `kept` from an earlier start), derived from the
   * unique ID (now, or `kept-unique-id` from an earlier start), generated once and kept, or made
   * for this start only (`session`) because storage did not answer.
   */
  macSource: 'platform' | 'kept' | 'unique-id' | 'kept-unique-id' | 'generated' | 'session';
  /**
   * Chosen while storage did not say which identifier this device keeps (not the platform's MAC,
   * and a kept identifier could not be read): a check under it lifts no ban stored for the kept one.
   */
  provisional?: boolean;
  platform: PlatformName;
  /** `device_os`: `Tizen`, `webOS` or the desktop OS name. */
  osName: string;
  /** Platform version (Tizen platform version, webOS SDK version), when known. */
  osVersion?: string;
  /** `device_version`: the firmware version, when known. */
  firmware?: string;
  model?: string;
  /** `Samsung` / `LG` on a TV. */
  brand?: string;
  /** Tizen DUID / webOS LGUDID, when the TV gives it. */
  uniqueId?: string;
  /** `device_type` for device management: `TV` on a TV, `Desktop` in a browser. */
  deviceType: 'TV' | 'Desktop';
}
