import type { IncomingMessage } from 'node:http';
import type { Reply } from './reply.js';

/** The packaged TV app runs from `file://` (origin `null`) and the dev app from another
 * port, so every app-facing answer, errors included, must be readable cross-origin. `Date`
 * and `Retry-After` are exposed because the app times renewals and back-off with them. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Date, Retry-After',
};

/** The tester's page and its API change state without authentication, so they are for this
 * server's own page only: another site open in the tester's browser must not drive them. */
export function isAdminPath(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/');
}

/** Whether a request comes from a page of this server, or from no page at all (curl and
 * Node's fetch send no `Origin`). The `Host` header is the server's own origin as the
 * browser reached it, so this holds inside Vite's dev server too. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // HTTP/2 (Vite over https) names the host in `:authority` instead.
  const host = req.headers.host ?? req.headers[':authority'];
  if (typeof host !== 'string') return false;
  try {
    const page = new URL(origin);
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false; // `null` (a sandboxed or file:// page) or garbage
  }
}

/** An app-facing preflight; `crossOrigin: false` (the admin paths) allows nothing. */
export function preflightReply(req: IncomingMessage, crossOrigin = true): Reply {
  if (!crossOrigin) return { status: 204 };
  const headers: Record<string, string> = { 'Access-Control-Max-Age': '600' };
  // Chrome's Private Network Access asks before a page reaches a LAN/loopback server.
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return { status: 204, headers };
}
