/** Where each URL of config.json sits: the URLs a packaged app must have absolute. */
const URL_KEYS: readonly (readonly [section: string | undefined, key: string])[] = [
  ['deviceApi', 'baseUrl'],
  ['registerApi', 'url'],
  ['approveApi', 'url'],
  [undefined, 'pingUrl'],
];
/** Device paths resolve against `deviceApi.baseUrl`; an absolute one adds its own origin. */
const DEVICE_PATH_KEYS = ['configsPath', 'addPath', 'checkPath'] as const;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The packaged `config.json` and every origin the app will call with it. */
export interface PackagedConfig {
  config: JsonObject;
  /** Distinct `scheme://host[:port]` values, for Tizen `<access>` and the CSP's connect-src. */
  origins: string[];
}

/**
 * A packaged TV app runs from file://, where a relative API URL means a local file: every URL
 * of the runtime config becomes absolute against `apiOrigin` (an empty `deviceApi.baseUrl`
 * becomes the origin itself). URLs that are already absolute stay as they are. Throws naming
 * the key when config.json lacks one, because the app's relative default would break the same way.
 */
export function packagedConfig(raw: unknown, apiOrigin: string): PackagedConfig {
  if (!isObject(raw)) throw new Error('config.json must be a JSON object');
  const config = structuredClone(raw);
  const origins = new Set<string>();
  for (const [section, key] of URL_KEYS) {
    const name = section ? `${section}.${key}` : key;
    const holder = section ? config[section] : config;
    const value = isObject(holder) ? holder[key] : undefined;
    if (!isObject(holder) || typeof value !== 'string') throw new Error(`config.json has no ${name}: a packaged app needs every API URL (see CONTRACT.md §1)`);
    const absolute = value === '' && key === 'baseUrl' ? apiOrigin : new URL(value, apiOrigin).href;
    holder[key] = absolute;
    origins.add(new URL(absolute).origin);
  }
  const deviceApi = config['deviceApi'] as JsonObject;
  for (const key of DEVICE_PATH_KEYS) {
    const path = deviceApi[key];
    if (typeof path === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(path)) origins.add(new URL(path).origin);
  }
  return { config, origins: [...origins] };
}

/**
 * The reference server's development tokens, as public/config.json carries them
 * (server/src/api.ts DEFAULT_REGISTER_TOKEN, DEFAULT_USER_TOKEN): any real backend refuses them.
 */
export const REFERENCE_TOKENS: readonly (readonly [section: string, token: string])[] = [
  ['registerApi', 'reference-register-token'],
  ['approveApi', 'reference-user-token'],
];

/**
 * `config` without the reference server's tokens, and the key paths it left out. Without
 * `registerApi.token` registration is off; without `approveApi.token` approval takes the user
 * token from the `userToken` launch parameter (CONTRACT.md §5). Any other token stays.
 */
export function withoutReferenceTokens(config: JsonObject): { config: JsonObject; leftOut: string[] } {
  const copy = structuredClone(config);
  const leftOut: string[] = [];
  for (const [section, token] of REFERENCE_TOKENS) {
    const holder = copy[section];
    if (isObject(holder) && holder['token'] === token) {
      delete holder['token'];
      leftOut.push(`${section}.token`);
    }
  }
  return { config: copy, leftOut };
}

/**
 * `https://api.example.com` from what the packager was given, or a reason it cannot be used:
 * only an http(s) origin, without a path, query or credentials.
 */
export function parseApiOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`API origin "${raw}" is not a URL; expected e.g. https://api.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`API origin "${raw}" must be http: or https:`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`API origin "${raw}" must be an origin only (scheme, host, port), e.g. https://api.example.com`);
  }
  return url.origin;
}
