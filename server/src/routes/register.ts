import { randomBytes } from 'node:crypto';
import { isObject, isNonEmptyString, type JsonObject } from '../guards.js';
import { bearerToken, type Exchange } from '../http/exchange.js';
import { jsonReply, type Reply } from '../http/reply.js';
import { deviceKey, isColonMac, isUuid } from '../mac.js';
import type { Registration } from '../state/model.js';
import { detailError } from './errors.js';
import type { Route, Services } from './types.js';

/** Every field either seed (002, 003) or the contract lists; all are strings when present. */
const STRING_FIELDS = [
  'number', 'generic_id', 'imei', 'imsi', 'iccid', 'mac_addr', 'home_mobile_network_name',
  'home_mobile_network_mcc_mnc', 'home_mobile_network_mccmnc', 'app_name', 'app_version', 'platform',
  'os_family', 'os_version', 'os_api_version', 'device_family', 'device_brand', 'device_model',
  'device_type', 'device_id', 'installation_id', 'push_key', 'push_token', 'username', 'password',
  'user_external_id', 'user_class',
] as const;

const IDENTIFIERS = ['mac_addr', 'generic_id', 'device_id', 'installation_id', 'imei'] as const;
const DEVICE_TYPES = ['de', 'la', 'tb', 'ph'];

function failure(status: number, error: string, detail: string, headers?: Record<string, string>): Reply {
  return jsonReply(status, { error, detail }, headers);
}

function text(request: JsonObject, field: string): string | undefined {
  const value = request[field];
  return typeof value === 'string' ? value : undefined;
}

/** Seed 002's "Bad Request": wrong types or no way at all to identify the device. */
function formatProblem(request: JsonObject): string | undefined {
  const wrongType = STRING_FIELDS.find((field) => field in request && typeof request[field] !== 'string');
  if (wrongType) return `${wrongType} must be a string`;
  if (!IDENTIFIERS.some((field) => isNonEmptyString(request[field]))) {
    return `at least one identifier is required: ${IDENTIFIERS.join(', ')}`;
  }
  return undefined;
}

/** Seed 002's "Unprocessable Entity": well-formed, but the values make no sense. */
function businessProblem(request: JsonObject): string | undefined {
  const deviceType = text(request, 'device_type');
  if (deviceType !== undefined && !DEVICE_TYPES.includes(deviceType)) return `device_type must be one of ${DEVICE_TYPES.join(', ')}`;
  const mac = text(request, 'mac_addr');
  if (mac !== undefined && !isColonMac(mac)) return 'mac_addr must be a MAC address in colon form, like 00:1B:44:11:3A:B7';
  const installation = text(request, 'installation_id');
  if (installation !== undefined && !isUuid(installation)) return 'installation_id must be a UUID';
  const appVersion = text(request, 'app_version');
  if (appVersion !== undefined && appVersion.trim() === '') return 'app_version must not be empty';
  const imei = text(request, 'imei');
  if (imei !== undefined && !/^\d{15}$/.test(imei)) return 'imei must be 15 digits';
  return undefined;
}

const keyOf = (id: string | undefined) => (id ? deviceKey(id) : undefined);

/** Two registrations are the same physical device when they share a MAC or an IMEI (seed
 * 002: "duplicate IMEI/MAC address"), a device ID (seed 003: "already registered with this
 * device ID") or a platform ID (generic_id). */
const DEVICE_IDS: readonly ((request: JsonObject) => string | undefined)[] = [
  (r) => keyOf(text(r, 'mac_addr')),
  (r) => text(r, 'imei') || undefined,
  (r) => keyOf(text(r, 'device_id')),
  (r) => text(r, 'generic_id') || undefined,
];

function sameDevice(a: JsonObject, b: JsonObject): boolean {
  return DEVICE_IDS.some((id) => id(a) !== undefined && id(a) === id(b));
}

const installationOf = (r: JsonObject) => text(r, 'installation_id') ?? '';

/** UTC ISO without milliseconds, like seed 003's `2024-01-15T10:30:00Z`. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function register(ex: Exchange, request: JsonObject, services: Services): Reply {
  const { store } = services;
  const now = Date.now();
  const live = store.state.registrations.filter((r) => Date.parse(r.expires_at) > now);
  // A reinstall on the same TV has a new installation_id: seed 002 says answer 409 and the
  // app must not retry. The same installation registering again is a renewal (seed 003).
  if (live.some((r) => sameDevice(r.request, request) && installationOf(r.request) !== installationOf(request))) {
    return failure(409, 'already_registered', 'This device is already registered under another installation');
  }
  const installation = installationOf(request);
  const superseded = store.state.registrations.filter(
    (r) => sameDevice(r.request, request) || (installation !== '' && installationOf(r.request) === installation),
  );
  const { password: _dropped, ...kept } = request;
  const timestamp = Math.floor(now / 1000) * 1000;
  const settings = store.settings;
  const registration: Registration = {
    registration_id: `reg_${randomBytes(6).toString('hex')}`,
    device_token: `device_token_${randomBytes(16).toString('hex')}`,
    registration_timestamp: isoSeconds(timestamp),
    expires_at: isoSeconds(timestamp + settings.registrationLifetimeSeconds * 1000),
    request: kept,
    client_ip: ex.ip,
  };
  store.addRegistration(registration, superseded);
  return jsonReply(201, {
    registration_id: registration.registration_id,
    status: 'registered',
    app_config: {
      api_refresh_interval: settings.apiRefreshInterval,
      push_enabled: isNonEmptyString(request['push_key']) || isNonEmptyString(request['push_token']),
      feature_flags: settings.featureFlags,
    },
    device_token: registration.device_token,
    registration_timestamp: registration.registration_timestamp,
    expires_at: registration.expires_at,
  });
}

export function registerRoutes(services: Services): Route[] {
  const { limiter, store, registerToken } = services;
  return [
    {
      endpoint: 'register',
      patterns: ['/api/v1/device_app_register/', '/api/v1/device_app_register'],
      errorShape: detailError,
      methods: {
        // Order: authentication, rate limit, format (400), business rules (422), conflict (409).
        POST: ({ ex, body }) => {
          if (bearerToken(ex) !== registerToken) return failure(401, 'invalid_token', 'Invalid or missing authentication token');
          const limit = store.settings.rateLimit;
          const retryAfter = limiter.attempt(ex.ip, limit);
          if (retryAfter > 0) {
            return failure(429, 'rate_limited', `More than ${limit} registrations per minute from this client`, { 'Retry-After': String(retryAfter) });
          }
          if (body.kind !== 'json' || !isObject(body.value)) return failure(400, 'invalid_body', 'The body must be a JSON object');
          const request = body.value;
          const badFormat = formatProblem(request);
          if (badFormat) return failure(400, 'invalid_request', badFormat);
          const badValue = businessProblem(request);
          if (badValue) return failure(422, 'validation_failed', badValue);
          return register(ex, request, services);
        },
      },
    },
  ];
}
