import type { IncomingMessage } from 'node:http';
import type { Reply } from './reply.js';

/** The packaged TV app runs from `file://` (origin `null`) and the dev app from another
 * port, so every answer, errors included, must be readable cross-origin. `Date` and
 * `Retry-After` are exposed because the app times renewals and back-off with them. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Date, Retry-After',
};

export function preflightReply(req: IncomingMessage): Reply {
  const headers: Record<string, string> = { 'Access-Control-Max-Age': '600' };
  // Chrome's Private Network Access asks before a page reaches a LAN/loopback server.
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return { status: 204, headers };
}
