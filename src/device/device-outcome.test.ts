import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../net/http';
import { BAN_MESSAGE_MAX_LENGTH, DEFAULT_BAN_MESSAGE, readDeviceAnswer, readManagementFlag } from './device-outcome';

const response = (status: number, body: unknown): HttpResult => ({ kind: 'response', status, headers: new Headers(), body });

describe('readDeviceAnswer', () => {
  it('reads device_banned with the server message, whatever the status', () => {
    const body = { status: 400, message: 'Your device has been banned. Please contact support.', error_code: 'device_banned', data: [] };
    expect(readDeviceAnswer(response(400, body))).toEqual({ kind: 'banned', message: body.message });
    expect(readDeviceAnswer(response(200, body))).toEqual({ kind: 'banned', message: body.message });
  });

  it('keeps an HTML message as it is: it is shown as text, not parsed', () => {
    const message = '<img src=x onerror=alert(1)><b>Banned</b>';
    expect(readDeviceAnswer(response(400, { error_code: 'device_banned', message }))).toEqual({ kind: 'banned', message });
  });

  it('falls back to a default ban message when the server gives none, and caps a huge one', () => {
    expect(readDeviceAnswer(response(400, { error_code: 'device_banned' }))).toEqual({ kind: 'banned', message: DEFAULT_BAN_MESSAGE });
    expect(readDeviceAnswer(response(400, { error_code: 'device_banned', message: '   ' }))).toEqual({ kind: 'banned', message: DEFAULT_BAN_MESSAGE });
    const answer = readDeviceAnswer(response(400, { error_code: 'device_banned', message: 'x'.repeat(100_000) }));
    expect(answer.kind === 'banned' && answer.message.length).toBe(BAN_MESSAGE_MAX_LENGTH);
  });

  it('reads device_not_found', () => {
    expect(readDeviceAnswer(response(400, { error_code: 'device_not_found', message: 'Device not found', data: [] }))).toEqual({ kind: 'not-found' });
  });

  it('reads a 2xx JSON object without error_code as success', () => {
    expect(readDeviceAnswer(response(200, { status: 200, message: 'Success', data: { ban_status: 0 } }))).toEqual({ kind: 'success' });
    expect(readDeviceAnswer(response(204, { error_code: null }))).toEqual({ kind: 'success' });
  });

  it.each<[string, HttpResult]>([
    ['a network error', { kind: 'failure', reason: 'network' }],
    ['a timeout', { kind: 'failure', reason: 'timeout' }],
    ['a 500 with a JSON body', response(500, { status: 500, message: 'Internal Server Error' })],
    ['a 400 with another error code', response(400, { error_code: 'missing_parameter', message: 'The mac_address field is required.' })],
    ['a 200 with another error code', response(200, { error_code: 'rate_limited' })],
    ['an HTML page (undefined body)', response(200, undefined)],
    ['a 502 HTML page', response(502, undefined)],
    ['a JSON array', response(200, [])],
    ['a JSON string', response(200, 'ok')],
    ['an error code that is not text', response(400, { error_code: 17 })],
  ])('treats %s as a failure the viewer never sees', (_, result) => {
    expect(readDeviceAnswer(result).kind).toBe('failure');
  });
});

describe('readManagementFlag', () => {
  it('is enabled only for 1 or "1" in data, falling back to the top level', () => {
    expect(readManagementFlag(response(200, { data: { device_management: 1 } }))).toBe(true);
    expect(readManagementFlag(response(200, { data: { device_management: '1' } }))).toBe(true);
    expect(readManagementFlag(response(200, { device_management: 1 }))).toBe(true);
    expect(readManagementFlag(response(200, { data: { device_management: 0 } }))).toBe(false);
    expect(readManagementFlag(response(200, { data: { device_management: true } }))).toBe(false);
    expect(readManagementFlag(response(200, { data: { device_management: 'yes' } }))).toBe(false);
    expect(readManagementFlag(response(200, { data: { device_management: null } }))).toBe(false);
  });

  it('prefers data over the top level', () => {
    expect(readManagementFlag(response(200, { device_management: 1, data: { device_management: 0 } }))).toBe(false);
  });

  it.each<[string, HttpResult]>([
    ['a network error', { kind: 'failure', reason: 'network' }],
    ['a 500', response(500, { data: { device_management: 0 } })],
    ['an HTML page', response(200, undefined)],
    ['an answer without the flag', response(200, { status: 200, data: {} })],
  ])('gives no answer for %s, so the kept value stands', (_, result) => {
    expect(readManagementFlag(result)).toBeUndefined();
  });
});
