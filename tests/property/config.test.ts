import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_BOUNDS, DEFAULT_CONFIG, type AppConfig } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import { mergeConfig } from '../../src/config/merge-config';
import { deviceUrl } from '../../src/device/device-api';
import { resolveUrl } from '../../src/net/http';
import { allStrings, expectPrototypesClean, hostileJson, hostileString, PROPERTY_TIMEOUT_MS } from './hostile';

const PAGE = 'https://tv.example/app/index.html';
/** A packaged app's page: a scheme-relative URL there goes to `file://host/…`. */
const PACKAGED_PAGE = 'file:///opt/usr/apps/tv-app/index.html';
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function keysOf(value: unknown, out: string[] = []): string[] {
  if (!value || typeof value !== 'object') return out;
  for (const [key, item] of Object.entries(value)) {
    out.push(key);
    keysOf(item, out);
  }
  return out;
}
const CONFIG_KEYS = keysOf(DEFAULT_CONFIG);
const CONFIG_VALUES = ['json', 'form', 'plain', 'colon', 300, 9, 86_401, '1', 'https://api.example.com', 'http://api.example.com', ''];

/** The same keys, the same kinds of value, at every level: what the rest of the app relies on. */
function expectSameShape(actual: unknown, expected: unknown, path = 'config'): void {
  if (expected && typeof expected === 'object') {
    expect(Object.getPrototypeOf(actual), path).toBe(Object.prototype);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) expectSameShape((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect(typeof actual, path).toBe(typeof expected);
  }
}

function expectUsable(config: AppConfig): void {
  expectSameShape(config, DEFAULT_CONFIG);
  expect(['json', 'form']).toContain(config.deviceApi.bodyEncoding);
  expect(['plain', 'colon']).toContain(config.deviceApi.macFormat);
  expect(Number.isFinite(config.checkIntervalSeconds)).toBe(true);
  expect(config.checkIntervalSeconds).toBeGreaterThanOrEqual(CHECK_INTERVAL_BOUNDS.min);
  expect(config.checkIntervalSeconds).toBeLessThanOrEqual(CHECK_INTERVAL_BOUNDS.max);
}

/** Every URL the app will call, as it will resolve it on `page`. */
function effectiveUrls(config: AppConfig, page = PAGE): string[] {
  const { deviceApi } = config;
  return [
    ...[deviceApi.configsPath, deviceApi.addPath, deviceApi.checkPath].map((path) => deviceUrl(deviceApi.baseUrl, path, page)),
    resolveUrl(config.registerApi.url, page),
    resolveUrl(config.approveApi.url, page),
    resolveUrl(config.pingUrl, page),
  ];
}

/** Whether a request could ever go there: it parses, and is not a file on some other host. */
const isReachable = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol !== 'file:' || parsed.host === '';
  } catch {
    return false;
  }
};

/** URLs no request can use: unparseable, or scheme-relative (the page's scheme decides where they go). */
const unusableUrl = fc.oneof(
  fc.constantFrom('http://[bad', 'https://[::1', 'https://api.example.com:99999/', 'http://a b.example/', 'https://%zz/'),
  fc
    .tuple(fc.constantFrom('//', ' //', '\\\\', '/\\', '\\/', '/\t/', '\t//'), fc.constantFrom('api.example.com', 'localhost:8787', '[::1]', 'user:pw@api.example.com'), fc.constantFrom('', '/', '/api/ping?x=1'))
    .map(([start, host, path]) => start + host + path),
);

const isPlainHttpToAnotherHost = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && !LOOPBACK.includes(parsed.hostname);
  } catch {
    return false;
  }
};

/** Ways of writing a plain-HTTP URL that browsers accept: the URL parser forgives all of these. */
const plainHttpUrl = fc
  .tuple(
    fc.constantFrom('http://', 'HTTP://', ' http://', 'http:\\\\', 'http:/', 'http:', 'http:\\/', '\thttp://', 'ht\ttp://', 'h\nttp://', '\u0001http://'),
    fc.constantFrom('api.example.com', 'evil.example\\@localhost', 'localhost.evil.example', '127.0.0.1.nip.io', 'user:pw@api.example.com', 'api.example.com:80', '10.0.0.2'),
    fc.constantFrom('', '/', '/api', '/ping?x=1'),
  )
  .map(([scheme, host, path]) => scheme + host + path);

/** Where an API URL can be configured, as `config.json` text for a URL. */
const API_URL_PLACES: Record<string, (url: string) => unknown> = {
  'deviceApi.baseUrl': (url) => ({ deviceApi: { baseUrl: url } }),
  'deviceApi.configsPath': (url) => ({ deviceApi: { configsPath: url } }),
  'deviceApi.addPath': (url) => ({ deviceApi: { addPath: url } }),
  'deviceApi.checkPath': (url) => ({ deviceApi: { checkPath: url } }),
  'registerApi.url': (url) => ({ registerApi: { url } }),
  'approveApi.url': (url) => ({ approveApi: { url } }),
  pingUrl: (url) => ({ pingUrl: url }),
};

