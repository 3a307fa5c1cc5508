import type { AppConfig } from './config';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Stands for "the app's own location": a URL that still resolves here was relative. */
const OWN_LOCATION = 'https://app.invalid/';

/** The configured URLs that may carry tokens or identify the TV, by key path, with what each resolves against. */
function apiUrls(config: AppConfig): Array<[path: string, url: string, base: string]> {
  const { deviceApi } = config;
  // A refused baseUrl goes back to its default, so the paths are judged against the app's own origin.
  const deviceBase = deviceApi.baseUrl.trim() && !isInsecure(deviceApi.baseUrl, OWN_LOCATION) ? deviceApi.baseUrl : OWN_LOCATION;
  return [
    ['deviceApi.baseUrl', deviceApi.baseUrl, OWN_LOCATION],
    ['deviceApi.configsPath', deviceApi.configsPath, deviceBase],
    ['deviceApi.addPath', deviceApi.addPath, deviceBase],
    ['deviceApi.checkPath', deviceApi.checkPath, deviceBase],
    ['registerApi.url', config.registerApi.url, OWN_LOCATION],
    ['approveApi.url', config.approveApi.url, OWN_LOCATION],
    ['pingUrl', config.pingUrl, OWN_LOCATION],
  ];
}

/**
 * Whether a configured URL would send requests somewhere other than over HTTPS or to this
 * machine. It asks the browser's own URL parser, not a pattern: browsers also read
 * `http:\\host`, `http:host` and `ht<TAB>tp://host` as plain HTTP. Relative paths follow the
 * app's own origin, which the operator chose.
 */
function isInsecure(url: string, base: string): boolean {
  let resolved: URL;
  try {
    resolved = new URL(url, new URL(base, OWN_LOCATION));
  } catch {
    return false; // Unusable either way; requests to it fail and show nothing.
  }
  if (resolved.protocol === 'https:') return false;
  return !(resolved.protocol === 'http:' && LOOPBACK_HOSTS.includes(resolved.hostname));
}

/**
 * Key paths whose value resolves to anything but HTTPS or plain HTTP to this machine: an
 * absolute plain-HTTP URL would send Bearer tokens and the TV's identity in clear text.
 */
export function insecureUrlKeys(config: AppConfig): string[] {
  return apiUrls(config)
    .filter(([, url, base]) => isInsecure(url, base))
    .map(([path]) => path);
}
