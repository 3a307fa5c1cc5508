import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetaCsp, withConnectSrc, writeMetaCsp } from './csp.ts';

const indexHtml = readFileSync(new URL('../src/index.html', import.meta.url), 'utf8');

describe('the app CSP (src/index.html)', () => {
  const directives = new Map(
    readMetaCsp(indexHtml)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

  it('allows no inline, eval-ed or remote script', () => {
    expect(directives.get('script-src')).toEqual(["'self'", 'file:']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('withConnectSrc', () => {
  it('limits connect-src to the app itself and the given origins, keeping every other directive', () => {
    const narrowed = withConnectSrc("default-src 'self'; connect-src 'self' http: https:; img-src *", ['https://api.example.com']);
    expect(narrowed).toBe("default-src 'self'; img-src *; connect-src 'self' https://api.example.com");
  });

  it('adds connect-src when the policy had none', () => {
    expect(withConnectSrc("default-src 'self';", ['https://a.example', 'https://b.example'])).toBe("default-src 'self'; connect-src 'self' https://a.example https://b.example");
  });
});

describe('writeMetaCsp', () => {
  it('replaces the policy of the CSP <meta> and nothing else', () => {
    const html = writeMetaCsp(indexHtml, "default-src 'none'");
    expect(readMetaCsp(html)).toBe("default-src 'none'");
    expect(html).toBe(indexHtml.replace(readMetaCsp(indexHtml), "default-src 'none'"));
  });

  it('refuses a page without a CSP <meta>, so no package ships without one', () => {
    expect(() => writeMetaCsp('<html><head></head></html>', "default-src 'self'")).toThrow(/Content-Security-Policy/);
  });
});
