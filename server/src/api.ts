import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultReply, FaultTable, type Endpoint, type Fault } from './faults.js';
import { BodyTooLargeError, bodyForLog, parseBody, readBody, type Body } from './http/body.js';
import { isAdminPath, isSameOrigin, preflightReply } from './http/cors.js';
import { createExchange, type Exchange } from './http/exchange.js';
import { jsonReply, sendReply, statusText, type Reply } from './http/reply.js';
import { staticReply } from './http/static.js';
import { createLogger } from './log.js';
import { RateLimiter } from './rate-limit.js';
import { redactAuthorization, redactBody, redactPath } from './redact.js';
import { RequestLog } from './request-log.js';
import { adminApiRoutes } from './routes/admin-api.js';
import { adminPageRoutes } from './routes/admin-page.js';
import { approveRoutes } from './routes/approve.js';
import { deviceRoutes } from './routes/device.js';
import { detailError } from './routes/errors.js';
import { pingRoutes } from './routes/ping.js';
import { registerRoutes } from './routes/register.js';
import type { Handler, Route, RouteContext, Services } from './routes/types.js';
import { allowHeader, createRouter, handlerFor } from './router.js';
import { emptyState } from './state/model.js';
import { StateFile } from './state/state-file.js';
import { Store } from './state/store.js';

export interface ReferenceServerOptions {
  /** JSON file that keeps state across restarts (written atomically, debounced). */
  stateFile?: string;
  /** Folder served for paths the API does not own (the built app). */
  staticDir?: string;
  /** Bearer token of the registration backend (seeds 002/003). */
  registerToken?: string;
  /** Bearer token of the signed-in user for approvals (seed 004). */
  userToken?: string;
  /** No informational logging (errors are still printed). */
  quiet?: boolean;
}

export interface ReferenceApi {
  /** Node/connect request handler. With `next`, paths the API does not own go to it. */
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): void;
  /** Back to a fresh start: state, settings, faults, request log, rate limits. */
  reset(): void;
  /** Resolves once pending state is written to the state file (if any). */
  flush(): Promise<void>;
}

