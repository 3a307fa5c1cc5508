import type { Body } from '../http/body.js';
import type { Exchange } from '../http/exchange.js';
import type { Params } from '../http/match.js';
import type { Reply } from '../http/reply.js';
import type { Endpoint, FaultTable } from '../faults.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RequestLog } from '../request-log.js';
import type { Store } from '../state/store.js';

/** What the handlers share; built once per `createReferenceApi`. */
export interface Services {
  store: Store;
  faults: FaultTable;
  requests: RequestLog;
  limiter: RateLimiter;
  registerToken: string;
  userToken: string;
  /** Everything back to a fresh start (state, faults, log, rate limits). */
  reset(): void;
}

export interface RouteContext {
  ex: Exchange;
  params: Params;
  body: Body;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export type Method = 'GET' | 'HEAD' | 'POST' | 'DELETE';

/** Each backend has its own error shape (seed envelope, `{error, detail}`,
 * `{success:false, message}`); the router uses it for 405/413/500 and for faked errors. */
export type ErrorShape = (ex: Exchange, status: number, message: string, code?: string) => unknown;

export interface Route {
  /** Set for the app-facing endpoints: they can be faulted and are logged. */
  endpoint?: Endpoint;
  patterns: readonly string[];
  errorShape: ErrorShape;
  methods: Partial<Record<Method, Handler>>;
}
