import { isNonEmptyString } from '../guards.js';
import { bodyFields } from '../http/body.js';
import { elapsedSeconds, type Exchange } from '../http/exchange.js';
import { jsonReply, statusCode, type Reply } from '../http/reply.js';
import { DEFAULT_BAN_MESSAGE, DEVICE_FIELDS, type Device, type DeviceFields, type Settings } from '../state/model.js';
import type { ErrorShape, Route, Services } from './types.js';

/** Seeds 000/001's envelope: `{status, timestamp, time, ip, message, [error_code], data}`,
 * with `data: []` on errors, exactly as the seeds print it. */
function envelope(ex: Exchange, status: number, message: string, data: unknown, errorCode?: string) {
  return {
    status,
    timestamp: Math.floor(Date.now() / 1000),
    time: elapsedSeconds(ex),
    ip: ex.ip,
    message,
    ...(errorCode === undefined ? {} : { error_code: errorCode }),
    data,
  };
}

export const deviceError: ErrorShape = (ex, status, message, code) => envelope(ex, status, message, [], code ?? statusCode(status));

function success(ex: Exchange, data: unknown): Reply {
  return jsonReply(200, envelope(ex, 200, 'Success', data));
}

function failure(ex: Exchange, message: string, code: string): Reply {
  return jsonReply(400, deviceError(ex, 400, message, code));
}

/** The flag in the form the tester chose; seed 000 shows none, so an app must read each alike. */
function configsReply(ex: Exchange, { device_management: flag, configsForm }: Settings): Reply {
  if (configsForm === 'top-level') return jsonReply(200, { ...envelope(ex, 200, 'Success', []), device_management: flag });
  return success(ex, { device_management: configsForm === 'string' ? String(flag) : flag });
}

/** `mac_address` echoes what the client sent in this request. */
function deviceData(macAddress: string, device: Device) {
  return { mac_address: macAddress, status: 1, ban_status: device.banned ? 1 : 0 };
}

const INVALID_BODY = 'The request body must be JSON or form data with named fields.';

export function deviceRoutes({ store }: Services): Route[] {
  return [
    {
      endpoint: 'configs',
      patterns: ['/api/base/configs'],
      errorShape: deviceError,
      methods: {
        GET: ({ ex }) => configsReply(ex, store.settings),
      },
    },
    {
      // Answers even when device management is off: stopping is the app's job (seed 000).
      endpoint: 'add',
      patterns: ['/api/device/add'],
      errorShape: deviceError,
      methods: {
        POST: ({ ex, body }) => {
          const fields = bodyFields(body);
          if (!fields) return failure(ex, INVALID_BODY, 'invalid_body');
          const missing = DEVICE_FIELDS.find((name) => !isNonEmptyString(fields[name]));
          if (missing) return failure(ex, `The ${missing} field is required.`, 'missing_parameter');
          // Only the six fields are kept; anything else the client sent is not stored.
          const device = store.upsertDevice(Object.fromEntries(DEVICE_FIELDS.map((name) => [name, fields[name]])) as DeviceFields, new Date());
          return success(ex, deviceData(device.mac_address, device));
        },
      },
    },
    {
      endpoint: 'check',
      patterns: ['/api/device/check'],
      errorShape: deviceError,
      methods: {
        POST: ({ ex, body }) => {
          const fields = bodyFields(body);
          if (!fields) return failure(ex, INVALID_BODY, 'invalid_body');
          const mac = fields['mac_address'];
          if (!isNonEmptyString(mac)) return failure(ex, 'The mac_address field is required.', 'missing_parameter');
          const device = store.findDevice(mac);
          if (!device) return failure(ex, 'Device not found', 'device_not_found');
          store.recordCheck(device, new Date());
          if (device.banned) return failure(ex, device.ban_message ?? DEFAULT_BAN_MESSAGE, 'device_banned');
          return success(ex, deviceData(mac, device));
        },
      },
    },
  ];
}
