import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startReferenceServer } from './index.js';

export const REGISTER_AUTH = { Authorization: 'Bearer reference-register-token' };
export const USER_AUTH = { Authorization: 'Bearer reference-user-token' };

type Running = Awaited<ReturnType<typeof startReferenceServer>>;

export interface TestServer {
  readonly url: string;
  readonly server: Running;
  /** fetch relative to the server. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POST a JSON body (or a form with `form: true`). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  postForm(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Calls the admin API and returns the parsed JSON, failing the test on a non-2xx status. */
    admin<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

/** One server per test file on a random port, reset before every test. */
export function useServer(): TestServer {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await startReferenceServer({ port: 0, quiet: true });
  });
  beforeEach(() => running!.api.reset());
  afterAll(async () => {
    await running?.close();
  });
  const self: TestServer = {
    get url() {
      return running!.url;
    },
    get server() {
      return running!;
    },
    fetch: (path, init) => fetch(running!.url + path, init),
    post: (path, body, headers = {}) =>
      self.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    postForm: (path, fields, headers = {}) =>
      self.fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await self.fetch(`/admin/api/${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await json(response);
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(data)}`);
      return data as T;
    },
  };
  return self;
}

/** A response's JSON, loosely typed: tests inspect it with expect(). */
export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

export const DEVICE = {
  mac_address: 'A1B2C3D4E5F6',
  device_os: 'Tizen',
  device_version: 'T-KTM2AKUC-1302.5',
  device_type: 'TV',
  app_version: '1.0.0',
  app_name: 'tv-app',
} as const;

export const INSTALLATION = '3f1c2b8e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
export const OTHER_INSTALLATION = '9b2d7c1e-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

export const REGISTRATION = {
  mac_addr: 'A1:B2:C3:D4:E5:F6',
  generic_id: 'duid-12345',
  installation_id: INSTALLATION,
  app_name: 'tv-app',
  app_version: '1.0.0',
  platform: 'Tizen',
  os_family: 'Tizen',
  os_version: '6.5',
  device_brand: 'Samsung',
  device_model: 'QE55Q80B',
} as const;

/** Seeds 000/001's envelope, exactly: `toEqual` with this fails on extra or missing keys. */
export function envelope(status: number, message: string, data: unknown, errorCode?: string) {
  return {
    status,
    timestamp: expect.any(Number),
    time: expect.any(Number),
    ip: '127.0.0.1',
    message,
    ...(errorCode === undefined ? {} : { error_code: errorCode }),
    data,
  };
}
