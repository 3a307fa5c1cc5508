/**
 * What runs inside the page during a soak: an init script (installed after `page.clock.install`)
 * that records every API request the app makes, every IndexedDB write, every error, and can
 * break IndexedDB or hide the page on command; plus the in-page stepper that moves the fake
 * clock and samples what the viewer sees. Everything here is serialised into the page, so it
 * imports nothing and shares only types with the Node side.
 */

/** The API endpoints, told apart by path (the soak's config keeps the default paths). */
export type ApiEndpoint = 'ping' | 'configs' | 'add' | 'check' | 'register' | 'approve';

export type PageEvent =
  | { kind: 'doc'; t: number; doc: string; idb: string; wall: number }
  | {
      kind: 'request';
      t: number;
      doc: string;
      id: number;
      endpoint: ApiEndpoint;
      method: string;
      /** `navigator.onLine` when the app called fetch. */
      onLine: boolean;
      /** Device requests (configs/add/check) already in flight when this one started. */
      deviceInFlight: number;
      registerInFlight: number;
      /** The last ping in this document got no answer. */
      lastPingFailed: boolean;
      /** `mac_address` from an add/check body, as sent. */
      mac?: string;
      url: string;
    }
  | {
      kind: 'response';
      t: number;
      doc: string;
      id: number;
      endpoint: ApiEndpoint;
      /** HTTP status, or how the request failed without one. */
      status: number | 'network' | 'aborted';
      /** The parsed body was a JSON object. */
      json: boolean;
      /**
       * The body never arrived whole: a timeout aborted it or the connection dropped. The app then
       * had no answer, only a failed request, whatever the status line said.
       */
      bodyLost?: boolean;
      errorCode?: string;
      message?: string;
      /** configs: `data.device_management`, else the top-level one, as sent. */
      managementFlag?: unknown;
      retryAfter?: string;
      date?: string;
      /** register: the body carried a registration (`registration_id` and `device_token`). */
      granted?: boolean;
    }
  | { kind: 'idb-write'; t: number; doc: string; op: 'put' | 'delete'; key: string; ok: boolean }
  | { kind: 'page-error'; t: number; doc: string; message: string }
  | { kind: 'csp-violation'; t: number; doc: string; directive: string }
  | { kind: 'signal'; t: number; doc: string; signal: 'online' | 'offline' | 'visible' | 'hidden' };

/** What the viewer sees at one instant. */
export interface Sample {
  t: number;
  doc: string;
  /** A full-viewport, opaque pure-black surface is on top at the centre (CONTRACT §4). */
  ban: boolean;
  /** It is on top at all four corners too. */
  banCoversScreen: boolean;
  /** Its text, whitespace collapsed. */
  banText: string;
  /** Markers of server text found in visible text outside the ban screen. */
  leaks: string[];
  /** Elements that only injected HTML could have made inside the ban screen. */
  injectedElements: number;
  /** `window.__soakXss` was set: injected script ran. */
  scriptRan: boolean;
}

export interface Drained {
  events: PageEvent[];
  samples: Sample[];
  /** Monotonic (fake `performance.now`) and wall clock at the end. */
  t: number;
  wall: number;
  /** Secrets the page received (device tokens), for leak checks only: never logged or printed. */
  secrets: string[];
}

export interface InstrumentationOptions {
  markers: readonly string[];
}

/** The page-side API, as `window.__soak`. */
export interface SoakPageApi {
  /** Steps the fake clock to `untilT` in `stepMs` jumps, settling and sampling after each. */
  run(untilT: number, stepMs: number, settleCapMs: number): Promise<Drained>;
  /** One jump while hidden (timers paused), then visible again. */
  hideFor(ms: number, settleCapMs: number): Promise<Drained>;
  /** Waits for the app to be idle and samples, without moving the clock. */
  settle(settleCapMs: number): Promise<Drained>;
  /** IndexedDB writes fail with QuotaExceededError while on. */
  setQuota(on: boolean): void;
  /** How IndexedDB behaves in the next document (kept in sessionStorage across the reload). */
  setIdbOnLoad(mode: string): void;
}

declare global {
  interface Window {
    __soak?: SoakPageApi;
    __soakXss?: unknown;
  }
}

