import type { Connectivity } from '../app/services';
import { createLogger, errorMessage } from '../log/log';
import type { Platform } from '../platform/platform';

const log = createLogger('connectivity');

/** Whether the network can be used right now, as far as one probe can tell. */
export type Reachability = 'offline' | 'unreachable' | 'online';

/** Connectivity plus an active probe, for code that must not send while offline. */
export interface ConnectivityProbe extends Connectivity {
  /** `offline` without any request when the browser says so; else pings (CONTRACT §2). */
  probe(): Promise<Reachability>;
}

export interface ConnectivityEdges {
  /** The window: `navigator.onLine` and the `online`/`offline` events. */
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: { onLine: boolean } };
  platform: Pick<Platform, 'onNetworkChange'>;
  ping: () => Promise<boolean>;
}

/**
 * Online means: the browser does not say offline, and the newer of the platform's own signal
 * (Samsung's network listener, webOS's connection status) and the last ping does not say the
 * network is down. `navigator.onLine` can stay true on a LAN without Internet, hence the ping; a
 * network change makes the last ping's verdict stale, so it is forgotten until the next probe.
 * The platform's signal is an extra one, not a veto (CONTRACT §2: any HTTP answer means online):
 * a ping sent after its "disconnected" that answers lifts it, or a platform that never says
 * "connected" again (webOS's internet check with a LAN-only backend, a Tizen event missed while
 * paused) would stop every request for good.
 */
export class ConnectivityMonitor implements ConnectivityProbe {
  private platformOnline: boolean | undefined;
  /** Counts the platform's "disconnected" signals: one that came while a ping was on its way is newer than its answer. */
  private disconnects = 0;
  private pingOk: boolean | undefined;
  private current: boolean;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private readonly edges: ConnectivityEdges) {
    this.current = this.compute();
    edges.win.addEventListener('online', () => this.onNetworkChanged());
    edges.win.addEventListener('offline', () => this.refresh());
    edges.platform.onNetworkChange((online) => {
      this.platformOnline = online;
      if (online) this.onNetworkChanged();
      else {
        this.disconnects += 1;
        this.refresh();
      }
    });
  }

  get online(): boolean {
    return this.current;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async probe(): Promise<Reachability> {
    if (!this.edges.win.navigator.onLine) {
      this.refresh();
      return 'offline';
    }
    let ok = false;
    const disconnects = this.disconnects;
    try {
      ok = await this.edges.ping();
    } catch (error) {
      log.warn(`ping failed (${errorMessage(error)})`);
    }
    this.pingOk = ok;
    if (ok && disconnects === this.disconnects) this.platformOnline = undefined;
    this.refresh();
    return ok ? 'online' : 'unreachable';
  }

  private onNetworkChanged(): void {
    this.pingOk = undefined;
    this.refresh();
  }

  private compute(): boolean {
    return this.edges.win.navigator.onLine && this.platformOnline !== false && this.pingOk !== false;
  }

  private refresh(): void {
    const next = this.compute();
    if (next === this.current) return;
    this.current = next;
    log.info(next ? 'online' : 'offline');
    for (const listener of Array.from(this.listeners)) {
      try {
        listener(next);
      } catch (error) {
        log.error(`a connectivity listener failed (${errorMessage(error)})`);
      }
    }
  }
}
