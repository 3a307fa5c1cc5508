/** Where the build puts the polyfill bundle, relative to index.html. */
export const LEGACY_POLYFILLS_PATH = 'assets/legacy-polyfills.js';

/** True on engines older than Chromium 71, which lack what Lit needs at run time. */
export function needsLegacyPolyfills(scope: object = window): boolean {
  return !('globalThis' in scope) || typeof (Array.prototype as { flat?: unknown }).flat !== 'function';
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
      console.error('[tv-app:boot] legacy polyfills failed to load; starting without them');
      resolve();
    };
    document.head.appendChild(script);
  });
}
