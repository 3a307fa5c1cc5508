import { mulberry32, type Random } from './prng';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** One seed soaks this long, then a fault-free recovery phase proves the app came back. */
export const SOAK_MS = 24 * HOUR;
export const RECOVERY_MS = 2 * HOUR;

/** The reference server's faultable endpoints the soak breaks (approval is a viewer action, not soaked). */
export type Endpoint = 'configs' | 'add' | 'check' | 'register' | 'ping';

/** The fault kinds of issue 8, as named in the figures table. */
export type FaultKind =
  | 'http-5xx'
  | 'http-4xx-unknown-code'
  | 'html-body'
  | 'truncated-json'
  | 'empty-body'
  | 'slow-past-timeout'
  | 'dropped-connection'
  | 'retry-after-seconds'
  | 'retry-after-date'
  | 'register-refused';

/** The body of `POST /admin/api/faults/<endpoint>`; a Retry-After date is made when applied, against the server's clock. */
export interface FaultSpec {
  status?: number;
  delayMs?: number;
  body?: 'json' | 'html' | 'truncated' | 'empty';
  drop?: boolean;
  errorCode?: string;
  retryAfterSeconds?: number;
  retryAfterAsDate?: boolean;
}

/** How IndexedDB behaves for a document loaded after a reload. */
export type IdbOnLoad = 'healthy' | 'open-throws' | 'open-hangs';

export type ScenarioEvent =
  | { at: number; kind: 'fault'; endpoint: Endpoint; fault: FaultKind; spec: FaultSpec }
  | { at: number; kind: 'fault-clear'; endpoint: Endpoint }
  | { at: number; kind: 'offline' }
  | { at: number; kind: 'online' }
  | { at: number; kind: 'hide'; forMs: number }
  | { at: number; kind: 'clock-jump'; byMs: number }
  | { at: number; kind: 'reload'; idb: IdbOnLoad }
  | { at: number; kind: 'idb-quota'; on: boolean }
  | { at: number; kind: 'ban'; message: string }
  | { at: number; kind: 'unban' }
  | { at: number; kind: 'forget-device' }
  | { at: number; kind: 'management'; enabled: boolean };

/** What a seed runs against: the app's `config.json`, the server's settings and the timeline. */
export interface Scenario {
  seed: number;
  config: { bodyEncoding: 'json' | 'form'; macFormat: 'plain' | 'colon'; checkIntervalSeconds: number };
  /** The reference server's `apiRefreshInterval` (registration's `app_config.api_refresh_interval`). */
  apiRefreshInterval: number;
  events: ScenarioEvent[];
}

/** Text the viewer must never see outside the ban screen: everything a faulted server says. */
export const SERVER_TEXT_MARKERS = [
  'SOAKBAN',
  'soak_code_',
  'device_banned',
  'device_not_found',
  'Device not found',
  'missing_parameter',
  'invalid_body',
  'Internal Server Error',
  'Bad Gateway',
  'Service Unavailable',
  'Gateway Timeout',
  'Too Many Requests',
  'nginx',
  'rate_limited',
  'already_registered',
  'invalid_token',
  'validation_failed',
  'Unprocessable Entity',
  "I'm a Teapot",
  'Forbidden',
  'Not Found',
] as const;

/** Timeouts are the app's (device 10 s, registration 15 s, ping 4 s); these answers come later. */
const SLOW_MS: Record<Endpoint, number> = { configs: 12_000, add: 12_000, check: 12_000, register: 16_000, ping: 5_000 };

const FAULTS_BY_ENDPOINT: Record<Endpoint, ReadonlyArray<readonly [FaultKind, number]>> = {
  configs: [['http-5xx', 3], ['http-4xx-unknown-code', 2], ['html-body', 2], ['truncated-json', 2], ['empty-body', 1], ['slow-past-timeout', 1], ['dropped-connection', 2], ['retry-after-seconds', 1]],
  add: [['http-5xx', 3], ['http-4xx-unknown-code', 2], ['html-body', 2], ['truncated-json', 2], ['empty-body', 1], ['slow-past-timeout', 1], ['dropped-connection', 2]],
  check: [['http-5xx', 3], ['http-4xx-unknown-code', 3], ['html-body', 2], ['truncated-json', 2], ['empty-body', 1], ['slow-past-timeout', 2], ['dropped-connection', 2], ['retry-after-seconds', 1], ['retry-after-date', 1]],
  register: [['http-5xx', 3], ['http-4xx-unknown-code', 1], ['html-body', 1], ['truncated-json', 1], ['slow-past-timeout', 1], ['dropped-connection', 2], ['retry-after-seconds', 3], ['retry-after-date', 3], ['register-refused', 0.4]],
  ping: [['dropped-connection', 4], ['slow-past-timeout', 2], ['http-5xx', 1], ['html-body', 1]],
};