export const DEFAULT_REGISTER_TOKEN = 'reference-register-token';
export const DEFAULT_USER_TOKEN = 'reference-user-token';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createReferenceApi(options: ReferenceServerOptions = {}): ReferenceApi {
  const log = createLogger(options.quiet);
  const stateFile = options.stateFile ? new StateFile(options.stateFile, () => store.state, log) : undefined;
  const store: Store = new Store(stateFile?.load() ?? emptyState(), () => stateFile?.schedule());
  const faults = new FaultTable();
  const requests = new RequestLog();
  const limiter = new RateLimiter();
  const services: Services = {
    store,
    faults,
    requests,
    limiter,
    registerToken: options.registerToken ?? DEFAULT_REGISTER_TOKEN,
    userToken: options.userToken ?? DEFAULT_USER_TOKEN,
    reset() {
      store.reset();
      faults.clear();
      requests.clear();
      limiter.clear();
    },
  };
  const findRoute = createRouter([
    ...deviceRoutes(services),
    ...registerRoutes(services),
    ...approveRoutes(services),
    ...pingRoutes(),
    ...adminPageRoutes(),
    ...adminApiRoutes(services),
  ]);

  const errorReply = (route: Route, ex: Exchange, status: number, message: string, headers?: Record<string, string>): Reply =>
    jsonReply(status, route.errorShape(ex, status, message), headers);

  /** Paths the API does not own: the static app, then the host's `next`, then 404. */
  async function unowned(ex: Exchange, res: ServerResponse, crossOrigin: boolean, next?: () => void): Promise<void> {
    if (options.staticDir && (ex.method === 'GET' || ex.method === 'HEAD')) {
      const file = await staticReply(options.staticDir, ex.path);
      if (file) return sendReply(res, file, crossOrigin);
    }
    // Everything under /admin is the tester's: a mistyped admin path is a 404, not the host's page.
    if (next && !isAdminPath(ex.path)) return next();
    if (ex.method === 'OPTIONS') return sendReply(res, preflightReply(ex.req, crossOrigin), crossOrigin);
    sendReply(res, jsonReply(404, detailError(ex, 404, `Nothing at ${ex.method} ${ex.path}`)), crossOrigin);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void> {
    const ex = createExchange(req);
    // Browsers send `Origin` with every POST and DELETE, simple ones (a form, a text/plain
    // fetch) included, so a refusal here stops cross-site requests (CSRF) before any change.
    const crossOrigin = !isAdminPath(ex.path);
    if (!crossOrigin && !isSameOrigin(req)) {
      const refusal = `The admin page and API answer only this server's own page, not ${req.headers.origin}`;
      return sendReply(res, jsonReply(403, detailError(ex, 403, refusal)), false);
    }
    const found = findRoute(ex.path);
    if (!found) return unowned(ex, res, crossOrigin, next);
    if (ex.method === 'OPTIONS') return sendReply(res, preflightReply(req, crossOrigin), crossOrigin);
    const { route } = found;
    let body: Body = { kind: 'none' };
    // Only the app-facing endpoints are logged and faultable; the admin API is the tester's.
    const finish = (reply: Reply | null, fault?: Fault) => {
      if (route.endpoint) record(route.endpoint, ex, body, reply?.status ?? null, fault !== undefined);
      if (reply) sendReply(res, reply, crossOrigin);
    };
    const handler = handlerFor(route, ex.method);
    if (!handler) {
      return finish(errorReply(route, ex, 405, `${ex.method} is not allowed here`, { Allow: allowHeader(route) }));
    }
    if (!BODYLESS_METHODS.has(ex.method)) {
      try {
        body = parseBody(await readBody(req), req.headers['content-type']);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) return; // the client went away: nobody to answer
        // Closing the connection is what stops the rest of the upload.
        return finish(errorReply(route, ex, 413, error.message, { Connection: 'close' }));
      }
    }
    const context = { ex, params: found.params, body };
    const fault = route.endpoint ? faults.take(route.endpoint) : undefined;
    if (!fault) return finish(await run(route, handler, context));
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      finish(null, fault);
      req.socket.destroy();
      return;
    }
    // A faked answer never reaches the handler, so it cannot change state.
    const reply = faultReply(fault, (status, message, code) => route.errorShape(ex, status, message, code)) ?? (await run(route, handler, context));
    if (fault.retryAfter) reply.headers = { ...reply.headers, 'Retry-After': fault.retryAfter };
    finish(reply, fault);
  }

  /** Runs a handler; a throw becomes a 500 in the route's own error shape, never a crash. */
  async function run(route: Route, handler: Handler, context: RouteContext): Promise<Reply> {
    const { ex } = context;
    try {
      return await handler(context);
    } catch (error) {
      log.error(`${ex.method} ${redactPath(ex.path)} failed`, error);
      return errorReply(route, ex, 500, statusText(500));
    }
  }

  function record(endpoint: Endpoint, ex: Exchange, body: Body, status: number | null, fault: boolean): void {
    // The magic link is a secret like a token: keep only its tail.
    const path = redactPath(ex.path);
    requests.add({
      time: new Date().toISOString(),
      endpoint,
      method: ex.method,
      path,
      status,
      fault,
      authorization: redactAuthorization(ex.req.headers.authorization),
      body: redactBody(bodyForLog(body)),
    });
    log.info(`${ex.method} ${path} → ${status ?? 'dropped'}${fault ? ' (fault)' : ''}`);
  }

  return {
    handle(req, res, next) {
      // Aborted uploads and resets must never become unhandled 'error' events.
      req.on('error', () => undefined);
      res.on('error', () => undefined);
      dispatch(req, res, next).catch((error: unknown) => {
        log.error(`${req.method} ${redactPath(req.url ?? '')} failed`, error);
        sendReply(res, jsonReply(500, { error: 'internal_error', detail: statusText(500) }), !isAdminPath(createExchange(req).path));
      });
    },
    reset: services.reset,
    flush: () => stateFile?.flush() ?? Promise.resolve(),
  };
}
