import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectivityMonitor, type ConnectivityEdges } from './connectivity';

function setup(ping: () => Promise<boolean> = async () => true) {
  const target = new EventTarget();
  const navigator = { onLine: true };
  let platformListener: ((online: boolean) => void) | undefined;
  const pingSpy = vi.fn(ping);
  const win = Object.assign(target, { navigator }) as unknown as ConnectivityEdges['win'];
  const monitor = new ConnectivityMonitor({
    win,
    platform: {
      onNetworkChange: (listener) => {
        platformListener = listener;
        return () => {};
      },
    },
    ping: pingSpy,
  });
  const changes: boolean[] = [];
  monitor.subscribe((online) => changes.push(online));
  return {
    monitor,
    changes,
    ping: pingSpy,
    browser(online: boolean) {
      navigator.onLine = online;
      target.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
    platform: (online: boolean) => platformListener?.(online),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('ConnectivityMonitor', () => {
  it('sends no ping at all while the browser says offline', async () => {
    const { monitor, ping, browser, changes } = setup();
    browser(false);
    expect(await monitor.probe()).toBe('offline');
    expect(ping).not.toHaveBeenCalled();
    expect(monitor.online).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('is offline after a failed ping even when the browser says online, and online after one that answers', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const answers = [false, true];
    const { monitor, changes } = setup(async () => answers.shift() ?? true);
    expect(await monitor.probe()).toBe('unreachable');
    expect(monitor.online).toBe(false);
    expect(await monitor.probe()).toBe('online');
    expect(changes).toEqual([false, true]);
  });

  it('counts a throwing ping as no answer', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { monitor } = setup(async () => {
      throw new Error('boom');
    });
    expect(await monitor.probe()).toBe('unreachable');
  });

  it('reports a reconnect: the browser coming back forgets a stale failed ping', async () => {
    const { monitor, browser, changes } = setup(async () => false);
    await monitor.probe();
    browser(false);
    browser(true);
    expect(monitor.online).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it("takes the platform's disconnect as offline and its reconnect as a change", () => {
    const { monitor, platform, changes } = setup();
    platform(false);
    expect(monitor.online).toBe(false);
    platform(true);
    expect(monitor.online).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('lets a ping that answers after the platform said "disconnected" count as online: the platform is no veto', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const { monitor, platform, changes } = setup();
    platform(false);
    expect(monitor.online).toBe(false);
    expect(await monitor.probe()).toBe('online');
    expect(monitor.online).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('keeps a platform "disconnected" that came while the ping was on its way, until the next ping answers', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    let answer!: (ok: boolean) => void;
    const { monitor, platform, ping } = setup(() => new Promise((resolve) => (answer = resolve)));
    const probe = monitor.probe();
    platform(false);
    answer(true);
    await probe;
    expect(monitor.online).toBe(false);
    ping.mockImplementation(async () => true);
    await monitor.probe();
    expect(monitor.online).toBe(true);
  });

  it('tells subscribers only about real changes, and survives one that throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { monitor, browser, changes } = setup();
    monitor.subscribe(() => {
      throw new Error('broken listener');
    });
    browser(true);
    browser(false);
    browser(false);
    expect(changes).toEqual([false]);
  });
});
