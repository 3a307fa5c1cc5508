import type { DeviceIdentity } from './device-identity';
import type { CheckOutcome } from './device-state';

const SKIP_TEXT: Record<Extract<CheckOutcome, { kind: 'skipped' }>['reason'], string> = {
  offline: 'Skipped: offline',
  'no-ping': 'Skipped: ping got no answer',
  'management-off': 'Skipped: device management is off',
  'management-unknown': 'Skipped: device management not known yet',
};

/** A tick's outcome in words, for the tester's device screen. */
export function describeOutcome(outcome: CheckOutcome): string {
  switch (outcome.kind) {
    case 'ok':
      return 'OK';
    case 'banned':
      return 'Banned';
    case 'failed':
      return `Failed: ${outcome.detail}`;
    case 'skipped':
      return SKIP_TEXT[outcome.reason];
  }
}

/** `device_management` in words; undefined means the server has never answered. */
export function describeManagement(enabled: boolean | undefined): string {
  return enabled === undefined ? 'Not known yet' : enabled ? 'Enabled' : 'Disabled';
}

const MAC_SOURCE_TEXT: Record<DeviceIdentity['macSource'], string> = {
  platform: 'MAC from the platform',
  kept: 'MAC the platform gave at an earlier start',
  'unique-id': 'derived from the unique ID',
  'kept-unique-id': 'derived from the unique ID the platform gave at an earlier start',
  generated: 'generated at first run',
  session: 'made for this start only: storage did not answer',
};

/** Where the identifier came from, in words. */
export function describeMacSource(source: DeviceIdentity['macSource']): string {
  return MAC_SOURCE_TEXT[source];
}

/** Local wall-clock time as HH:MM:SS: a fixed time needs no ticking timer to stay true. */
export function formatClockTime(epochMs: number): string {
  const time = new Date(epochMs);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
