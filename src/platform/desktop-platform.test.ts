import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesktopPlatform } from './desktop-platform';
import { browserVersion, desktopOsName } from './user-agent';

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36';

afterEach(() => vi.restoreAllMocks());

describe('desktop platform', () => {
  it('has no MAC or unique ID, names the OS and uses the browser version as firmware', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(CHROME_LINUX);
    const platform = createDesktopPlatform(window);
    expect([platform.name, platform.osName]).toEqual(['desktop', 'Linux']);
    expect(await platform.readMac()).toBeUndefined();
    expect(await platform.readUniqueId()).toBeUndefined();
    expect(await platform.readFirmware()).toBe('Chrome 120.0.6099.71');
  });

  it('reads launch parameters from the page URL', () => {
    history.replaceState(null, '', '/?magicLink=abc%20def&userToken=t');
    expect(createDesktopPlatform(window).launchParams()).toEqual({ magicLink: 'abc def', userToken: 't' });
    history.replaceState(null, '', '/');
  });

  it('stays open on exit', () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    createDesktopPlatform(window).exit();
    expect(close).not.toHaveBeenCalled();
  });
});

describe('user agent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61', 'Windows', 'Edge 120.0.2210.61'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'macOS', 'Safari 17.1'],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Linux', 'Firefox 120.0'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'ChromeOS', 'Chrome 120.0.0.0'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Linux', 'Chrome 156.0.0.0'],
    ['curl/8.0', 'Desktop', undefined],
  ])('reads %s', (userAgent, os, browser) => {
    expect(desktopOsName(userAgent)).toBe(os);
    expect(browserVersion(userAgent)).toBe(browser);
  });
});
