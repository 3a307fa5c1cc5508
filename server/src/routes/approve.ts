import { isNonEmptyString } from '../guards.js';
import { bodyFields } from '../http/body.js';
import { bearerToken } from '../http/exchange.js';
import { decodeParam } from '../http/match.js';
import { jsonReply, type Reply } from '../http/reply.js';
import { deviceKey } from '../mac.js';
import type { ErrorShape, Route, Services } from './types.js';

/** Seed 004's error shape; `error_code` only appears when a fault asks for one. */
export const approveError: ErrorShape = (_ex, _status, message, code) => ({
  success: false,
  message,
  ...(code === undefined ? {} : { error_code: code }),
});

function failure(status: number, message: string): Reply {
  return jsonReply(status, { success: false, message });
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function approveRoutes({ store, userToken }: Services): Route[] {
  return [
    {
      endpoint: 'approve',
      // The link arrives URL-encoded (encodeURIComponent), so it is a single path segment;
      // `*` also accepts a client that forgot to encode its slashes.
      patterns: ['/devices/approve/*link'],
      errorShape: approveError,
      methods: {
        POST: ({ ex, params, body }) => {
          if (bearerToken(ex) !== userToken) return failure(401, 'Bearer token missing or invalid');
          const now = new Date();
          const linkText = decodeParam(params['link']);
          const link = linkText ? store.usableMagicLink(linkText, now) : undefined;
          if (!link) return failure(400, 'Invalid or expired magic link');
          const fields = bodyFields(body);
          if (!fields) return failure(400, 'The request body must be a JSON object');
          const deviceId = fields['deviceId'];
          if (!isNonEmptyString(deviceId)) return failure(400, 'deviceId is required');
          const key = deviceKey(deviceId);
          if (!store.isKnownDevice(key)) return failure(404, 'Device not registered');
          const deviceName = optionalString(fields['deviceName']);
          store.approve(link, {
            key,
            deviceId,
            deviceType: optionalString(fields['deviceType']),
            deviceName,
            platformVersion: optionalString(fields['platformVersion']),
            approved_at: now.toISOString(),
          });
          return jsonReply(200, {
            success: true,
            message: 'request processed successfully',
            // A blank name would read "for device  approve": the id names it then.
            data: `permissions for device ${deviceName?.trim() ? deviceName : deviceId} approve successfully`,
            timestamp: now.toISOString(),
          });
        },
      },
    },
  ];
}
