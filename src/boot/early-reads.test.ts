import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_FILES, readTextEarly, startEarlyReads } from './early-reads';

describe('early reads', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for every early file at once and hands each answer to its first reader', async () => {
    const read = vi.fn((url: string) => Promise.resolve(`body of ${url}`));
    startEarlyReads(read);
    expect(read.mock.calls.map(([url]) => url)).toEqual([...EARLY_FILES]);
    expect(await readTextEarly('catalog.json')).toBe('body of catalog.json');
    expect(await readTextEarly('config.json')).toBe('body of config.json');
    expect(read).toHaveBeenCalledTimes(EARLY_FILES.length);
  });

  it('passes an early failure to the reader, who decides the fallback', async () => {
    startEarlyReads((url) => Promise.reject(new Error(`HTTP 404 for ${url}`)));
    await expect(readTextEarly('config.json')).rejects.toThrow('HTTP 404 for config.json');
    await readTextEarly('catalog.json').catch(() => undefined);
  });

  it('reads the file again for a second reader, so a reload of the same file is never stale', async () => {
    startEarlyReads(() => Promise.resolve('early'));
    await readTextEarly('config.json');
    await readTextEarly('catalog.json');
    const xhrOpen = vi.fn();
    vi.stubGlobal(
      'XMLHttpRequest',
      class {
        open = xhrOpen;
        send(): void {
          this.onload?.();
        }
        onload?: () => void;
        status = 200;
        responseText = 'fresh';
      },
    );
    expect(await readTextEarly('config.json')).toBe('fresh');
    expect(xhrOpen).toHaveBeenCalledWith('GET', 'config.json');
  });
});
