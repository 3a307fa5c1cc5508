import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngSize, xmlElements, xmlText } from './test-support.ts';
import { renderTizenConfig } from './tizen-config.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const committed = read('../tizen/config.xml');
const packageVersion = (JSON.parse(read('../package.json')) as { version: string }).version;

/** The elements Samsung documents as required for a TV web app (PLATFORMS.md, config.xml essentials). */
function expectValidTizenConfig(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const [widget] = xmlElements(xml, 'widget');
  expect(widget).toMatchObject({ xmlns: 'http://www.w3.org/ns/widgets', 'xmlns:tizen': 'http://tizen.org/ns/widgets' });
  expect(widget!['id']).toMatch(/^https?:\/\/\S+$/);
  // Samsung: {0-255}.{0-255}.{0-65535}
  const [major, minor, patch] = widget!['version']!.split('.').map(Number);
  expect(widget!['version']).toMatch(/^\d+\.\d+\.\d+$/);
  expect([major! <= 255, minor! <= 255, patch! <= 65535]).toEqual([true, true, true]);

  const [application, ...moreApplications] = xmlElements(xml, 'tizen:application');
  expect(moreApplications).toEqual([]);
  expect(application!['package']).toMatch(/^[A-Za-z0-9]{10}$/);
  expect(application!['id']).toMatch(new RegExp(`^${application!['package']}\\.[A-Za-z0-9]+$`));
  expect(application!['required_version']).toMatch(/^\d+\.\d+$/);

  expect(xmlElements(xml, 'tizen:profile')).toEqual([{ name: 'tv-samsung' }]);
  expect(xmlElements(xml, 'content')).toEqual([{ src: 'index.html' }]);
  expect(xmlElements(xml, 'icon')).toEqual([{ src: 'icon.png' }]);
  expect(xmlText(xml, 'name')?.trim()).toBeTruthy();
  // Exactly what the app calls (PLATFORMS.md): no application.launch, since it launches no other app and exit() needs none.
  expect(xmlElements(xml, 'tizen:privilege').map((privilege) => privilege['name']).sort()).toEqual([
    'http://developer.samsung.com/privilege/network.public',
    'http://developer.samsung.com/privilege/productinfo',
    'http://tizen.org/privilege/internet',
    'http://tizen.org/privilege/tv.inputdevice',
  ]);
  const access = xmlElements(xml, 'access');
  expect(access.length).toBeGreaterThan(0);
  for (const { origin } of access) expect(origin).toMatch(/^https?:\/\/[^/]+$/);
  expect(xmlText(xml, 'tizen:content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self' /);
  // Deep links: a relaunch with a magic link reaches the running page as an `appcontrol` event.
  const sources = xmlElements(xml, 'tizen:src');
  expect(sources.length).toBeGreaterThan(0);
  for (const source of sources) expect(source).toEqual({ name: 'index.html', reload: 'disable' });
  expect(xmlElements(xml, 'tizen:operation').map((operation) => operation['name'])).toContain('http://tizen.org/appcontrol/operation/view');
  expect(xmlElements(xml, 'tizen:setting')[0]).toMatchObject({
    'screen-orientation': 'landscape',
    'context-menu': 'disable',
    'background-support': 'disable',
    'hwkey-event': 'enable',
  });
}

describe('tizen/config.xml', () => {
  it('has every element a Samsung TV web app requires', () => {
    expectValidTizenConfig(committed);
  });

  it('carries the version of package.json', () => {
    expect(xmlElements(committed, 'widget')[0]!['version']).toBe(packageVersion);
  });

  it('names an icon that exists at a launcher size Samsung accepts', () => {
    const icon = new URL('../tizen/icon.png', import.meta.url);
    expect(existsSync(icon)).toBe(true);
    expect([117, 512]).toContain(pngSize(readFileSync(icon)).width);
    expect(pngSize(readFileSync(icon)).height).toBe(pngSize(readFileSync(icon)).width);
  });
});

describe('renderTizenConfig', () => {
  const csp = "default-src 'self'; connect-src 'self' https://api.example.com https://register.example.com";
  const rendered = renderTizenConfig(committed, { origins: ['https://api.example.com', 'https://register.example.com'], csp });

  it('allows exactly the packaged API origins and keeps every required element', () => {
    expect(xmlElements(rendered, 'access')).toEqual([
      { origin: 'https://api.example.com', subdomains: 'false' },
      { origin: 'https://register.example.com', subdomains: 'false' },
    ]);
    expectValidTizenConfig(rendered);
  });

  it('puts the app CSP in the manifest, escaped for XML', () => {
    expect(xmlText(rendered, 'tizen:content-security-policy')).toBe(csp);
    const escaped = renderTizenConfig(committed, { origins: ['https://a.example'], csp: "connect-src 'self' https://a.example/?a=1&b=<2>" });
    expect(xmlText(escaped, 'tizen:content-security-policy')).toBe("connect-src 'self' https://a.example/?a=1&amp;b=&lt;2&gt;");
  });

  it('refuses a manifest without the elements it fills in', () => {
    expect(() => renderTizenConfig('<widget></widget>', { origins: [], csp })).toThrow(/<access>/);
  });
});