function faultSpec(kind: FaultKind, endpoint: Endpoint, random: Random, codeNumber: number): FaultSpec {
  switch (kind) {
    case 'http-5xx':
      return { status: random.pick([500, 502, 503, 504]) };
    case 'http-4xx-unknown-code':
      return { status: random.pick([400, 403, 404, 418, 451]), errorCode: `soak_code_${codeNumber}` };
    case 'html-body':
      return { status: random.pick([200, 502]), body: 'html' };
    case 'truncated-json':
      return { status: random.pick([200, 500]), body: 'truncated' };
    case 'empty-body':
      return { status: 200, body: 'empty' };
    case 'slow-past-timeout':
      return { delayMs: SLOW_MS[endpoint] };
    case 'dropped-connection':
      return { drop: true };
    case 'retry-after-seconds':
      return { status: random.pick([429, 503]), retryAfterSeconds: random.int(30, 900) };
    case 'retry-after-date':
      return { status: random.pick([429, 503]), retryAfterSeconds: random.int(30, 900), retryAfterAsDate: true };
    case 'register-refused':
      return { status: random.pick([400, 401, 409, 422]) };
  }
}

/** Non-overlapping windows inside [from, to): `count` tries, each `minMs`–`maxMs` long. */
function windows(random: Random, count: number, minMs: number, maxMs: number, from = 0, to = SOAK_MS): Array<[start: number, end: number]> {
  const starts = Array.from({ length: count }, () => random.int(from, to - minMs)).sort((a, b) => a - b);
  const placed: Array<[number, number]> = [];
  for (const start of starts) {
    const previousEnd = placed.length ? placed[placed.length - 1]![1] : -Infinity;
    if (start <= previousEnd) continue;
    placed.push([start, Math.min(to - SECOND, start + random.int(minMs, maxMs))]);
  }
  return placed;
}

const BAN_MESSAGES: ReadonlyArray<(tag: string) => string> = [
  (tag) => `${tag}: Your device has been banned. Please contact support.`,
  (tag) => `${tag} <img src=x onerror="window.__soakXss=1"> banned`,
  (tag) => `${tag} <script>window.__soakXss=1</script> banned`,
  (tag) => `${tag} Ünïcødé 🚫 — ${'a long message '.repeat(12).trim()}`,
  (tag) => `${tag} first line\nsecond line & "quotes" </p><b>bold?</b>`,
];

