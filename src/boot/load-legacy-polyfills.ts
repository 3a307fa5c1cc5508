import { createLogger } from '../log/log';

const log = createLogger('boot');

/** Where the build puts the polyfill bundle, relative to index.html. */
export const LEGACY_POLYFILLS_PATH = 'assets/legacy-polyfills.js';

/** The part of a window the check reads: its globals and two prototypes. */
interface FeatureScope {
  Array: { prototype: object };
  Element: { prototype: object };
}

const hasMethod = (proto: object, name: string): boolean => typeof (proto as Record<string, unknown>)[name] === 'function';

/** True on engines older than Chromium 71, which lack what Lit needs at run time. */
export function needsLegacyPolyfills(scope: FeatureScope = window): boolean {
  return !('globalThis' in scope) || !hasMethod(scope.Array.prototype, 'flat') || !hasMethod(scope.Element.prototype, 'toggleAttribute');
}

/**
 * Loads the polyfills with a classic script tag, only where missing, so modern TVs and desktops
 * download nothing extra. Resolves either way: a failed load is logged and the app still tries.
 */
export function loadLegacyPolyfills(): Promise<void> {
  if (!needsLegacyPolyfills()) return Promise.resolve();
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = LEGACY_POLYFILLS_PATH;
    script.onload = () => resolve();
    script.onerror = () => {
      log.error(`${LEGACY_POLYFILLS_PATH} failed to load; starting without the polyfills`);
      resolve();
    };
    document.head.appendChild(script);
  });
}
