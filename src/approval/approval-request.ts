import type { AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { formatMac } from '../device/mac-address';
import { resolveUrl, type HttpRequest, type HttpResult } from '../net/http';
import type { RegisterNowOutcome } from '../registration/registration-client';

/** This TV as seed 004's body describes it, and as the approval screen shows it to the viewer. */
export interface ApprovalDevice {
  /** The same identifier device management sends as `mac_address` (CONTRACT §5). */
  deviceId: string;
  /** What the viewer recognises: brand and model, or the platform when the TV gives neither. */
  deviceName: string;
  deviceType: string;
  platformVersion: string;
}

/** What the server answered an approve request, in the terms the screen explains. */
export type ApprovalAnswer =
  | { kind: 'approved'; message?: string }
  | { kind: 'invalid-link' }
  | { kind: 'not-signed-in' }
  | { kind: 'not-registered' }
  | { kind: 'unreachable' }
  | { kind: 'failed'; status: number };

/**
 * What the viewer is told. "Not registered" comes with what asking to register did: only that
 * says whether registering is under way and a retry can help.
 */
export type ApprovalResult = Exclude<ApprovalAnswer, { kind: 'not-registered' }> | { kind: 'not-registered'; registration: RegisterNowOutcome };

const REQUEST_TIMEOUT_MS = 15_000;

export function describeApprovalDevice(identity: DeviceIdentity, config: AppConfig, appVersion: string): ApprovalDevice {
  const named = [identity.brand, identity.model].filter((part) => part && part.trim()).join(' ');
  return {
    deviceId: formatMac(identity.mac, config.deviceApi.macFormat),
    deviceName: named || `${identity.osName} ${identity.deviceType === 'TV' ? 'TV' : 'browser'}`,
    deviceType: config.approveApi.deviceType,
    // Seed 004 allows "app or OS version"; the app's is always known, a TV's OS version is not.
    platformVersion: appVersion,
  };
}

/**
 * The link as one encoded path segment, or undefined when it cannot be one: the URL parser
 * resolves `.` and `..` away (the POST and its token would go to a parent path), an empty
 * segment would post to the collection, and a lone surrogate cannot be encoded at all.
 */
function linkSegment(link: string): string | undefined {
  if (link.trim() === '' || link === '.' || link === '..') return undefined;
  try {
    return encodeURIComponent(link);
  } catch {
    return undefined;
  }
}

/**
 * CONTRACT §5: the link goes in the path, encoded, and nowhere else. Undefined for a link that
 * cannot be sent that way, which no server could accept: the caller shows it as invalid.
 */
export function approvalRequest(link: string, userToken: string, device: ApprovalDevice, url: string, baseUrl: string): { url: string; request: HttpRequest } | undefined {
  const segment = linkSegment(link);
  if (segment === undefined) return undefined;
  return {
    url: resolveUrl(url + segment, baseUrl),
    request: {
      method: 'POST',
      headers: { Authorization: `Bearer ${userToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, deviceType: device.deviceType, deviceName: device.deviceName, platformVersion: device.platformVersion }),
      timeoutMs: REQUEST_TIMEOUT_MS,
    },
  };
}

/** How a backend may spell seed 004's `success: true`. */
const SUCCESS_FLAGS: readonly unknown[] = [true, 'true', 1];

/**
 * The fields of a body that says the TV is approved (seed 004: a JSON object with `success:
 * true`), else undefined. A 2xx alone says little: a captive portal or proxy answers 200 with
 * its own page, and `success: false` approved nothing. Otherwise the answer is read generously,
 * since calling a real approval a failure cannot be undone (the link is used up, and sending it
 * again only gets a 400): `success` may be absent or spelled as text or a number, and a 204 says
 * "done" with no body at all.
 */
function approvalFields(status: number, body: unknown): Record<string, unknown> | undefined {
  if (status === 204) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  return !('success' in fields) || SUCCESS_FLAGS.includes(fields['success']) ? fields : undefined;
}

/** Seed 004's answers; the server's `data` is passed on as text for the screen to show. */
export function readApprovalAnswer(result: HttpResult): ApprovalAnswer {
  if (result.kind === 'failure') return { kind: 'unreachable' };
  const { status, body } = result;
  if (status >= 200 && status < 300) {
    const fields = approvalFields(status, body);
    // Not an approval: shown like any other answer the TV did not expect, with Try again.
    if (!fields) return { kind: 'failed', status };
    const data = fields['data'];
    return { kind: 'approved', message: typeof data === 'string' && data.trim() ? data : undefined };
  }
  if (status === 400) return { kind: 'invalid-link' };
  if (status === 401) return { kind: 'not-signed-in' };
  if (status === 404) return { kind: 'not-registered' };
  return { kind: 'failed', status };
}
