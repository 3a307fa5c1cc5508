import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReferenceApi, type ReferenceApi, type ReferenceServerOptions } from './api.js';

export { createReferenceApi, type ReferenceApi, type ReferenceServerOptions } from './api.js';

interface StartOptions extends ReferenceServerOptions {
  /** 0 = a free port chosen by the system. Default 0. */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 to reach the server from a TV on the LAN. */
  host?: string;
}

interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  api: ReferenceApi;
  /** Stops listening, drops idle keep-alive connections and writes the state file. */
  close(): Promise<void>;
}

export async function startReferenceServer(options: StartOptions = {}): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1', ...apiOptions } = options;
  const api = createReferenceApi(apiOptions);
  const server = createServer((req, res) => api.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    api,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would otherwise hold `close` open for seconds.
      server.closeAllConnections();
      await closed;
      await api.flush();
    },
  };
}
