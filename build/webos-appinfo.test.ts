import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngSize } from './test-support.ts';

const read = (path: string): Buffer => readFileSync(new URL(path, import.meta.url));
const appinfo = JSON.parse(read('../webos/appinfo.json').toString('utf8')) as Record<string, unknown>;
const packageVersion = (JSON.parse(read('../package.json').toString('utf8')) as { version: string }).version;

describe('webos/appinfo.json', () => {
  it('has an id webOS accepts: reverse-DNS, lower case, not a reserved LG/Palm prefix', () => {
    const id = appinfo['id'] as string;
    expect(id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(id).not.toMatch(/^com\.(palm|webos|lge)/);
  });

  it('is a web app started from index.html, with the version of package.json', () => {
    expect(appinfo).toMatchObject({ type: 'web', main: 'index.html', version: packageVersion });
    expect(existsSync(new URL(`../src/${appinfo['main'] as string}`, import.meta.url))).toBe(true);
    expect(appinfo['vendor']).toEqual(expect.stringMatching(/\S/));
    expect(appinfo['title']).toEqual(expect.stringMatching(/\S/));
  });

  it('takes Back itself, handles relaunches and runs full HD', () => {
    expect(appinfo).toMatchObject({ disableBackHistoryAPI: true, handlesRelaunch: true, resolution: '1920x1080' });
  });

  it('names an 80×80 icon and a 130×130 large icon that exist', () => {
    expect(pngSize(read(`../webos/${appinfo['icon'] as string}`))).toEqual({ width: 80, height: 80 });
    expect(pngSize(read(`../webos/${appinfo['largeIcon'] as string}`))).toEqual({ width: 130, height: 130 });
  });
});
