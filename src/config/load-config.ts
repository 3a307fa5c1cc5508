import { readTextEarly } from '../boot/early-reads';
import type { ReadText } from '../boot/read-text';
import { createLogger, errorMessage } from '../log/log';
import { CONFIG_LIMITS, DEFAULT_CONFIG, type AppConfig } from './config';
import { mergeConfig } from './merge-config';
import { insecureUrlKeys, unusableUrlKeys } from './secure-urls';

const log = createLogger('config');

export interface LoadConfigOptions {
  readText?: ReadText;
  url?: string;
  /** Refuse plain-HTTP API URLs to other hosts; on in production builds. */
  requireHttps?: boolean;
  /** Where the app runs, which relative URLs resolve against: `file://…` in a packaged app. */
  pageHref?: string;
}

/** Puts the default back for each key path (`pingUrl`, `deviceApi.baseUrl`); all are strings. */
function restoreDefaults(config: AppConfig, paths: string[]): AppConfig {
  const target = config as unknown as Record<string, Record<string, string>>;
  const defaults = DEFAULT_CONFIG as unknown as Record<string, Record<string, string>>;
  for (const path of paths) {
    const [group, key] = path.split('.');
    if (key === undefined) (target as Record<string, unknown>)[group] = defaults[group];
    else target[group][key] = defaults[group][key];
  }
  return config;
}

/** The parsed file, or `{}` (all defaults) with a warning when it cannot be read or parsed. */
async function readConfigJson(readText: ReadText, url: string): Promise<unknown> {
  let text: string;
  try {
    text = await readText(url);
  } catch (error) {
    log.warn(`${url} could not be read (${errorMessage(error)}); using defaults`);
    return {};
  }
  // Checked before parsing: a huge file would stall the TV in JSON.parse and the merge.
  if (text.length > CONFIG_LIMITS.textChars) {
    log.warn(`${url} is larger than ${CONFIG_LIMITS.textChars / 1024} KB; using defaults`);
    return {};
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which may hold a token: say only where it failed.
    log.warn(`${url} is not valid JSON; using defaults`);
    return {};
  }
}

/** Loads `config.json`; a missing or broken file means defaults and a warning, never a crash. */
export async function loadConfig({
  readText = readTextEarly,
  url = 'config.json',
  requireHttps = import.meta.env.PROD,
  pageHref = window.location.href,
}: LoadConfigOptions = {}): Promise<AppConfig> {
  const { config, warnings } = mergeConfig(DEFAULT_CONFIG, await readConfigJson(readText, url));
  for (const warning of warnings) log.warn(`${url}: ${warning}`);
  // The key only, never the value: a URL may hold credentials or a token.
  const unusable = unusableUrlKeys(config, pageHref);
  for (const key of unusable) log.warn(`${url}: ${key} is not a usable URL (it does not parse, names no http(s) scheme where one is needed, or starts with //); using the default`);
  restoreDefaults(config, unusable);
  const insecure = requireHttps ? insecureUrlKeys(config) : [];
  if (insecure.length) log.error(`${url}: ${insecure.join(', ')} must use https:// (plain http is allowed only for this machine${__TV_TEST_HTTP_ORIGIN__ ? ` and this test package's ${__TV_TEST_HTTP_ORIGIN__}` : ''}); using the defaults`);
  return restoreDefaults(config, insecure);
}
