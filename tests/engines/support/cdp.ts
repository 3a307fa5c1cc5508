import WebSocket from 'ws';

/** How long one protocol command may take before the session gives up on it. */
const COMMAND_TIMEOUT_MS = 30_000;

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/**
 * A minimal Chrome DevTools Protocol client over one WebSocket. Playwright and Puppeteer need
 * protocol features newer than the TV engines (Chromium 68), so the matrix speaks raw CDP.
 */
export class CdpSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as Message));
    socket.on('close', () => this.failAll(new Error('DevTools connection closed')));
  }

  static connect(url: string): Promise<CdpSession> {
    return new Promise((resolve, reject) => {
      // Old engines answer with frames bigger than ws's default limit (screenshots).
      const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
      socket.once('open', () => resolve(new CdpSession(socket)));
      socket.once('error', reject);
    });
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls back on every event named `method`; returns an unsubscribe. */
  on<T = unknown>(method: string, listener: (params: T) => void): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener as (params: unknown) => void);
    this.listeners.set(method, set);
    return () => set.delete(listener as (params: unknown) => void);
  }

  close(): void {
    this.socket.close();
  }

  private receive(message: Message): void {
    if (message.id === undefined) {
      for (const listener of this.listeners.get(message.method ?? '') ?? []) listener(message.params);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
    else pending.resolve(message.result);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}
