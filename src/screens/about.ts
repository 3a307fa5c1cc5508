import type { PlatformName } from '../platform/platform';

/** A third-party component shipped inside the app bundle, with the licence it comes under. */
export interface Licence {
  name: string;
  licence: string;
  copyright: string;
}

/** What the built app contains besides its own code (runtime dependencies only). */
export const THIRD_PARTY_LICENCES: readonly Licence[] = [
  { name: 'Lit', licence: 'BSD-3-Clause', copyright: 'Google LLC' },
  { name: 'idb-keyval', licence: 'Apache-2.0', copyright: 'Jake Archibald' },
  { name: 'core-js (older TVs only)', licence: 'MIT', copyright: 'Denis Pushkarev' },
];

const PLATFORM_LABELS: Record<PlatformName, string> = { tizen: 'Samsung Tizen', webos: 'LG webOS', desktop: 'Desktop browser' };

/** The platform's name as a viewer knows it. */
export function platformLabel(name: PlatformName | undefined): string {
  return name ? PLATFORM_LABELS[name] : 'Unknown';
}

/**
 * The web engine from a user agent: TVs embed Chromium, and its major version is what decides
 * which web features work, so that is what a support call needs.
 */
export function engineFromUserAgent(userAgent: string): string {
  const chromium = /(?:Chrome|Chromium)\/(\d+)/.exec(userAgent);
  if (chromium) return `Chromium ${chromium[1]}`;
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const webkit = /AppleWebKit\/([\d.]+)/.exec(userAgent);
  return webkit ? `WebKit ${webkit[1]}` : 'Unknown';
}
