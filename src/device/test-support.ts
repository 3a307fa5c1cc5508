import type { KeyValueStore, StoredValue } from '../storage/store';
import type { Clock, Timers } from './check-timing';
import type { ConnectivityProbe, Reachability } from './connectivity';
import type { DeviceFields } from './device-fields';
import type { DeviceAnswer } from './device-outcome';
import type { DeviceApiPort } from './device-manager';

/** Unit-test fakes for the device module's edges: time, storage, network and the device API. */

/** A monotonic and a wall clock plus timers, moved only by `advance`. */
export class FakeTime implements Clock, Timers {
  private monotonic = 50_000;
  private wall = Date.UTC(2024, 0, 1, 12, 0, 0);
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.monotonic;
  }

  wallNow(): number {
    return this.wall;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.monotonic + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** How many timers are armed right now. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** The delay until the earliest armed timer, or undefined when none is armed. */
  get nextTimerIn(): number | undefined {
    const times = Array.from(this.timers.values(), (timer) => timer.at);
    return times.length ? Math.min(...times) - this.monotonic : undefined;
  }

  /** Moves both clocks forward, firing due timers in order and letting async work settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.monotonic + ms;
    for (;;) {
      const due = Array.from(this.timers.entries())
        .filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.wall += due[1].at - this.monotonic;
      this.monotonic = due[1].at;
      due[1].callback();
      await settle();
    }
    this.wall += end - this.monotonic;
    this.monotonic = end;
    await settle();
  }

  /** Time passes without any timer firing, as while a TV keeps a hidden app's timers paused. */
  pass(ms: number): void {
    this.monotonic += ms;
    this.wall += ms;
  }

  /** The wall clock jumps (a TV syncing its time); the monotonic clock does not. */
  jumpWallClock(ms: number): void {
    this.wall += ms;
  }
}

/** Lets every pending promise chain run to its end. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A Map-backed store that resolves every call, as the real one promises to. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  /** Keys whose reads get no answer, as from an IndexedDB that hangs at boot; writes still land. */
  readonly unanswered = new Set<string>();

  async get<T>(key: string): Promise<T | undefined> {
    const stored = await this.read<T>(key);
    return stored.known ? stored.value : undefined;
  }

  async read<T>(key: string): Promise<StoredValue<T>> {
    return this.unanswered.has(key) ? { known: false } : { known: true, value: this.data.get(key) as T | undefined };
  }

  async set(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  }

  async del(key: string): Promise<void> {
    this.data.delete(key);
  }
}

/** Connectivity whose probe answer and online state the test sets. */
export class FakeConnectivity implements ConnectivityProbe {
  reachability: Reachability = 'online';
  probes = 0;
  private current = true;
  private readonly listeners = new Set<(online: boolean) => void>();

  get online(): boolean {
    return this.current;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async probe(): Promise<Reachability> {
    this.probes += 1;
    this.set(this.reachability === 'online');
    return this.reachability;
  }

  /** Changes the state as the browser or platform would, and tells subscribers. */
  set(online: boolean): void {
    if (online === this.current) return;
    this.current = online;
    this.listeners.forEach((listener) => listener(online));
  }
}

export const TEST_FIELDS: DeviceFields = {
  mac_address: 'A1B2C3D4E5F6',
  device_os: 'Tizen',
  device_version: 'T-1290.3',
  device_type: 'TV',
  app_version: '1.0.0',
  app_name: 'tv-app',
};

type Step = 'configs' | 'add' | 'check';

/**
 * The device API as answers: each call takes the next queued answer for its endpoint, else the
 * endpoint's default; `calls` lists the endpoints in the order they were called.
 */
export class FakeDeviceApi implements DeviceApiPort {
  fields: DeviceFields = { ...TEST_FIELDS };
  readonly calls: Step[] = [];
  management: boolean | undefined = true;
  addAnswer: DeviceAnswer = { kind: 'success' };
  checkAnswer: DeviceAnswer = { kind: 'success' };
  readonly queued: { configs: Array<boolean | undefined>; add: DeviceAnswer[]; check: DeviceAnswer[] } = { configs: [], add: [], check: [] };
  /** When set, every call waits for `release()`. */
  private gate?: { promise: Promise<void>; open: () => void };

  hold(): void {
    let open = (): void => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  count(step: Step): number {
    return this.calls.filter((call) => call === step).length;
  }

  async managementEnabled(): Promise<boolean | undefined> {
    await this.enter('configs');
    return this.queued.configs.length ? this.queued.configs.shift() : this.management;
  }

  async add(): Promise<DeviceAnswer> {
    await this.enter('add');
    return this.queued.add.shift() ?? this.addAnswer;
  }

  async check(): Promise<DeviceAnswer> {
    await this.enter('check');
    return this.queued.check.shift() ?? this.checkAnswer;
  }

  private async enter(step: Step): Promise<void> {
    this.calls.push(step);
    if (this.gate) await this.gate.promise;
  }
}
