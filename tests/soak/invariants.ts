import type { PageEvent, Sample } from './page-instrumentation';

/** One broken promise of issue 8, at virtual time `T` (ms since the soak started). */
export interface Violation {
  T: number;
  rule: InvariantRule;
  detail: string;
}

export type InvariantRule =
  | 'uncaught-error'
  | 'csp-violation'
  | 'html-injection'
  | 'server-text-visible'
  | 'ban-not-full-screen'
  | 'ban-missing'
  | 'ban-message-wrong'
  | 'ban-shown-without-ban'
  | 'sent-while-offline'
  | 'sent-after-failed-ping'
  | 'device-requests-overlap'
  | 'register-requests-overlap'
  | 'management-gate'
  | 'request-storm'
  | 'registration-repeated'
  | 'retry-after-ignored'
  | 'identity-changed'
  | 'secret-in-console'
  | 'app-logged-error'
  | 'no-recovery';

/** A page event or sample placed on the soak's one monotonic time line. */
export type Observation = ({ type: 'event' } & PageEvent) | ({ type: 'sample' } & Sample);

export interface CheckerOptions {
  /** The shortest check interval the app may be using (config or clamped `api_refresh_interval`), in ms. */
  minIntervalMs: number;
}

type BanExpectation = { kind: 'banned'; message: string } | { kind: 'clear' } | { kind: 'unknown' };

/**
 * What the app must remember across restarts, as far as the soak can tell from what it saw.
 * One lineage per storage: the persistent one, and a fresh one for each document whose
 * IndexedDB could not open (a TV in that state is a first run every time).
 */
interface Lineage {
  ban: BanExpectation;
  /** `unknown` = never told: no add or check allowed; `indeterminate` = storage may be stale: not checked. */
  management: 'enabled' | 'disabled' | 'unknown' | 'indeterminate';
  /** `done` after 201/409/400/401/422; `indeterminate` after a restart whose write may have failed. */
  registration: 'open' | 'done' | 'indeterminate';
  /** A 429/503 Retry-After: no register request before this. */
  registerNotBefore?: { T: number; why: string };
  registerTimes: number[];
  mac?: string;
}

interface DocState {
  lineage: Lineage;
  requests: Map<number, { endpoint: string; T: number; method: string }>;
  last: Partial<Record<'configs' | 'add' | 'check' | 'ping', number>>;
  /** A trigger (reconnect, resume, registration answer, HEAD refused) since the last ping allows an early one. */
  pingTrigger: boolean;
  /** After `device_not_found`: the add, then one early check, are allowed. */
  recheck: 'none' | 'await-add' | 'allowed';
  /**
   * After the wall clock jumped forward, the next check may come early: to the app that looks
   * like a night in standby (which stops the monotonic clock), after which a due check runs at once.
   */
  wallJumped: boolean;
}

