import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../../../server/src/index.ts';

/** The build under test: dist/, or $TV_DIST_DIR (what `npm run test:engines` builds into). */
export const DIST_DIR = process.env.TV_DIST_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url));

/** The reference API serving the built app, as the e2e fixture runs it. */
export interface EngineServer {
  /** e.g. `http://127.0.0.1:41234/`: the old engines are only ever pointed at loopback. */
  url: string;
  /** Calls the reference server's admin API (`/admin/api/<path>`). */
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startEngineServer(): Promise<EngineServer> {
  if (!existsSync(`${DIST_DIR}/index.html`)) throw new Error(`no build in ${DIST_DIR}: run npm run build first`);
  const running = await startReferenceServer({ port: 0, host: '127.0.0.1', staticDir: DIST_DIR, quiet: true });
  const url = `${running.url}/`;
  return {
    url,
    async admin<T>(path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(`admin/api/${path}`, url), {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    close: () => running.close(),
  };
}
