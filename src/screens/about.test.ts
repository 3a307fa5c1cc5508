import { describe, expect, it } from 'vitest';
import { engineFromUserAgent, platformLabel } from './about';

describe('engineFromUserAgent', () => {
  it('names the Chromium version of TV and desktop engines', () => {
    expect(engineFromUserAgent('Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/68.0.3440.106 Safari/537.36 WebAppManager')).toBe('Chromium 68');
    expect(engineFromUserAgent('Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.5) AppleWebKit/537.36 (KHTML, like Gecko) 69.0.3497.106.1/5.5 TV Safari/537.36 Chrome/69.0.3497.106')).toBe('Chromium 69');
    expect(engineFromUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36')).toBe('Chromium 120');
  });

  it('names other engines, or says it does not know', () => {
    expect(engineFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128');
    expect(engineFromUserAgent('Mozilla/5.0 (SMART-TV; Linux; Tizen 2.4.0) AppleWebKit/538.1 (KHTML, like Gecko) Version/2.4.0 TV Safari/538.1')).toBe('WebKit 538.1');
    expect(engineFromUserAgent('')).toBe('Unknown');
  });
});

describe('platformLabel', () => {
  it('uses the names viewers know', () => {
    expect(platformLabel('tizen')).toBe('Samsung Tizen');
    expect(platformLabel('webos')).toBe('LG webOS');
    expect(platformLabel(undefined)).toBe('Unknown');
  });
});
