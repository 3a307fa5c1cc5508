import type { DeviceApiConfig } from '../config/config';
import type { HttpRequest, HttpResult } from '../net/http';
import { resolveUrl } from '../net/http';
import { encodeBody, type DeviceFields } from './device-fields';
import { readDeviceAnswer, readManagementFlag, type DeviceAnswer } from './device-outcome';

/** One HTTP request; `requestJson` from net/http in the app, a fake in tests. */
export type RequestFn = (url: string, request: HttpRequest) => Promise<HttpResult>;

/** Generous for a TV on Wi-Fi, short enough that a tick never stalls the schedule. */
export const DEVICE_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Where a device path goes: against `baseUrl` when set, keeping its path prefix
 * (`https://api.example.com/v2` + `/api/device/add` → `…/v2/api/device/add`), else against the
 * page. Absolute URLs in the path win. A blank baseUrl counts as empty, as it does for the
 * HTTPS check (secure-urls.ts): resolved, it would be the page itself and the path would be
 * glued onto `index.html`.
 */
export function deviceUrl(baseUrl: string, path: string, pageHref: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || baseUrl.trim() === '') return resolveUrl(path, pageHref);
  const base = resolveUrl(baseUrl, pageHref).replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}

/** The three device-management calls of seeds 000/001, shaped by `deviceApi` config. */
export class DeviceApi {
  constructor(
    private readonly config: DeviceApiConfig,
    /** The six values this installation sends, also what `add` records as sent. */
    readonly fields: DeviceFields,
    private readonly pageHref: string,
    private readonly request: RequestFn,
  ) {}

  /** The server's `device_management`, or undefined when it did not say. */
  async managementEnabled(): Promise<boolean | undefined> {
    return readManagementFlag(await this.send(this.config.configsPath, { method: 'GET' }));
  }

  add(): Promise<DeviceAnswer> {
    return this.post(this.config.addPath, this.fields);
  }

  check(): Promise<DeviceAnswer> {
    return this.post(this.config.checkPath, { mac_address: this.fields.mac_address });
  }

  private async post(path: string, fields: Record<string, string>): Promise<DeviceAnswer> {
    const { body, contentType } = encodeBody(fields, this.config.bodyEncoding);
    return readDeviceAnswer(await this.send(path, { method: 'POST', headers: { 'Content-Type': contentType }, body }));
  }

  private send(path: string, request: Omit<HttpRequest, 'timeoutMs'>): Promise<HttpResult> {
    return this.request(deviceUrl(this.config.baseUrl, path, this.pageHref), { ...request, timeoutMs: DEVICE_REQUEST_TIMEOUT_MS });
  }
}