/** The init script. Must run after Playwright's clock script, so `performance.now` is the fake one. */
export function installSoakInstrumentation({ markers }: InstrumentationOptions): void {
  type Clock = { controller: { fastForward(ms: number): Promise<void> } };
  const clock = (): Clock['controller'] => (window as unknown as { __pwClock: Clock }).__pwClock.controller;
  const doc = Math.random().toString(36).slice(2, 10);
  const events: PageEvent[] = [];
  /** Responses whose copy of the body is still being read: not drained half-filled (see `drain`). */
  const reading = new Set<PageEvent>();
  const samples: Sample[] = [];
  const secrets: string[] = [];
  const now = (): number => performance.now();
  // Kept in sessionStorage so a reload keeps the fault the soak set; the app itself never uses it.
  const IDB_KEY = 'soak.idb-on-load';
  const QUOTA_KEY = 'soak.idb-quota';
  const idbOnLoad = sessionStorage.getItem(IDB_KEY) ?? 'healthy';
  let quota = sessionStorage.getItem(QUOTA_KEY) === 'on';
  // What the previous document recorded after its last drain (see `pagehide` below), handed over
  // at this document's first drain, ahead of this document's own events.
  const CARRY_KEY = 'soak.carried';
  const carry = JSON.parse(sessionStorage.getItem(CARRY_KEY) ?? 'null') as { events: PageEvent[]; secrets: string[] } | null;
  sessionStorage.removeItem(CARRY_KEY);
  const carried = carry ? carry.events : [];
  if (carry) secrets.push(...carry.secrets);
  let hidden = false;
  let busy = 0;
  let deviceInFlight = 0;
  let registerInFlight = 0;
  let lastPingFailed = false;
  let requestIds = 0;
  // No clock reads here: Playwright replays its clock log (install, jumps) into a new document on
  // the first read, and the log lines added after this script have not run yet. The document's
  // start is announced at the first drain instead, dated like its first event.
  let announced = false;

  const endpointOf = (url: string): ApiEndpoint | undefined => {
    const path = new URL(url, location.href).pathname;
    if (path === '/api/ping') return 'ping';
    if (path === '/api/base/configs') return 'configs';
    if (path === '/api/device/add') return 'add';
    if (path === '/api/device/check') return 'check';
    if (path.startsWith('/api/v1/device_app_register')) return 'register';
    if (path.startsWith('/devices/approve/')) return 'approve';
    return undefined;
  };
  const macIn = (body: unknown): string | undefined => {
    if (typeof body !== 'string') return undefined;
    try {
      const value = (JSON.parse(body) as Record<string, unknown>).mac_address;
      return typeof value === 'string' ? value : undefined;
    } catch {
      return new URLSearchParams(body).get('mac_address') ?? undefined;
    }
  };
  const isDevice = (endpoint: ApiEndpoint): boolean => endpoint === 'configs' || endpoint === 'add' || endpoint === 'check';

  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const endpoint = endpointOf(url);
    if (!endpoint) return realFetch(input, init);
    const id = (requestIds += 1);
    const method = (init?.method ?? 'GET').toUpperCase();
    events.push({ kind: 'request', t: now(), doc, id, endpoint, method, onLine: navigator.onLine, deviceInFlight, registerInFlight, lastPingFailed, mac: macIn(init?.body), url });
    busy += 1;
    if (isDevice(endpoint)) deviceInFlight += 1;
    if (endpoint === 'register') registerInFlight += 1;
    // In flight until fetch settles: the app reads the body only after that, and sends nothing else meanwhile.
    const settled = (): void => {
      if (isDevice(endpoint)) deviceInFlight -= 1;
      if (endpoint === 'register') registerInFlight -= 1;
    };
    const fetched = realFetch(input, init);
    fetched.then(
      async (response) => {
        settled();
        if (endpoint === 'ping') lastPingFailed = false;
        // Recorded now, in order: the app may send its next request before this copy of the body is read.
        const record: Extract<PageEvent, { kind: 'response' }> = {
          kind: 'response',
          t: now(),
          doc,
          id,
          endpoint,
          status: response.status,
          json: false,
          retryAfter: response.headers.get('Retry-After') ?? undefined,
          date: response.headers.get('Date') ?? undefined,
        };
        events.push(record);
        reading.add(record);
        try {
          const text = method === 'HEAD' ? '' : await response.clone().text();
          const body = JSON.parse(text) as unknown;
          if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
            const fields = body as Record<string, unknown>;
            record.json = true;
            if (typeof fields.error_code === 'string') record.errorCode = fields.error_code;
            if (typeof fields.message === 'string' && fields.error_code === 'device_banned') record.message = fields.message;
            const data = fields.data;
            record.managementFlag = typeof data === 'object' && data !== null && 'device_management' in data ? (data as Record<string, unknown>).device_management : fields.device_management;
            if (endpoint === 'register') {
              record.granted = typeof fields.registration_id === 'string' && typeof fields.device_token === 'string';
              if (typeof fields.device_token === 'string') secrets.push(fields.device_token);
            }
          }
        } catch (error) {
          // Not JSON, or cut short: the record says so by `json: false`.
          if (!(error instanceof SyntaxError)) record.bodyLost = true;
        }
        reading.delete(record);
        busy -= 1;
      },
      (error: unknown) => {
        settled();
        if (endpoint === 'ping') lastPingFailed = true;
        const aborted = error instanceof DOMException && error.name === 'AbortError';
        events.push({ kind: 'response', t: now(), doc, id, endpoint, status: aborted ? 'aborted' : 'network', json: false });
        busy -= 1;
      },
    );
    return fetched;
  };

  // config.json and catalog.json come by XHR at start-up; a sample taken before they land would be early.
  const realSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    busy += 1;
    this.addEventListener('loadend', () => (busy -= 1), { once: true });
    try {
      return realSend.call(this, body);
    } catch (error) {
      busy -= 1;
      throw error;
    }
  };

  // IndexedDB: open can throw or hang (per document), writes can hit the quota (toggled live).
  const realOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function open(this: IDBFactory, name: string, version?: number) {
    if (idbOnLoad === 'open-throws') throw new DOMException('soak: IndexedDB is unavailable', 'InvalidStateError');
    if (idbOnLoad === 'open-hangs') return {} as IDBOpenDBRequest;
    return realOpen.call(this, name, version);
  };
  const realTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = realTransaction.apply(this, args);
    busy += 1;
    let done = false;
    const finish = (): void => {
      if (!done) busy -= 1;
      done = true;
    };
    tx.addEventListener('complete', finish);
    tx.addEventListener('abort', finish);
    tx.addEventListener('error', finish);
    return tx;
  };
  const wrapWrite = (op: 'put' | 'delete'): void => {
    const real = IDBObjectStore.prototype[op] as (...args: unknown[]) => IDBRequest;
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[op] = function write(this: IDBObjectStore, ...args: unknown[]) {
      const key = String(op === 'put' ? args[1] : args[0]);
      if (quota && op === 'put') {
        events.push({ kind: 'idb-write', t: now(), doc, op, key, ok: false });
        throw new DOMException('soak: quota exceeded', 'QuotaExceededError');
      }
      const request = real.apply(this, args);
      this.transaction.addEventListener('complete', () => events.push({ kind: 'idb-write', t: now(), doc, op, key, ok: true }));
      this.transaction.addEventListener('abort', () => events.push({ kind: 'idb-write', t: now(), doc, op, key, ok: false }));
      return request;
    };
  };
  wrapWrite('put');
  wrapWrite('delete');

  // A TV hides the app by switching away; Chromium under test never does, so the state is ours to set.
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  const setHidden = (value: boolean): void => {
    hidden = value;
    events.push({ kind: 'signal', t: now(), doc, signal: value ? 'hidden' : 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  window.addEventListener('online', () => events.push({ kind: 'signal', t: now(), doc, signal: 'online' }));
  window.addEventListener('offline', () => events.push({ kind: 'signal', t: now(), doc, signal: 'offline' }));
  window.addEventListener('error', (event) => events.push({ kind: 'page-error', t: now(), doc, message: String(event.message) }));
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason as unknown;
    events.push({ kind: 'page-error', t: now(), doc, message: `unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}` });
  });
  document.addEventListener('securitypolicyviolation', (event) => events.push({ kind: 'csp-violation', t: now(), doc, directive: event.effectiveDirective }));

  /** The element that draws at (x, y), climbing out of shadow roots to the host that paints black. */
  const blackCover = (x: number, y: number): Element | undefined => {
    let element: Element | null = document.elementFromPoint(x, y);
    while (element) {
      const rect = element.getBoundingClientRect();
      if (getComputedStyle(element).backgroundColor === 'rgb(0, 0, 0)' && rect.left <= 0 && rect.top <= 0 && rect.right >= innerWidth && rect.bottom >= innerHeight) return element;
      element = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
    }
    return undefined;
  };
  /** Text of an element and its shadow tree, as a viewer would read it. */
  const composedText = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return '';
    if (node instanceof Element && node.tagName === 'STYLE') return '';
    const root = node instanceof Element && node.shadowRoot ? [node.shadowRoot] : [];
    return [...root, ...Array.from(node.childNodes)].map(composedText).join(' ');
  };
  const countInjected = (node: Node): number => {
    const children = node instanceof Element && node.shadowRoot ? [node.shadowRoot, ...Array.from(node.childNodes)] : Array.from(node.childNodes);
    const own = node instanceof Element && /^(IMG|SCRIPT|IFRAME)$/.test(node.tagName) ? 1 : 0;
    return own + children.reduce((sum, child) => sum + countInjected(child), 0);
  };
  /** Visible text outside `skip`, walking open shadow roots. */
  const visibleText = (node: Node, skip: Element | undefined, out: string[]): void => {
    if (node === skip) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element) {
      if (node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return;
      if (!node.checkVisibility({ visibilityProperty: true })) return;
      if (node.shadowRoot) visibleText(node.shadowRoot, skip, out);
    }
    node.childNodes.forEach((child) => visibleText(child, skip, out));
  };
  const sample = (): Sample => {
    const ban = blackCover(innerWidth / 2, innerHeight / 2);
    const corners = [
      [1, 1],
      [innerWidth - 2, 1],
      [1, innerHeight - 2],
      [innerWidth - 2, innerHeight - 2],
    ].map(([x, y]) => blackCover(x!, y!));
    const outside: string[] = [];
    visibleText(document.body, ban, outside);
    const text = outside.join(' ');
    return {
      t: now(),
      doc,
      ban: !!ban,
      banCoversScreen: !!ban && corners.every((corner) => corner === ban),
      banText: ban ? composedText(ban).replace(/\s+/g, ' ').trim() : '',
      leaks: markers.filter((marker) => text.includes(marker)),
      injectedElements: ban ? countInjected(ban) : 0,
      scriptRan: window.__soakXss !== undefined,
    };
  };

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  /** Idle = no request, XHR or IndexedDB transaction open for two turns; capped, since a slow fault never ends by itself. */
  const settle = async (capMs: number): Promise<void> => {
    const start = now();
    let quiet = 0;
    while (quiet < 2 && now() - start < capMs) {
      await sleep(2);
      quiet = busy > 0 ? 0 : quiet + 1;
    }
  };
  const announce = (t: number, wall: number): void => {
    if (announced) return;
    const start = events.length ? events[0]!.t : t;
    events.unshift({ kind: 'doc', t: start, doc, idb: idbOnLoad, wall: wall - (t - start) });
    announced = true;
  };
  // A reload can come between the soak's last drain and the unload: the app may have sent a
  // request and had its answer meanwhile (seed 61: a 201 that the app stored, lost to the checker,
  // which then waited in vain for a registration). The next document hands those events over.
  window.addEventListener('pagehide', () => {
    announce(now(), Date.now());
    sessionStorage.setItem(CARRY_KEY, JSON.stringify({ events, secrets }));
  });
  const drain = (): Drained => {
    const t = now();
    const wall = Date.now();
    announce(t, wall);
    // A settle that hit its cap (a busy machine) can come while a response's body is still being
    // read: that response waits for the next drain, with every event and sample after it, so the
    // checker never takes a configs answer for one without a flag and still sees time in order.
    const held = events.findIndex((event) => reading.has(event));
    const cut = held < 0 ? Infinity : events[held]!.t;
    const samplesBefore = samples.findIndex((item) => item.t >= cut);
    return {
      events: carried.splice(0).concat(events.splice(0, held < 0 ? events.length : held)),
      samples: samples.splice(0, samplesBefore < 0 ? samples.length : samplesBefore),
      t,
      wall,
      secrets: secrets.splice(0),
    };
  };

  window.__soak = {
    async run(untilT, stepMs, settleCapMs) {
      while (now() < untilT) {
        await clock().fastForward(Math.max(1, Math.min(stepMs, untilT - now())));
        await settle(settleCapMs);
        samples.push(sample());
      }
      return drain();
    },
    async hideFor(ms, settleCapMs) {
      setHidden(true);
      await clock().fastForward(ms);
      setHidden(false);
      await settle(settleCapMs);
      samples.push(sample());
      return drain();
    },
    async settle(settleCapMs) {
      await settle(settleCapMs);
      samples.push(sample());
      return drain();
    },
    setQuota(on) {
      quota = on;
      sessionStorage.setItem(QUOTA_KEY, on ? 'on' : 'off');
    },
    setIdbOnLoad(mode) {
      sessionStorage.setItem(IDB_KEY, mode);
    },
  };
}
