import type { DeviceIdentity } from './device-identity';

/** Why a tick sent no device request. */
export type SkipReason = 'offline' | 'no-ping' | 'management-off' | 'management-unknown';

/** How the last tick ended, for the device screen and the log; never shown to the viewer. */
export type CheckOutcome =
  | { kind: 'ok' }
  | { kind: 'banned' }
  | { kind: 'failed'; detail: string }
  | { kind: 'skipped'; reason: SkipReason };

/** An immutable snapshot of device management; a new object on every change. */
export interface DeviceState {
  /** Who this device is, once resolved. */
  identity?: DeviceIdentity;
  /** The server's `device_management` as last known (kept across restarts); undefined = never known. */
  managementEnabled?: boolean;
  /** Set while the ban screen must show. */
  banned?: { message: string };
  /** The last tick: wall-clock time (for display only) and how it ended. */
  lastCheck?: { at: number; outcome: CheckOutcome };
  /** Wall-clock estimate of the next tick, for display only; the schedule itself is monotonic. */
  nextCheckAt?: number;
  /** The connectivity monitor's verdict; assumed true until it reports. */
  online: boolean;
  /** True while a configs/add/check chain runs. */
  inFlight: boolean;
}

/** Read access to device state, for screens and controllers. */
export interface DeviceStateSource {
  readonly state: DeviceState;
  /** Calls back with each new state; returns an unsubscribe. */
  subscribe(listener: (state: DeviceState) => void): () => void;
}

/** What the rest of the app may do with device management. */
export interface DeviceService extends DeviceStateSource {
  /** Sets the check interval (registration passes `app_config.api_refresh_interval`). */
  setCheckInterval(seconds: number): void;
}