/** The event timeline of one seed; pure, so `SOAK_SEEDS=<seed>` replays exactly this. */
export function buildScenario(seed: number): Scenario {
  const random = mulberry32(seed);
  const events: ScenarioEvent[] = [];
  /** Start and end of each window (fault, offline, ban…), so a hidden period can swallow both. */
  const windowed: Array<[ScenarioEvent, ScenarioEvent]> = [];
  const addWindow = (open: ScenarioEvent, close: ScenarioEvent): void => {
    events.push(open, close);
    windowed.push([open, close]);
  };
  let codeNumber = 0;
  const addFaultWindow = (endpoint: Endpoint, start: number, end: number, kind = random.weighted(FAULTS_BY_ENDPOINT[endpoint])): void => {
    addWindow({ at: start, kind: 'fault', endpoint, fault: kind, spec: faultSpec(kind, endpoint, random, ++codeNumber) }, { at: end, kind: 'fault-clear', endpoint });
  };

  // Registration normally succeeds in the first second, so most seeds start with it failing.
  let registerBusyUntil = 0;
  if (random.chance(0.7)) {
    let at = 0;
    for (let i = random.int(2, 5); i > 0; i -= 1) {
      const end = at + random.int(5, 90) * MINUTE;
      addFaultWindow('register', at, end, random.weighted(FAULTS_BY_ENDPOINT.register.filter(([kind]) => kind !== 'register-refused')));
      at = end + SECOND;
    }
    registerBusyUntil = at;
  }
  const faultCounts: Record<Endpoint, [number, number]> = { check: [4, 9], configs: [2, 6], add: [1, 4], register: [2, 6], ping: [3, 7] };
  for (const endpoint of Object.keys(faultCounts) as Endpoint[]) {
    const [min, max] = faultCounts[endpoint];
    const from = endpoint === 'register' ? registerBusyUntil + MINUTE : 0;
    for (const [start, end] of windows(random, random.int(min, max), 5 * MINUTE, 90 * MINUTE, from)) addFaultWindow(endpoint, start, end);
  }

  const offline = [
    ...windows(random, random.int(3, 8), 30 * SECOND, 90 * MINUTE, 10 * MINUTE),
    // Flapping: bursts of short drops a few seconds apart.
    ...Array.from({ length: random.int(1, 3) }, () => {
      let at = random.int(10 * MINUTE, SOAK_MS - HOUR);
      return Array.from({ length: random.int(3, 6) }, (): [number, number] => {
        const start = at + random.int(5, 40) * SECOND;
        at = start + random.int(5, 40) * SECOND;
        return [start, at];
      });
    }).flat(),
  ].sort((a, b) => a[0] - b[0]);
  let offlineUntil = -Infinity;
  for (const [start, end] of offline) {
    if (start <= offlineUntil) continue;
    addWindow({ at: start, kind: 'offline' }, { at: end, kind: 'online' });
    offlineUntil = end;
  }
  const isOffline = (at: number): boolean => offline.some(([start, end]) => at >= start && at <= end);

  for (const [start, end] of windows(random, random.int(1, 4), 10 * MINUTE, 4 * HOUR, 5 * MINUTE)) {
    addWindow({ at: start, kind: 'ban', message: random.pick(BAN_MESSAGES)(`SOAKBAN-${seed}-${start}`) }, { at: end, kind: 'unban' });
  }
  for (const [start, end] of windows(random, random.int(0, 2), 10 * MINUTE, 2 * HOUR, 30 * MINUTE)) {
    addWindow({ at: start, kind: 'management', enabled: false }, { at: end, kind: 'management', enabled: true });
  }
  for (const [start, end] of windows(random, random.int(1, 4), 10 * MINUTE, 3 * HOUR)) {
    addWindow({ at: start, kind: 'idb-quota', on: true }, { at: end, kind: 'idb-quota', on: false });
  }
  for (let i = random.int(0, 3); i > 0; i -= 1) events.push({ at: random.int(20 * MINUTE, SOAK_MS - MINUTE), kind: 'forget-device' });
  for (let i = random.int(3, 8); i > 0; i -= 1) {
    const byMs = random.chance(0.5) ? random.pick([-6, 6]) * HOUR : random.pick([-1, 1]) * random.int(1, 360) * MINUTE;
    events.push({ at: random.int(MINUTE, SOAK_MS - MINUTE), kind: 'clock-jump', byMs });
  }
  // A page can only be reloaded while the network is up: a packaged TV app restarting offline is the device team's e2e.
  for (let i = random.int(5, 12); i > 0; i -= 1) {
    const at = random.int(MINUTE, SOAK_MS - MINUTE);
    if (!isOffline(at)) events.push({ at, kind: 'reload', idb: random.weighted([['healthy', 6], ['open-throws', 1], ['open-hangs', 1]] as const) });
  }

  // Hidden means paused: a window wholly inside a hidden period never happens; any other event
  // that falls inside one happens right after it instead.
  const hidden = windows(random, random.int(3, 8), MINUTE, 3 * HOUR, 5 * MINUTE);
  const hiddenAround = (at: number): [number, number] | undefined => hidden.find(([start, end]) => at >= start && at < end);
  const swallowed = new Set(windowed.filter(([open, close]) => open.at > 0 && hiddenAround(open.at) && hiddenAround(open.at) === hiddenAround(close.at)).flat());
  // Sorted by original time first, so events that land on the same instant keep their order.
  const kept = events.filter((event) => !swallowed.has(event)).sort((a, b) => a.at - b.at);
  // Events up to a second after a hidden period move too: the shift must never pass a later event
  // (a window that ends inside one must not end after the next window on its endpoint starts).
  const resumeAfter = (at: number): number | undefined => hidden.find(([start, end]) => at >= start && at < end + SECOND)?.[1];
  for (const event of kept) {
    const end = resumeAfter(event.at);
    if (end !== undefined && event.at > 0) event.at = end + SECOND;
  }
  for (const [start, end] of hidden) kept.push({ at: start, kind: 'hide', forMs: end - start });

  kept.sort((a, b) => a.at - b.at);
  return {
    seed,
    config: {
      bodyEncoding: random.pick(['json', 'form'] as const),
      macFormat: random.pick(['plain', 'colon'] as const),
      checkIntervalSeconds: random.pick([180, 300, 600]),
    },
    apiRefreshInterval: random.pick([180, 300, 600]),
    events: kept,
  };
}