const REGISTER_STORM = { windowMs: 10 * 60_000, max: 8 };
/** A check may come 10 % early (the app spreads a fleet of TVs with ±10 % jitter) and a second more for timer rounding; never earlier. */
const JITTER = 0.9;
const ROUNDING_MS = 1000;
const RETRY_AFTER_SLACK_MS = 2000;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const hexOnly = (mac: string): string => mac.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** Retry-After in ms (delta-seconds, or an HTTP date against the answer's own `Date`), as CONTRACT §3 reads it. */
export function retryAfterMs(header: string | undefined, date: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  const serverNow = date ? Date.parse(date) : NaN;
  return Number.isFinite(at) && Number.isFinite(serverNow) ? Math.max(0, at - serverNow) : undefined;
}

const freshLineage = (): Lineage => ({ ban: { kind: 'unknown' }, management: 'unknown', registration: 'open', registerTimes: [] });

/**
 * The invariants of issue 8, checked against what the app did (its requests, as the page made
 * them) and what the viewer saw (samples). Pure: feed it observations in time order.
 */
export class SoakChecker {
  readonly violations: Violation[] = [];
  private readonly floorMs: number;
  private readonly persistent: Lineage = { ...freshLineage(), ban: { kind: 'clear' } };
  private readonly docs = new Map<string, DocState>();
  private current?: DocState;
  /** IndexedDB keys whose last write failed: the next restart may restore stale values. */
  private readonly staleKeys = new Set<string>();
  private conclusiveCheckAt = -Infinity;

  constructor(options: CheckerOptions) {
    this.floorMs = options.minIntervalMs * JITTER - ROUNDING_MS;
  }

  /** A document started; `persistentStorage` is false when its IndexedDB could not open. */
  startDocument(doc: string, persistentStorage: boolean): void {
    let lineage: Lineage;
    if (!persistentStorage) {
      lineage = freshLineage();
    } else {
      lineage = this.persistent;
      if (this.staleKeys.size > 0) {
        lineage.ban = { kind: 'unknown' };
        lineage.management = 'indeterminate';
        if (lineage.registration === 'done') lineage.registration = 'indeterminate';
        lineage.registerNotBefore = undefined;
        lineage.mac = undefined;
        this.staleKeys.clear();
      }
    }
    this.current = { lineage, requests: new Map(), last: {}, pingTrigger: true, recheck: 'none', wallJumped: false };
    this.docs.set(doc, this.current);
  }

  /** The soak moved the page's wall clock by `byMs` (the monotonic clock did not move). */
  wallClockJumped(byMs: number): void {
    if (byMs > 0 && this.current) this.current.wallJumped = true;
  }

  observe(T: number, observation: Observation): void {
    const state = this.docs.get(observation.doc);
    if (!state) return;
    if (observation.type === 'sample') this.sample(T, state.lineage, observation);
    else this.event(T, state, observation);
  }

  /** A console line from the page; `secrets` are every token the soak knows of. */
  console(T: number, type: string, text: string, secrets: readonly string[]): void {
    const leaked = secrets.filter((secret) => secret && text.includes(secret));
    if (leaked.length) this.fail(T, 'secret-in-console', `a ${type} line contains ${leaked.length} secret(s): "${text.split(leaked[0]!).join('<secret>').slice(0, 200)}"`);
    if (type === 'error' && text.startsWith('[tv-app')) this.fail(T, 'app-logged-error', text.slice(0, 300));
  }

  /** After the fault-free recovery phase: device checks and registration must have come back. */
  finish(T: number, recoveryStartedAt: number): void {
    if (this.conclusiveCheckAt < recoveryStartedAt) this.fail(T, 'no-recovery', 'no conclusive device check in the fault-free recovery phase');
    const lineage = this.current?.lineage;
    // `indeterminate` may well hold a registration it kept; only a lineage that never got an answer failed to recover.
    if (lineage?.registration === 'open') this.fail(T, 'no-recovery', 'registration never got a 201/409 or a refusal, even after the fault-free recovery phase');
  }

  private fail(T: number, rule: InvariantRule, detail: string): void {
    this.violations.push({ T, rule, detail });
  }

  private sample(T: number, lineage: Lineage, sample: Sample): void {
    if (sample.leaks.length) this.fail(T, 'server-text-visible', `visible outside the ban screen: ${sample.leaks.join(', ')}`);
    if (sample.injectedElements > 0 || sample.scriptRan) this.fail(T, 'html-injection', `ban message became HTML (${sample.injectedElements} element(s), script ran: ${sample.scriptRan})`);
    if (sample.ban && !sample.banCoversScreen) this.fail(T, 'ban-not-full-screen', 'the ban screen does not cover all four corners');
    const expected = lineage.ban;
    if (expected.kind === 'banned') {
      if (!sample.ban) this.fail(T, 'ban-missing', `last conclusive answer was device_banned, but no ban screen shows`);
      else if (sample.banText !== normalise(expected.message)) this.fail(T, 'ban-message-wrong', `ban screen reads "${sample.banText.slice(0, 120)}", expected "${normalise(expected.message).slice(0, 120)}"`);
    } else if (expected.kind === 'clear' && sample.ban) {
      this.fail(T, 'ban-shown-without-ban', `a ban screen ("${sample.banText.slice(0, 80)}") shows, but the last conclusive answer was not a ban`);
    }
  }

  private event(T: number, state: DocState, event: PageEvent): void {
    switch (event.kind) {
      case 'page-error':
        return this.fail(T, 'uncaught-error', event.message);
      case 'csp-violation':
        return this.fail(T, 'csp-violation', `blocked by CSP: ${event.directive}`);
      case 'idb-write':
        if (event.ok) this.staleKeys.delete(event.key);
        else this.staleKeys.add(event.key);
        return;
      case 'signal':
        if (event.signal === 'online' || event.signal === 'visible') state.pingTrigger = true;
        return;
      case 'request':
        return this.request(T, state, event);
      case 'response':
        return this.response(T, state, event);
      case 'doc':
        return;
    }
  }

  private spacing(T: number, state: DocState, endpoint: 'configs' | 'add' | 'check' | 'ping', excused: boolean): void {
    const previous = state.last[endpoint];
    state.last[endpoint] = T;
    if (previous === undefined || excused) return;
    const gap = T - previous;
    if (gap < this.floorMs) this.fail(T, 'request-storm', `${endpoint} ${(gap / 1000).toFixed(1)} s after the previous one (floor ${(this.floorMs / 1000).toFixed(0)} s)`);
  }

  private request(T: number, state: DocState, request: Extract<PageEvent, { kind: 'request' }>): void {
    const { lineage } = state;
    state.requests.set(request.id, { endpoint: request.endpoint, T, method: request.method });
    if (!request.onLine) this.fail(T, 'sent-while-offline', `${request.endpoint} sent while navigator.onLine was false`);
    const isDevice = request.endpoint === 'configs' || request.endpoint === 'add' || request.endpoint === 'check';
    if (isDevice) {
      if (request.deviceInFlight > 0) this.fail(T, 'device-requests-overlap', `${request.endpoint} started with ${request.deviceInFlight} device request(s) in flight`);
      if (request.lastPingFailed) this.fail(T, 'sent-after-failed-ping', `${request.endpoint} sent although the last ping got no answer`);
    }
    if ((request.endpoint === 'add' || request.endpoint === 'check') && (lineage.management === 'disabled' || lineage.management === 'unknown')) {
      this.fail(T, 'management-gate', `${request.endpoint} sent while device_management is ${lineage.management === 'disabled' ? 'off' : 'not known yet'}`);
    }
    if (request.mac !== undefined) {
      const mac = hexOnly(request.mac);
      if (lineage.mac !== undefined && lineage.mac !== mac) this.fail(T, 'identity-changed', `mac_address changed from ${lineage.mac} to ${mac} without losing storage`);
      lineage.mac ??= mac;
    }
    switch (request.endpoint) {
      case 'ping':
        this.spacing(T, state, 'ping', state.pingTrigger);
        state.pingTrigger = false;
        return;
      case 'configs':
        return this.spacing(T, state, 'configs', false);
      case 'add':
        if (state.recheck === 'await-add') state.recheck = 'allowed';
        return this.spacing(T, state, 'add', false);
      case 'check': {
        const allowed = state.recheck === 'allowed' || state.wallJumped;
        state.recheck = 'none';
        state.wallJumped = false;
        return this.spacing(T, state, 'check', allowed);
      }
      case 'register':
        return this.registerRequest(T, lineage, request.registerInFlight);
      case 'approve':
        return;
    }
  }

  private registerRequest(T: number, lineage: Lineage, inFlight: number): void {
    if (inFlight > 0) this.fail(T, 'register-requests-overlap', `register started with ${inFlight} in flight`);
    if (lineage.registration === 'done') this.fail(T, 'registration-repeated', 'register sent again after a 201/409 (or a refusal) for this installation');
    const notBefore = lineage.registerNotBefore;
    if (notBefore && T < notBefore.T) this.fail(T, 'retry-after-ignored', `register retried ${((notBefore.T - T) / 1000).toFixed(0)} s too early (${notBefore.why})`);
    lineage.registerNotBefore = undefined;
    lineage.registerTimes = [...lineage.registerTimes.filter((at) => at > T - REGISTER_STORM.windowMs), T];
    if (lineage.registerTimes.length > REGISTER_STORM.max) this.fail(T, 'request-storm', `${lineage.registerTimes.length} register requests within 10 minutes: no backoff`);
  }

  private response(T: number, state: DocState, response: Extract<PageEvent, { kind: 'response' }>): void {
    const { lineage } = state;
    const { endpoint, status } = response;
    const ok = typeof status === 'number' && status >= 200 && status < 300;
    if (endpoint === 'ping' && (status === 405 || status === 501)) state.pingTrigger = true;
    if (endpoint === 'configs' && ok && response.json && response.managementFlag !== undefined) {
      const enabled = response.managementFlag === 1 || response.managementFlag === '1';
      lineage.management = enabled ? 'enabled' : 'disabled';
      if (!enabled) lineage.ban = { kind: 'clear' };
    }
    if ((endpoint === 'check' || endpoint === 'add') && response.errorCode === 'device_banned') {
      lineage.ban = { kind: 'banned', message: response.message ?? '' };
      if (endpoint === 'check') this.conclusiveCheckAt = T;
    }
    if (endpoint === 'check' && ok && response.json && response.errorCode === undefined) {
      lineage.ban = { kind: 'clear' };
      this.conclusiveCheckAt = T;
    }
    if (endpoint === 'check' && response.errorCode === 'device_not_found') state.recheck = 'await-add';
    if (endpoint === 'register') this.registerResponse(T, state, response);
  }

  private registerResponse(T: number, state: DocState, response: Extract<PageEvent, { kind: 'response' }>): void {
    const { lineage } = state;
    const { status } = response;
    state.pingTrigger = true;
    // Without its body the app got no answer, only a failed request: neither a refusal nor a Retry-After.
    if (typeof status !== 'number' || response.bodyLost) return;
    if ((status >= 200 && status < 300 && response.granted) || [400, 401, 409, 422].includes(status)) {
      lineage.registration = 'done';
      return;
    }
    if (status === 429 || status === 503) {
      const wait = retryAfterMs(response.retryAfter, response.date);
      if (wait !== undefined) lineage.registerNotBefore = { T: T + wait - RETRY_AFTER_SLACK_MS, why: `${status} with Retry-After "${response.retryAfter}"` };
    }
  }
}
