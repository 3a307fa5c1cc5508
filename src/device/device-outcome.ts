import type { HttpResult } from '../net/http';
import { isJsonObject } from '../net/json';

/** What one add or check answer means (CONTRACT §2). */
export type DeviceAnswer =
  | { kind: 'success' }
  | { kind: 'banned'; message: string }
  | { kind: 'not-found' }
  /** Anything else: never shown to the viewer; `detail` is for the log and the device screen. */
  | { kind: 'failure'; detail: string };

/** Shown when a ban arrives without a readable message. */
export const DEFAULT_BAN_MESSAGE = 'Your device has been banned. Please contact support.';

/** A ban message is drawn on screen: cap what a broken or hostile server can make the TV lay out. */
export const BAN_MESSAGE_MAX_LENGTH = 1000;

/** The server's ban message as plain text: trimmed, capped, or the default when unusable. */
export function banMessage(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') return DEFAULT_BAN_MESSAGE;
  const message = raw.trim();
  return message.length > BAN_MESSAGE_MAX_LENGTH ? `${message.slice(0, BAN_MESSAGE_MAX_LENGTH - 1)}…` : message;
}

/**
 * The outcome lives in the JSON body's `error_code`, whatever the HTTP status; success needs a
 * 2xx with a JSON object and no error code, so an HTML page (a captive portal, a proxy error)
 * never clears a ban.
 */
export function readDeviceAnswer(result: HttpResult): DeviceAnswer {
  if (result.kind === 'failure') return { kind: 'failure', detail: result.reason === 'timeout' ? 'timed out' : 'network error' };
  const { status, body } = result;
  if (!isJsonObject(body)) return { kind: 'failure', detail: `HTTP ${status}, body not JSON` };
  const code = body.error_code;
  if (code !== undefined && code !== null && code !== '') {
    if (code === 'device_banned') return { kind: 'banned', message: banMessage(body.message) };
    if (code === 'device_not_found') return { kind: 'not-found' };
    return { kind: 'failure', detail: `HTTP ${status}, error_code ${typeof code === 'string' ? code.slice(0, 64) : typeof code}` };
  }
  if (status >= 200 && status < 300) return { kind: 'success' };
  return { kind: 'failure', detail: `HTTP ${status}` };
}

/**
 * `device_management` from a configs answer: `data.device_management`, else top level; enabled
 * only for `1` or `"1"`. Undefined when the answer says nothing (failure, non-2xx, no JSON, no
 * flag), so the kept value stands.
 */
export function readManagementFlag(result: HttpResult): boolean | undefined {
  if (result.kind === 'failure' || result.status < 200 || result.status >= 300 || !isJsonObject(result.body)) return undefined;
  const { body } = result;
  const data = isJsonObject(body.data) ? body.data : {};
  const value = 'device_management' in data ? data.device_management : body.device_management;
  if (value === undefined) return undefined;
  return value === 1 || value === '1';
}
