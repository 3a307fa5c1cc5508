import { STATUS_CODES, type ServerResponse } from 'node:http';
import { CORS_HEADERS } from './cors.js';

/** What a handler answers; `sendReply` is the one place that writes it to the socket, so
 * CORS headers (on all but the admin answers), caching and HEAD handling are the same for
 * every route. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Encoded body; absent means no body at all. */
  body?: string | Buffer;
  contentType?: string;
}

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, headers, body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

export function emptyReply(status: number, headers?: Record<string, string>): Reply {
  return { status, headers };
}

/** `413` → `payload_too_large`: a machine-readable code for statuses we have no better name for. */
export function statusCode(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** `crossOrigin: false` leaves the CORS headers out (the admin paths). */
export function sendReply(res: ServerResponse, reply: Reply, crossOrigin = true): void {
  // The client may have gone away during a delay; writing then would only raise errors.
  if (res.headersSent || res.destroyed) return;
  // 204/304 must not carry a body (Node would drop it anyway; the headers must not lie).
  const hasBody = reply.body !== undefined && reply.status !== 204 && reply.status !== 304;
  const headers: Record<string, string | number> = {
    ...(crossOrigin ? CORS_HEADERS : {}),
    'Cache-Control': 'no-store',
    ...reply.headers,
  };
  if (hasBody && reply.body !== undefined) {
    headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
    headers['Content-Length'] = Buffer.byteLength(reply.body);
  } else if (reply.status !== 204 && reply.status !== 304) {
    headers['Content-Length'] = 0;
  }
  res.writeHead(reply.status, headers);
  // Node leaves the body out of HEAD answers by itself; Content-Length still tells its size.
  res.end(hasBody ? reply.body : undefined);
}
