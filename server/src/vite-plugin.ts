import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { AddressInfo } from 'node:net';
import { createReferenceApi, type ReferenceServerOptions } from './api.js';

/** Mounts the reference API into `vite` (dev) and `vite preview`, so the app and the API
 * share one origin. The middleware is added directly in the hooks, which puts it before
 * Vite's own handlers; paths the API does not own fall through to Vite. */
export function referenceApiPlugin(options: ReferenceServerOptions = {}): Plugin {
  const api = createReferenceApi(options);
  let announced = false;

  const mount = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use((req, res, next) => api.handle(req, res, () => next()));
    const http = server.httpServer;
    if (!http) return; // middleware mode: the host server owns the port
    http.once('listening', () => {
      const address = http.address() as AddressInfo | string | null;
      if (announced || options.quiet || !address || typeof address === 'string') return;
      announced = true;
      server.config.logger.info(`  ➜  Reference API admin: http://localhost:${address.port}/admin`);
    });
    http.once('close', () => void api.flush());
  };

  return {
    name: 'reference-api',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
