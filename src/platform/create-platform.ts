import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';
import { createTizenPlatform } from './tizen-platform';
import type { TizenWindow } from './tizen-api';
import type { WebOsWindow } from './webos-api';
import { createWebOsPlatform } from './webos-platform';

/** Picks the adapter by the globals each TV injects before any page script (CONTRACT §6). */
export function createPlatform(win: Window): Platform {
  if ((win as TizenWindow).tizen) return createTizenPlatform(win as TizenWindow);
  const webos = win as WebOsWindow;
  if (webos.PalmSystem || webos.webOSSystem) return createWebOsPlatform(webos);
  return createDesktopPlatform(win);
}
