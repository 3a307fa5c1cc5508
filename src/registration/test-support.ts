/** Test doubles for registration and approval tests: server answers and an in-memory store. */
import type { HttpResult } from '../net/http';
import type { KeyValueStore } from '../storage/store';

/** An HTTP answer as `requestJson` gives it, for tests of registration decisions. */
export function response(status: number, body?: unknown, headers: Record<string, string> = {}): HttpResult {
  return { kind: 'response', status, headers: new Headers(headers), body };
}

/** A seed-003 201 body granting a registration from `issuedMs` to `expiresMs` (server time). */
export function grantBody(issuedMs: number, expiresMs: number, appConfig: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    registration_id: 'reg_12345abcdef',
    status: 'registered',
    app_config: appConfig,
    device_token: 'device_token_xyz789',
    registration_timestamp: new Date(issuedMs).toISOString(),
    expires_at: new Date(expiresMs).toISOString(),
  };
}

/** A KeyValueStore in memory that, like IndexedDB, keeps copies rather than references. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { dump(): Record<string, unknown> } {
  const data = new Map<string, string>(Object.keys(initial).map((key) => [key, JSON.stringify(initial[key])]));
  return {
    async get<T>(key: string) {
      const text = data.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async read<T>(key: string) {
      return { known: true as const, value: await this.get<T>(key) };
    },
    async set(key, value) {
      data.set(key, JSON.stringify(value));
    },
    async del(key) {
      data.delete(key);
    },
    dump() {
      const out: Record<string, unknown> = {};
      data.forEach((text, key) => (out[key] = JSON.parse(text)));
      return out;
    },
  };
}
