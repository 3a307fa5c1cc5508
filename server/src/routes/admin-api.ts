import { fieldProblem, isFiniteNumber, type JsonObject } from '../guards.js';
import { bodyFields, type Body } from '../http/body.js';
import type { Exchange } from '../http/exchange.js';
import { decodeParam, type Params } from '../http/match.js';
import { jsonReply, type Reply } from '../http/reply.js';
import { isEndpoint, parseFault, type Endpoint } from '../faults.js';
import { DEFAULT_BAN_MESSAGE, DEFAULT_MAGIC_LINK_SECONDS, MAX_LIFETIME_SECONDS, SETTING_RULES, type Settings } from '../state/model.js';
import { stateView } from '../state/views.js';
import { detailError } from './errors.js';
import type { Route, Services } from './types.js';

const ok = (value: unknown = { ok: true }) => jsonReply(200, value);
const badRequest = (detail: string) => jsonReply(400, { error: 'invalid_request', detail });
const notFound = (detail: string) => jsonReply(404, { error: 'not_found', detail });

/** Admin bodies are JSON objects; an empty body counts as `{}`. */
function withFields(body: Body, use: (fields: JsonObject) => Reply): Reply {
  const fields = bodyFields(body);
  return fields && body.kind !== 'form' ? use(fields) : badRequest('the body must be a JSON object');
}

/** The endpoint named in the path, or a 404 reply. */
function withEndpoint(raw: string | undefined, use: (endpoint: Endpoint) => Reply): Reply {
  const name = decodeParam(raw) ?? '';
  return isEndpoint(name) ? use(name) : notFound(`no endpoint named "${name}"`);
}

/** `?last=N` (a whole number): the newest N entries only, so the page's poll stays small however busy the log. */
function newest<T>(entries: readonly T[], ex: Exchange): readonly T[] {
  const last = new URLSearchParams((ex.req.url ?? '').split('?')[1] ?? '').get('last');
  return last !== null && /^\d+$/.test(last) ? entries.slice(Math.max(0, entries.length - Number(last))) : entries;
}

/** The tester's JSON API, used by the admin page and by end-to-end tests (README.md). */
export function adminApiRoutes(services: Services): Route[] {
  const { store, faults, requests } = services;
  const route = (pattern: string, methods: Route['methods']): Route => ({
    patterns: [`/admin/api/${pattern}`],
    errorShape: detailError,
    methods,
  });
  /** `<mac>` in the path, in any spelling the store understands. */
  const mac = (params: Params) => decodeParam(params['mac']) ?? '';

  return [
    route('state', {
      GET: () => ok({ ...stateView(store), faults: faults.list(), requestCounts: requests.counts() }),
    }),
    route('reset', {
      POST: () => {
        services.reset();
        return ok();
      },
    }),
    route('settings', {
      POST: ({ body }) =>
        withFields(body, (fields) => {
          const problem = fieldProblem(fields, SETTING_RULES, 'setting');
          return problem ? badRequest(problem) : ok({ settings: store.updateSettings(fields as Partial<Settings>) });
        }),
    }),
    route('devices/:mac/ban', {
      POST: ({ params, body }) =>
        withFields(body, (fields) => {
          const message = fields['message'];
          if (message !== undefined && typeof message !== 'string') return badRequest('message must be a string');
          const device = store.setBan(mac(params), message?.trim() || DEFAULT_BAN_MESSAGE);
          return device ? ok({ device }) : notFound('no such device');
        }),
    }),
    route('devices/:mac/unban', {
      POST: ({ params }) => {
        const device = store.setBan(mac(params), null);
        return device ? ok({ device }) : notFound('no such device');
      },
    }),
    route('devices/:mac', {
      DELETE: ({ params }) => (store.deleteDevice(mac(params)) ? ok() : notFound('no such device')),
    }),
    route('magic-links', {
      POST: ({ body }) =>
        withFields(body, (fields) => {
          const lifetime = fields['lifetimeSeconds'] ?? DEFAULT_MAGIC_LINK_SECONDS;
          if (!isFiniteNumber(lifetime) || lifetime < 0 || lifetime > MAX_LIFETIME_SECONDS) {
            return badRequest(`lifetimeSeconds must be a number of seconds from 0 to ${MAX_LIFETIME_SECONDS} (10 years)`);
          }
          const { link, expires_at } = store.createMagicLink(lifetime, new Date());
          return ok({ link, expires_at });
        }),
    }),
    route('faults/:endpoint', {
      POST: ({ params, body }) =>
        withEndpoint(params['endpoint'], (endpoint) =>
          withFields(body, (fields) => {
            const fault = parseFault(fields);
            if (typeof fault === 'string') return badRequest(fault);
            faults.set(endpoint, fault);
            return ok({ endpoint, fault });
          }),
        ),
      DELETE: ({ params }) =>
        withEndpoint(params['endpoint'], (endpoint) => {
          faults.clear(endpoint);
          return ok();
        }),
    }),
    route('faults', {
      DELETE: () => {
        faults.clear();
        return ok();
      },
    }),
    route('requests', {
      GET: ({ ex }) => ok({ requests: newest(requests.list(), ex) }),
      DELETE: () => {
        requests.clear();
        return ok();
      },
    }),
  ];
}