describe('config loading under hostile input', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  afterEach(() => vi.restoreAllMocks());

  it('tries every URL key of the config as a place for a hostile URL', () => {
    const urlKeys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, item]) => (item && typeof item === 'object' ? urlKeys(item, `${prefix}${key}.`) : /(url|path)$/i.test(key) ? [prefix + key] : []));
    expect(Object.keys(API_URL_PLACES).sort()).toEqual(urlKeys(DEFAULT_CONFIG).sort());
  });

  it('any JSON at all gives a complete, well-typed config and pollutes nothing', () => {
    fc.assert(
      fc.property(hostileJson(CONFIG_KEYS, CONFIG_VALUES), (raw) => {
        const { config, warnings } = mergeConfig(DEFAULT_CONFIG, raw);
        expectUsable(config);
        expect(warnings.every((warning) => typeof warning === 'string')).toBe(true);
        // At most one line per known key and one for all unknown keys, none of them long: a
        // hostile file cannot flood the TV's console.
        expect(warnings.length).toBeLessThanOrEqual(CONFIG_KEYS.length + 2);
        expect(warnings.join('\n').length).toBeLessThan(10_000);
        expectPrototypesClean();
      }),
      { numRuns: 500 },
    );
  });

  it('takes every well-typed known value as given, and keeps the defaults beside it', () => {
    const partial = fc.record(
      {
        appName: fc.string().filter((name) => name.trim() !== ''),
        deviceApi: fc.record({ baseUrl: fc.webUrl(), bodyEncoding: fc.constantFrom('json' as const, 'form' as const), macFormat: fc.constantFrom('plain' as const, 'colon' as const) }, { requiredKeys: [] }),
        registerApi: fc.record({ token: fc.string(), password: fc.string(), deviceType: fc.constantFrom('', 'de', 'la', 'tb', 'ph') }, { requiredKeys: [] }),
        pingUrl: fc.webUrl(),
        checkIntervalSeconds: fc.integer({ min: CHECK_INTERVAL_BOUNDS.min, max: CHECK_INTERVAL_BOUNDS.max }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(partial, (raw) => {
        const { config, warnings } = mergeConfig(DEFAULT_CONFIG, raw);
        expect(warnings).toEqual([]);
        expect(config).toEqual({
          ...DEFAULT_CONFIG,
          ...raw,
          deviceApi: { ...DEFAULT_CONFIG.deviceApi, ...raw.deviceApi },
          registerApi: { ...DEFAULT_CONFIG.registerApi, ...raw.registerApi },
        });
      }),
    );
  });

  it('a broken, cut-off or hostile config.json falls back with a warning and never echoes a secret', async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((tail) => `S3CR3T-${tail}`);
    const text = fc.oneof(
      hostileString,
      fc.tuple(secret, fc.nat(), hostileJson(CONFIG_KEYS, CONFIG_VALUES)).map(([value, cut, raw]) => {
        const full = JSON.stringify({ registerApi: { token: value, password: [value] }, approveApi: { token: { value } }, extra: raw });
        return full.slice(0, cut % (full.length + 1));
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        const lines: unknown[][] = [];
        vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void lines.push(args));
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args));
        expectUsable(await loadConfig({ readText: async () => body, requireHttps: true }));
        expect(allStrings(lines).join('\n')).not.toContain('S3CR3T-');
        vi.restoreAllMocks();
      }),
      { numRuns: 300 },
    );
  });

  it('a config.json that cannot be read at all means defaults, never a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (reason) => {
        vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        await expect(loadConfig({ readText: () => Promise.reject(reason), requireHttps: true })).resolves.toEqual(DEFAULT_CONFIG);
        vi.restoreAllMocks();
      }),
    );
  });

  it('in a production build no API URL can resolve to plain HTTP on another host, however it is written', async () => {
    await fc.assert(
      fc.asyncProperty(plainHttpUrl, fc.constantFrom(...Object.keys(API_URL_PLACES)), async (url, place) => {
        const raw = API_URL_PLACES[place]!(url);
        vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const errors: unknown[][] = [];
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
        const config = await loadConfig({ readText: async () => JSON.stringify(raw), requireHttps: true });
        const insecure = effectiveUrls(config).filter(isPlainHttpToAnotherHost);
        expect(insecure, `${place}: ${JSON.stringify(url)}`).toEqual([]);
        expect(errors.length, 'a clear console error names the rejected key').toBeGreaterThan(0);
        vi.restoreAllMocks();
      }),
      {
        numRuns: 300,
        examples: [
          ['http:\\\\api.example.com/', 'deviceApi.baseUrl'],
          ['http://evil.example\\@localhost/ping', 'pingUrl'],
          ['ht\ttp://api.example.com/register', 'registerApi.url'],
        ],
      },
    );
  });

  it('no API URL is left that cannot be parsed or that is scheme-relative, with a warning naming the key only', async () => {
    await fc.assert(
      fc.asyncProperty(unusableUrl, fc.constantFrom(...Object.keys(API_URL_PLACES)), fc.constantFrom(PAGE, PACKAGED_PAGE), fc.boolean(), async (url, place, page, requireHttps) => {
        const lines: unknown[][] = [];
        vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void lines.push(args));
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const config = await loadConfig({ readText: async () => JSON.stringify(API_URL_PLACES[place]!(url)), requireHttps, pageHref: page });
        expect(effectiveUrls(config, page).filter((effective) => !isReachable(effective)), `${place}: ${JSON.stringify(url)}`).toEqual([]);
        expect(allStrings(lines).join('\n')).toContain(`${place} is not a usable URL`);
        expect(allStrings(lines).join('\n')).not.toContain(url.trim());
        vi.restoreAllMocks();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps HTTPS URLs and plain HTTP to this machine', async () => {
    const allowed = fc.oneof(fc.webUrl({ validSchemes: ['https'] }), fc.constantFrom('http://localhost:8787/api', 'http://127.0.0.1/ping', 'http://[::1]:3000/', '/relative/path'));
    await fc.assert(
      fc.asyncProperty(allowed, async (url) => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const config = await loadConfig({ readText: async () => JSON.stringify({ pingUrl: url }), requireHttps: true });
        expect(config.pingUrl).toBe(url);
        vi.restoreAllMocks();
      }),
    );
  });
});
