import { parseUrl } from '../net/http';
import type { AppConfig } from './config';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The one plain-HTTP origin on another machine this build may call (`http://192.168.1.10:8787`,
 * a tester's reference server), baked in only when packaging with TV_ALLOW_HTTP=1; `''`, none,
 * in every other build.
 */
const TEST_HTTP_ORIGIN: string = __TV_TEST_HTTP_ORIGIN__;
/** Stands for "the app's own location": a URL that still resolves here was relative. */
const OWN_LOCATION = 'https://app.invalid/';

/** Whether one configured URL is refused, given the URL it resolves against. */
type Refuses = (url: string, base: URL) => boolean;

/**
 * The configured URLs that may carry tokens or identify the TV, by key path, with what each
 * resolves against; the key paths `refuses` names. `ownLocation` is the page the app runs on.
 */
function refusedUrlKeys(config: AppConfig, ownLocation: string, refuses: Refuses, refusesBase: Refuses = refuses): string[] {
  const own = parseUrl(ownLocation) ?? new URL(OWN_LOCATION);
  const { deviceApi } = config;
  // A refused baseUrl goes back to its default, so the paths are judged against the app's own location.
  const baseRefused = refusesBase(deviceApi.baseUrl, own);
  const acceptedBase = deviceApi.baseUrl.trim() && !baseRefused ? parseUrl(deviceApi.baseUrl, own) : undefined;
  const deviceBase = acceptedBase ?? own;
  const places: Array<[path: string, url: string, base: URL]> = [
    ['deviceApi.configsPath', deviceApi.configsPath, deviceBase],
    ['deviceApi.addPath', deviceApi.addPath, deviceBase],
    ['deviceApi.checkPath', deviceApi.checkPath, deviceBase],
    ['registerApi.url', config.registerApi.url, own],
    ['approveApi.url', config.approveApi.url, own],
    ['pingUrl', config.pingUrl, own],
  ];
  const refused = places.filter(([, url, base]) => refuses(url, base)).map(([path]) => path);
  return baseRefused ? ['deviceApi.baseUrl', ...refused] : refused;
}

/**
 * Whether a configured URL would send requests somewhere other than over HTTPS, to this machine
 * or to `testHttpOrigin` (when not empty). It asks the browser's own URL parser, not a pattern:
 * browsers also read `http:\\host`, `http:host` and `ht<TAB>tp://host` as plain HTTP. Relative
 * paths follow the app's own origin, which the operator chose.
 */
const isInsecure =
  (testHttpOrigin: string): Refuses =>
  (url, base) => {
    const resolved = parseUrl(url, base);
    // Unparseable is not insecure: `unusableUrlKeys` refuses it, since no request could go there.
    if (!resolved || resolved.protocol === 'https:') return false;
    if (resolved.protocol !== 'http:') return true;
    return !(LOOPBACK_HOSTS.includes(resolved.hostname) || (testHttpOrigin !== '' && resolved.origin === testHttpOrigin));
  };

/**
 * Whether a URL names a host but no scheme (`//api.example.com/ping`, `\\api.example.com`): it
 * takes the page's scheme, so in a packaged app it becomes `file://api.example.com/ping`. Asked
 * of the parser, not a pattern, for the same spellings as above: resolved against two bases
 * that differ in scheme and host, such a URL takes each base's scheme but keeps its own host,
 * where a relative path takes both and an absolute URL neither.
 */
function isSchemeRelative(url: string): boolean {
  const overHttps = parseUrl(url, new URL('https://a.invalid/'));
  const overHttp = parseUrl(url, new URL('http://b.invalid/'));
  return !!overHttps && !!overHttp && overHttps.protocol !== overHttp.protocol && overHttps.host === overHttp.host;
}

/** An absolute URL of another scheme than HTTP(S): `localhost:8787` reads as the scheme `localhost:`. */
function hasForeignScheme(url: string): boolean {
  const absolute = parseUrl(url);
  return !!absolute && absolute.protocol !== 'http:' && absolute.protocol !== 'https:';
}

/**
 * No request could ever reach it (the browser cannot parse it there, or it names a scheme no
 * request can use), or where it goes depends on the page's scheme.
 */
const isUnusable: Refuses = (url, base) => !parseUrl(url, base) || hasForeignScheme(url) || isSchemeRelative(url);

/**
 * A base for the device paths names its origin, or is a path on the app's own (`/api`, `./api`,
 * `api/v1`); a host without a scheme (`api.example.com`, its first segment dotted) would read as
 * a folder beside `index.html`.
 */
const looksLikeBareHost = (url: string): boolean => !parseUrl(url) && /^[^/?#]*\.[^/?#]*[a-z]/i.test(url.trim());
const isUnusableBase: Refuses = (url, base) => url.trim() !== '' && (isUnusable(url, base) || looksLikeBareHost(url));

/**
 * Key paths whose value resolves to anything but HTTPS or plain HTTP to this machine: an
 * absolute plain-HTTP URL would send Bearer tokens and the TV's identity in clear text. A test
 * package also accepts its one `testHttpOrigin` (an origin, as `URL.origin` spells it).
 */
export function insecureUrlKeys(config: AppConfig, testHttpOrigin = TEST_HTTP_ORIGIN): string[] {
  return refusedUrlKeys(config, OWN_LOCATION, isInsecure(testHttpOrigin));
}

/**
 * Key paths whose value does not parse against where it is used (the page at `pageHref`, or
 * the device API's base) or is scheme-relative. Kept, such a URL fails every request without a
 * word: an unusable `pingUrl` makes the app think it is offline for ever, so no device check
 * is ever sent.
 */
export function unusableUrlKeys(config: AppConfig, pageHref: string): string[] {
  return refusedUrlKeys(config, pageHref, isUnusable, isUnusableBase);
}
