// @vitest-environment node
import { createServer, request, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceApi, startReferenceServer } from './index.js';
import { json } from './test-support.js';
import { referenceApiPlugin } from './vite-plugin.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'reference-static-'));
  await mkdir(join(folder, 'app', 'assets'), { recursive: true });
  await writeFile(join(folder, 'app', 'index.html'), '<!DOCTYPE html><title>the app</title>');
  await writeFile(join(folder, 'app', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(folder, 'app', 'assets', 'app.css'), 'body{}');
  await writeFile(join(folder, 'app', 'config.json'), '{"pingUrl":"/api/ping"}');
  await writeFile(join(folder, 'app', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(folder, 'secret.txt'), 'outside the static folder');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A raw GET, because fetch would normalise `..` out of the path before sending it. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, (res) => {
      let body = '';
      res.on('data', (part: Buffer) => (body += part.toString())).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

describe('static serving (staticDir, no next)', () => {
  it('serves files with their content types, index.html for /, and the API next to them', async () => {
    const server = await startReferenceServer({ port: 0, quiet: true, staticDir: join(folder, 'app') });
    try {
      const expectations: [string, string, string][] = [
        ['/', 'text/html; charset=utf-8', '<!DOCTYPE html><title>the app</title>'],
        ['/index.html', 'text/html; charset=utf-8', '<!DOCTYPE html><title>the app</title>'],
        ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
        ['/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
        ['/config.json', 'application/json; charset=utf-8', '{"pingUrl":"/api/ping"}'],
      ];
      for (const [path, type, body] of expectations) {
        const response = await fetch(server.url + path);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        expect(await response.text()).toBe(body);
      }
      expect((await fetch(`${server.url}/logo.png`)).headers.get('content-type')).toBe('image/png');
      const head = await fetch(`${server.url}/`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect(await json(fetch(`${server.url}/api/ping`))).toEqual({ ok: true });
      const missing = await fetch(`${server.url}/nope.js`);
      expect(missing.status).toBe(404);
      expect(await json(missing)).toEqual({ error: 'not_found', detail: 'Nothing at GET /nope.js' });
      for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
        const escape = await rawGet(server.url, path);
        expect(escape.status).toBe(404);
        expect(escape.body).not.toContain('outside');
      }
    } finally {
      await server.close();
    }
  });
});

describe('as middleware with next()', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const api = createReferenceApi({ quiet: true });
    server = createServer((req, res) =>
      api.handle(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`next saw ${req.method} ${req.url}`);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a mistyped admin path itself with a 404, instead of passing it on to the host\'s page', async () => {
    const response = await fetch(`${url}/admin/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('passes paths it does not own to next, answers its own', async () => {
    expect(await (await fetch(`${url}/src/main.ts?import`)).text()).toBe('next saw GET /src/main.ts?import');
    expect(await (await fetch(`${url}/anything`, { method: 'OPTIONS' })).text()).toBe('next saw OPTIONS /anything');
    expect(await json(fetch(`${url}/api/ping`))).toEqual({ ok: true });
    expect((await fetch(`${url}/admin`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
    const wrongMethod = await fetch(`${url}/api/ping`, { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
  });
});

describe('vite plugin', () => {
  it('mounts the API before Vite in dev and preview, and announces the admin URL once', async () => {
    const { createServer: createViteServer, preview } = await import('vite');
    const root = join(folder, 'app');
    const messages: string[] = [];
    const logger = {
      info: (message: string) => void messages.push(message),
      warn: () => undefined,
      warnOnce: () => undefined,
      error: () => undefined,
      clearScreen: () => undefined,
      hasErrorLogged: () => false,
      hasWarned: false,
    };
    const plugin = referenceApiPlugin({ quiet: false });
    const common = { configFile: false as const, root, customLogger: logger, plugins: [plugin] };

    const dev = await createViteServer({ ...common, server: { port: 0, host: '127.0.0.1', strictPort: false } });
    await dev.listen();
    try {
      const base = dev.resolvedUrls!.local[0]!;
      expect(await json(fetch(`${base}api/ping`))).toEqual({ ok: true });
      const configs = await json(fetch(`${base}api/base/configs`));
      expect(configs.data).toEqual({ device_management: 1 });
      expect(await (await fetch(`${base}assets/app.js`)).text()).toContain('console.log(1)');
      // The admin page's own origin is Vite's.
      const reset = (origin: string) => fetch(`${base}admin/api/reset`, { method: 'POST', headers: { Origin: origin } });
      expect((await reset(new URL(base).origin)).status).toBe(200);
      expect((await reset('https://evil.example')).status).toBe(403);
    } finally {
      await dev.close();
    }

    const prev = await preview({ ...common, build: { outDir: root }, preview: { port: 0, host: '127.0.0.1' } });
    try {
      const base = prev.resolvedUrls!.local[0]!;
      expect((await fetch(`${base}api/ping`, { method: 'HEAD' })).status).toBe(204);
      expect(await (await fetch(`${base}index.html`)).text()).toContain('the app');
    } finally {
      await prev.close();
    }
    expect(messages.filter((m) => m.includes('/admin'))).toEqual([expect.stringMatching(/Reference API admin: http:\/\/localhost:\d+\/admin/)]);
  });
});
