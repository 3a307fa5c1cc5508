import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/** The facts about one request that every handler needs. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly method: string;
  /** The raw (still URL-encoded) path, without the query string. */
  readonly path: string;
  /** The client's address, IPv4-mapped IPv6 shown as plain IPv4. */
  readonly ip: string;
  /** `performance.now()` at arrival, for the envelope's `time` field. */
  readonly started: number;
}

export function createExchange(req: IncomingMessage): Exchange {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return {
    req,
    method: (req.method ?? 'GET').toUpperCase(),
    path: query < 0 ? url : url.slice(0, query),
    ip: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    started: performance.now(),
  };
}

/** Seconds since the request arrived, as the seeds' `time` field (e.g. `0.583`). */
export function elapsedSeconds(exchange: Exchange): number {
  return Math.round(performance.now() - exchange.started) / 1000;
}

/** `Authorization: Bearer <token>` → the token; anything else → undefined. */
export function bearerToken(exchange: Exchange): string | undefined {
  const found = /^Bearer\s+(\S+)\s*$/i.exec(exchange.req.headers.authorization ?? '');
  return found?.[1];
}
