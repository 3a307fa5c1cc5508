import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEGACY_POLYFILLS_PATH, loadLegacyPolyfills, needsLegacyPolyfills } from './load-legacy-polyfills';


describe('needsLegacyPolyfills', () => {
  const modern = { globalThis: {}, Array: { prototype: { flat() {} } }, Element: { prototype: { toggleAttribute() {} } } };

  it('is false where globalThis, Array.prototype.flat and Element.prototype.toggleAttribute exist', () => {
    expect(needsLegacyPolyfills(modern)).toBe(false);
  });

  it('is true when any one of them is missing, as on Chromium 68–70', () => {
    const { globalThis: _, ...withoutGlobalThis } = modern;
    expect(needsLegacyPolyfills(withoutGlobalThis)).toBe(true);
    expect(needsLegacyPolyfills({ ...modern, Array: { prototype: {} } })).toBe(true);
    expect(needsLegacyPolyfills({ ...modern, Element: { prototype: {} } })).toBe(true);
  });
});

describe('loadLegacyPolyfills', () => {
  const flat = Object.getOwnPropertyDescriptor(Array.prototype, 'flat')!;

  afterEach(() => {
    Object.defineProperty(Array.prototype, 'flat', flat);
    vi.restoreAllMocks();
  });

  // The tag is caught before it reaches the document: the test DOM does not load scripts.
  const appendedScripts = () => {
    const append = vi.spyOn(document.head, 'appendChild').mockImplementation((node) => node);
    return () => append.mock.calls.map(([node]) => node as HTMLScriptElement);
  };

  it('downloads nothing on an engine that has what Lit needs', async () => {
    const scripts = appendedScripts();
    await loadLegacyPolyfills();
    expect(scripts()).toEqual([]);
  });

  it('loads the polyfill script on an old engine and still starts, with an error logged, when it fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const scripts = appendedScripts();
    delete (Array.prototype as { flat?: unknown }).flat;
    const loaded = loadLegacyPolyfills();
    expect(scripts().map((script) => script.getAttribute('src'))).toEqual([LEGACY_POLYFILLS_PATH]);
    scripts()[0]!.dispatchEvent(new Event('error'));
    await expect(loaded).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith('[tv-app:boot]', expect.stringContaining(LEGACY_POLYFILLS_PATH));
  });
});
