import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagedCsp, readMetaCsp, withConnectSrc, withLocalMedia, writeMetaCsp } from './csp.ts';

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

describe('withLocalMedia', () => {
  it('keeps images and media of the app CSP to its own files, data: and blob:, leaving every other directive as it was', () => {
    const policy = readMetaCsp(indexHtml);
    const local = withLocalMedia(policy);
    expect(local).toContain("img-src 'self' data: blob:;");
    expect(local).toContain("media-src 'self' blob:;");
    expect(local).toBe(policy.replace("img-src 'self' data: blob: http: https:", "img-src 'self' data: blob:").replace("media-src 'self' blob: http: https:", "media-src 'self' blob:"));
  });

  it('drops hosts and wildcards too, and allows nothing rather than leave a directive empty', () => {
    expect(withLocalMedia("img-src * cdn.example.com https://img.example.com; media-src http:; connect-src *")).toBe("img-src 'none'; media-src 'none'; connect-src *");
  });
});

describe('packagedCsp', () => {
  it('lets a package call its API origins only and load images and media from its own files only', () => {
    const directives = new Map(
      packagedCsp(readMetaCsp(indexHtml), ['https://api.example.com'])
        .split('; ')
        .map((directive) => directive.split(' '))
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://api.example.com']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  // What makes that safe: if the app ever shows a remote picture or video, packaged apps would
  // refuse it, so this test asks for the packaged CSP (build/csp.ts) to be looked at again.
  it('holds because the app loads no image or media file: tile art is drawn in CSS', () => {
    const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
    const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|css|html)$/.test(file) && !/\.test\.ts$/.test(file));
    const loaders = sources.filter((file) => /<(img|video|audio|source|picture)\b|\bnew Image\(|(^|[^\w.])url\(|background-image|\bposter=/.test(readFileSync(join(srcDir, file), 'utf8')));
    expect(loaders).toEqual([]);
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
