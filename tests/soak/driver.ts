import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ReferenceServer } from '../e2e/support/fixtures';
import type { SeedFigures } from './figures';
import { SoakChecker, type Observation, type Violation } from './invariants';
import { installSoakInstrumentation, type Drained, type PageEvent } from './page-instrumentation';
import { mulberry32 } from './prng';
import { HOUR, RECOVERY_MS, SERVER_TEXT_MARKERS, SOAK_MS, type Scenario, type ScenarioEvent } from './scenario';

/** Virtual time moves in jumps this long while nothing is scheduled; the app runs between them. */
const STEP_MS = 60_000;
/** Real time to wait for the app to go idle after a jump; a slow fault holds a request longer, and the next jump times it out. */
const SETTLE_CAP_MS = 400;
/** Page events kept for the failure report. */
const RECENT_EVENTS = 120;

/** The dev config (`public/config.json`): the reference server's tokens, and the soak reshapes the rest. */
const baseConfig = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

export interface SoakOutcome {
  figures: SeedFigures;
  violations: Violation[];
  /** What the soak did, in virtual time, up to the end or the first violation. */
  log: string[];
  /** The app's last API requests and answers before the end, for a failure report. */
  recent: string[];
}

/** `d1 06:30:00`: day and time since the soak began, in virtual time. */
export function virtualTime(T: number): string {
  const total = Math.max(0, Math.floor(T / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `d${Math.floor(total / 86_400)} ${pad(Math.floor(total / 3600) % 24)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

function describePageEvent(event: PageEvent): string {
  switch (event.kind) {
    case 'request':
      return `→ ${event.method} ${event.endpoint}${event.mac ? ` mac=${event.mac}` : ''}${event.onLine ? '' : ' (navigator offline)'}`;
    case 'response':
      return `← ${event.endpoint} ${event.status}${event.errorCode ? ` ${event.errorCode}` : ''}${event.bodyLost ? ' (body lost)' : event.json ? '' : ' (not JSON)'}${event.retryAfter ? ` Retry-After: ${event.retryAfter}` : ''}`;
    case 'idb-write':
      return `IndexedDB ${event.op} ${event.key} ${event.ok ? 'ok' : 'FAILED'}`;
    case 'doc':
      return `page loaded (IndexedDB ${event.idb})`;
    case 'signal':
      return `signal: ${event.signal}`;
    case 'page-error':
      return `page error: ${event.message}`;
    case 'csp-violation':
      return `CSP violation: ${event.directive}`;
  }
}

/** Which figures column an applied event counts under. */
function figureKind(event: ScenarioEvent): string {
  switch (event.kind) {
    case 'fault':
      if (event.endpoint !== 'ping') return event.fault;
      return event.spec.drop || event.spec.delayMs ? 'ping-fails-while-online' : 'ping-error-status';
    case 'reload':
      return event.idb === 'healthy' ? 'reload' : 'reload-idb-unavailable';
    case 'hide':
      return 'hidden';
    case 'offline':
      return 'offline';
    case 'clock-jump':
      return 'wall-clock-jump';
    case 'idb-quota':
      return 'idb-quota';
    case 'ban':
      return 'ban';
    case 'forget-device':
      return 'device-forgotten';
    case 'management':
      return 'management-off';
    default:
      return '';
  }
}

/** An outcome that `runSeed` fills as it goes, so a harness error still leaves the log to report. */
export function emptyOutcome(seed: number): SoakOutcome {
  return {
    figures: { seed, virtualHours: 0, faults: {}, requests: {}, documents: 0, violations: 0, wallSeconds: 0 },
    violations: [],
    log: [],
    recent: [],
  };
}

/**
 * Runs one seed: 24 virtual hours of the scenario's faults against the built app and the
 * reference server, then a fault-free recovery phase, checking every invariant throughout.
 * Stops at the first batch with a violation.
 */
export async function runSeed(
  page: Page,
  context: BrowserContext,
  server: ReferenceServer,
  scenario: Scenario,
  outcome: SoakOutcome,
  /** Shorter runs, for the harness's own tests. */
  durations: { soakMs: number; recoveryMs: number } = { soakMs: SOAK_MS, recoveryMs: RECOVERY_MS },
): Promise<void> {
  const startedReal = Date.now();
  const checker = new SoakChecker({
    minIntervalMs: Math.min(scenario.config.checkIntervalSeconds, Math.min(3600, Math.max(60, scenario.apiRefreshInterval))) * 1000,
  });
  const { log, recent, figures } = outcome;
  const { faults, requests } = figures;
  outcome.violations = checker.violations;
  const macs = new Set<string>();
  const secrets = new Set<string>([String(baseConfig.registerApi?.token ?? ''), String(baseConfig.approveApi?.token ?? '')].filter(Boolean));
  const consoleLines: Array<{ type: string; text: string }> = [];
  const docOffsets = new Map<string, number>();
  let documents = 0;
  let T = 0;
  let wall = 0;
  let offline = false;
  let currentMac: string | undefined;
  let currentDoc = '';

  const note = (text: string): void => {
    log.push(`${virtualTime(T)}  ${text}`);
  };
  const drain = (drained: Drained): void => {
    drained.secrets.forEach((secret) => secrets.add(secret));
    const observations: Array<[number, Observation]> = [];
    for (const event of drained.events) {
      if (event.kind === 'doc' && !docOffsets.has(event.doc)) {
        // The fake wall clock runs on through a reload (the soak re-sets it first), the monotonic one restarts.
        const startT = documents === 0 ? 0 : T + (event.wall - wall);
        docOffsets.set(event.doc, startT - event.t);
        checker.startDocument(event.doc, event.idb === 'healthy');
        documents += 1;
        currentDoc = event.doc;
      }
      const offset = docOffsets.get(event.doc) ?? 0;
      observations.push([event.t + offset, { type: 'event', ...event }]);
      recent.push(`${virtualTime(event.t + offset)}  ${describePageEvent(event)}`);
      if (event.kind === 'request') {
        requests[event.endpoint] = (requests[event.endpoint] ?? 0) + 1;
        if (event.mac) {
          macs.add(event.mac);
          currentMac = event.mac;
        }
      }
    }
    for (const sample of drained.samples) observations.push([sample.t + (docOffsets.get(sample.doc) ?? 0), { type: 'sample', ...sample }]);
    // Stable: at the same instant, what the app did comes before what it showed.
    observations.sort((a, b) => a[0] - b[0]);
    for (const [at, observation] of observations) checker.observe(at, observation);
    recent.splice(0, Math.max(0, recent.length - RECENT_EVENTS));
    T = drained.t + (docOffsets.get(currentDoc) ?? 0);
    wall = drained.wall;
    figures.virtualHours = Math.round((T / HOUR) * 10) / 10;
    figures.documents = documents;
    figures.violations = checker.violations.length;
    figures.wallSeconds = Math.round((Date.now() - startedReal) / 1000);
    for (const line of consoleLines.splice(0)) checker.console(T, line.type, line.text, [...secrets]);
  };
  const settle = async (): Promise<void> => drain(await page.evaluate((cap) => window.__soak!.settle(cap), SETTLE_CAP_MS));
  const runUntil = async (targetT: number): Promise<void> => {
    if (targetT <= T) return;
    const untilLocal = targetT - (docOffsets.get(currentDoc) ?? 0);
    drain(await page.evaluate(([until, step, cap]) => window.__soak!.run(until, step, cap), [untilLocal, STEP_MS, SETTLE_CAP_MS] as const));
  };
  const admin = async (path: string, init?: { method?: string; body?: unknown }): Promise<boolean> => {
    try {
      await server.admin(path, init);
      return true;
    } catch {
      return false;
    }
  };

  const apply = async (event: ScenarioEvent): Promise<void> => {
    switch (event.kind) {
      case 'fault': {
        const { retryAfterSeconds, retryAfterAsDate, ...fault } = event.spec;
        // A Retry-After date is the server's clock (real time), which the app must read against the answer's Date.
        const retryAfter = retryAfterSeconds === undefined ? undefined : retryAfterAsDate ? new Date(Date.now() + retryAfterSeconds * 1000).toUTCString() : String(retryAfterSeconds);
        await server.admin(`faults/${event.endpoint}`, { body: { ...fault, ...(retryAfter ? { retryAfter } : {}) } });
        note(`fault on ${event.endpoint}: ${event.fault} ${JSON.stringify({ ...fault, ...(retryAfter ? { retryAfter } : {}) })}`);
        break;
      }
      case 'fault-clear':
        await server.admin(`faults/${event.endpoint}`, { method: 'DELETE' });
        note(`fault on ${event.endpoint} cleared`);
        return;
      case 'offline':
      case 'online':
        offline = event.kind === 'offline';
        await context.setOffline(offline);
        note(event.kind);
        if (!offline) return;
        break;
      case 'hide':
        note(`hidden for ${Math.round(event.forMs / 60_000)} min (timers paused)`);
        drain(await page.evaluate(([ms, cap]) => window.__soak!.hideFor(ms, cap), [event.forMs, SETTLE_CAP_MS] as const));
        note('visible again');
        break;
      case 'clock-jump':
        await page.clock.setSystemTime(wall + event.byMs);
        checker.wallClockJumped(event.byMs);
        note(`wall clock jumps ${event.byMs > 0 ? '+' : ''}${(event.byMs / HOUR).toFixed(2)} h`);
        break;
      case 'reload': {
        if (offline) {
          note('reload skipped: offline');
          return;
        }
        await page.evaluate((mode) => window.__soak!.setIdbOnLoad(mode), event.idb);
        await settle();
        // Replayed into the new document by Playwright, so the wall clock does not fall back to install time.
        await page.clock.setSystemTime(wall);
        await page.reload();
        note(`reload (IndexedDB ${event.idb})`);
        await settle();
        break;
      }
      case 'idb-quota':
        await page.evaluate((on) => window.__soak!.setQuota(on), event.on);
        note(`IndexedDB quota ${event.on ? 'exceeded' : 'available again'}`);
        if (!event.on) return;
        break;
      case 'ban':
        if (!currentMac || !(await admin(`devices/${encodeURIComponent(currentMac)}/ban`, { body: { message: event.message } }))) {
          note('ban skipped: the server does not know this device yet');
          return;
        }
        note(`server bans ${currentMac}: ${JSON.stringify(event.message)}`);
        break;
      case 'unban':
        for (const mac of macs) await admin(`devices/${encodeURIComponent(mac)}/unban`, { method: 'POST' });
        note('server lifts every ban');
        return;
      case 'forget-device':
        if (!currentMac || !(await admin(`devices/${encodeURIComponent(currentMac)}`, { method: 'DELETE' }))) return;
        note(`server forgets ${currentMac} (next check: device_not_found)`);
        break;
      case 'management':
        await server.admin('settings', { body: { device_management: event.enabled ? 1 : 0 } });
        note(`device_management ${event.enabled ? 'on' : 'off'}`);
        if (event.enabled) return;
        break;
    }
    const kind = figureKind(event);
    faults[kind] = (faults[kind] ?? 0) + 1;
  };

  await server.admin('settings', { body: { apiRefreshInterval: scenario.apiRefreshInterval } });
  const config = {
    ...baseConfig,
    deviceApi: { ...baseConfig.deviceApi, bodyEncoding: scenario.config.bodyEncoding, macFormat: scenario.config.macFormat },
    checkIntervalSeconds: scenario.config.checkIntervalSeconds,
  };
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  page.on('console', (message) => consoleLines.push({ type: message.type(), text: message.text() }));
  await page.clock.install();
  // The app's own jitter and backoff draws come from the seed too (one stream per page load), so a replay is the same run.
  await page.addInitScript({
    content: `(() => { const load = Number(sessionStorage.getItem('soak.loads') || 0) + 1; sessionStorage.setItem('soak.loads', String(load)); Math.random = (${mulberry32.toString()})(${scenario.seed} * 7919 + load).next; })();`,
  });
  await page.addInitScript(installSoakInstrumentation, { markers: SERVER_TEXT_MARKERS });
  note(`seed ${scenario.seed}: config ${JSON.stringify(scenario.config)}, api_refresh_interval ${scenario.apiRefreshInterval} s`);
  // What is broken at time 0 (a registration outage) is broken before the app's first request.
  const atStart = scenario.events.filter((event) => event.at <= 0);
  for (const event of atStart) await apply(event);
  await page.goto(server.url);
  await settle();

  const failed = (): boolean => checker.violations.length > 0;
  for (const event of scenario.events.slice(atStart.length)) {
    if (failed()) break;
    await runUntil(event.at);
    if (failed()) break;
    await apply(event);
  }
  if (!failed()) await runUntil(durations.soakMs);
  if (!failed()) {
    const recoveryStartedAt = T;
    note('recovery: every fault cleared, online, storage healthy, bans lifted, device management on');
    await server.admin('faults', { method: 'DELETE' });
    for (const mac of macs) await admin(`devices/${encodeURIComponent(mac)}/unban`, { method: 'POST' });
    await server.admin('settings', { body: { device_management: 1 } });
    await context.setOffline(false);
    offline = false;
    await page.evaluate((on) => window.__soak!.setQuota(on), false);
    await runUntil(durations.soakMs + durations.recoveryMs);
    checker.finish(T, recoveryStartedAt);
  }
  for (const line of consoleLines.splice(0)) checker.console(T, line.type, line.text, [...secrets]);
  figures.violations = checker.violations.length;
}
