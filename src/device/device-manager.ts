import { createLogger, errorMessage } from '../log/log';
import { valueOf, type KeyValueStore } from '../storage/store';
import type { DeviceApi } from './device-api';
import { sameDeviceFields } from './device-fields';
import type { DeviceIdentity } from './device-identity';
import { banMessage, type DeviceAnswer } from './device-outcome';
import type { CheckOutcome, DeviceService, DeviceState } from './device-state';
import { jitteredDelayMs, type Clock, type Timers } from './check-timing';
import type { ConnectivityProbe } from './connectivity';

const log = createLogger('device');

/** Storage keys; values are plain JSON so a tester can read them in DevTools. */
export const DEVICE_STORAGE_KEYS = {
  /** `{message}` while banned (CONTRACT §4: a restart shows the ban at once, even offline). */
  ban: 'device.ban',
  /** The last `device_management` the server gave, as a boolean. */
  management: 'device.management',
  /** The six fields of the last successful Add Device, to re-add when one changes. */
  added: 'device.added',
} as const;

/** The edges that exist before config and identity are known. */
export interface DeviceManagerEdges {
  store: KeyValueStore;
  clock: Clock;
  timers: Timers;
  /** Math.random in the app: the jitter's source. */
  random: () => number;
}

/** The device API as the manager uses it. */
export type DeviceApiPort = Pick<DeviceApi, 'fields' | 'managementEnabled' | 'add' | 'check'>;

/** When a tick ended, and whether it reached the network or left the check overdue. */
interface TickEnd {
  /** Monotonic: what the schedule runs on. */
  at: number;
  /** Wall clock: the only one that moves while a TV in standby suspends the system. */
  wallAt: number;
  reachedNetwork: boolean;
}

/** What `start` needs once config is known. */
export interface DeviceSession {
  /**
   * The device API and who the TV is, once the platform has told: the first tick's ping leaves
   * while they (and the stored state) are still being read.
   */
  device: Promise<{ api: DeviceApiPort; identity: DeviceIdentity }>;
  connectivity: ConnectivityProbe;
  /** Subscribes to the app coming back to the front (visibility, relaunch). */
  onResume(listener: () => void): () => void;
  /** `checkIntervalSeconds` from config; a later `setCheckInterval` wins. */
  intervalSeconds: number;
}

/** Stops a tick before a request would leave while the TV is offline; the tick stays overdue. */
class OfflineDuringTick extends Error {}

/**
 * The API, refusing each call while offline: the network can drop between the ping and the
 * last request of a tick, and nothing may be sent while `navigator.onLine` is false.
 */
function onlineOnly(api: DeviceApiPort, connectivity: ConnectivityProbe): DeviceApiPort {
  const guard =
    <T>(call: () => Promise<T>) =>
    (): Promise<T> =>
      connectivity.online ? call() : Promise.reject(new OfflineDuringTick('offline'));
  return {
    fields: api.fields,
    managementEnabled: guard(() => api.managementEnabled()),
    add: guard(() => api.add()),
    check: guard(() => api.check()),
  };
}

function isStoredBan(value: unknown): value is { message: unknown } {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/**
 * Device management (seeds 000/001, CONTRACT §2): configs gating, add, check and the ban, on a
 * monotonic schedule of one timer. A tick is the whole chain — connectivity, configs, add,
 * check — and at most one runs at a time. Nothing here touches the DOM.
 */
export class DeviceManager implements DeviceService {
  private current: DeviceState = { online: true, inFlight: false };
  private readonly listeners = new Set<(state: DeviceState) => void>();
  private restoring?: Promise<void>;
  private session?: DeviceSession;
  private intervalSeconds?: number;
  /** The six fields as last added successfully (from storage: untrusted shape). */
  private added: unknown;
  private timer?: unknown;
  /** Monotonic time the next check is due; a tick that could not reach the network leaves it overdue. */
  private dueAt = -Infinity;
  /** The same moment by the wall clock, for a resume after standby. */
  private dueWallAt = -Infinity;
  private lastTick?: TickEnd;
  /**
   * Whether the next tick must ask configs. A tick is one check plus at most one ping, so while
   * management is known to be on, configs is asked only at start-up and after a resume or a
   * reconnect (when the TV may have missed a change). While it is off or unknown every tick asks
   * configs instead of checking, and while a ban shows every tick asks it too, so that switching
   * management off lifts the ban live (CONTRACT §4). A check that answers with a new ban asks it
   * once more at once.
   */
  private configsDue = true;
  /**
   * Whether `device.ban` may be in storage: while a ban shows, and also when the restore could not
   * read it (IndexedDB slow or failing at boot). A success or management off then deletes it even
   * though no ban shows, or the lifted ban would come back at the next start (CONTRACT §4). Once
   * it is deleted, later successes touch storage no more.
   */
  private banMayBeStored = true;
  /** The ban showing came from a check in this run, not from storage: that identifier's success lifts it. */
  private banFromThisRun = false;
  /** The ban storage held at start-up, while nothing has lifted it: what a stand-in's lifted ban gives way to. */
  private restoredBan?: { message: string };
  /**
   * The identifier was chosen while storage did not say which one this device keeps: its answers
   * speak for it alone, so nothing stored for the kept identifier (ban, added fields) is written over.
   */
  private standIn = false;
  /** A reconnect or resume came while a tick ran: whether a check is due is looked at when it ends. */
  private catchUpPending = false;

  constructor(private readonly edges: DeviceManagerEdges) {}

  get state(): DeviceState {
    return this.current;
  }

  subscribe(listener: (state: DeviceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the kept ban, flag and added fields; start-up calls it before anything else. */
  restore(): Promise<void> {
    return (this.restoring ??= this.load());
  }

  /** Starts the schedule with the first tick at once. */
  start(session: DeviceSession): void {
    if (this.session) return;
    this.session = session;
    this.intervalSeconds ??= session.intervalSeconds;
    this.update({ online: session.connectivity.online });
    // A failure to build the API is the tick's to report; the identity just stays unknown.
    session.device.then(({ identity }) => this.update({ identity }), () => undefined);
    session.connectivity.subscribe((online) => {
      this.update({ online });
      if (online) this.catchUp();
    });
    session.onResume(() => this.catchUp());
    void this.runTick();
  }

  setCheckInterval(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds <= 0) {
      log.warn('ignoring a check interval that is not a positive number');
      return;
    }
    if (seconds === this.intervalSeconds) return;
    this.intervalSeconds = seconds;
    if (!this.session || this.current.inFlight || !this.lastTick) return;
    const next = this.planAfter(this.lastTick, jitteredDelayMs(seconds, this.edges.random));
    if (next <= this.edges.clock.now()) void this.runTick();
    else this.arm(next);
  }

  private async load(): Promise<void> {
    const { store } = this.edges;
    try {
      const [storedBan, management, added] = await Promise.all([
        store.read<unknown>(DEVICE_STORAGE_KEYS.ban),
        store.get<unknown>(DEVICE_STORAGE_KEYS.management),
        store.get<unknown>(DEVICE_STORAGE_KEYS.added),
      ]);
      const patch: Partial<DeviceState> = {};
      const ban = valueOf(storedBan);
      this.banMayBeStored = !storedBan.known || ban !== undefined;
      if (isStoredBan(ban)) patch.banned = this.restoredBan = { message: banMessage(ban.message) };
      else if (ban !== undefined) log.warn('ignoring an unreadable stored ban');
      if (typeof management === 'boolean') patch.managementEnabled = management;
      else if (management !== undefined) log.warn('ignoring an unreadable stored device_management');
      this.added = added;
      this.update(patch);
    } catch (error) {
      log.error(`could not restore device state; starting fresh (${errorMessage(error)})`);
    }
  }

  /**
   * On resume and reconnect: runs the check now if its time has passed, else leaves the timer be.
   * Either clock can say so: the monotonic one (and every timer) stops while a TV in standby
   * suspends the system, so after a night in standby only the wall clock knows a check is due.
   * A wall clock set forward at that moment costs one early check; one set back delays nothing.
   */
  private catchUp(): void {
    this.configsDue = true;
    this.runIfDue();
  }

  /**
   * Runs the tick now if the check is due. During a tick it waits for that tick's end: the tick
   * may be a ping that left before the reconnect and fails, and dropping the catch-up would leave
   * the check to the timer, a whole interval later. Only a signal during a tick asks for this, and
   * a tick that reached the server is not due again: one chain at a time, and never a loop.
   */
  private runIfDue(): void {
    if (this.current.inFlight) {
      this.catchUpPending = true;
      return;
    }
    const { clock } = this.edges;
    if (this.session && (clock.now() >= this.dueAt || clock.wallNow() >= this.dueWallAt)) void this.runTick();
  }

  private async runTick(): Promise<void> {
    const session = this.session;
    if (!session || this.current.inFlight) return;
    this.cancelTimer();
    this.update({ inFlight: true, nextCheckAt: undefined });
    let outcome: CheckOutcome;
    try {
      outcome = await this.attempt(session);
    } catch (error) {
      if (error instanceof OfflineDuringTick) outcome = { kind: 'skipped', reason: 'offline' };
      else {
        log.error(`device check failed unexpectedly (${errorMessage(error)})`);
        outcome = { kind: 'failed', detail: 'internal error' };
      }
    }
    const { clock, random } = this.edges;
    const now = clock.now();
    const delay = jitteredDelayMs(this.intervalSeconds ?? session.intervalSeconds, random);
    const reachedNetwork = !(outcome.kind === 'skipped' && (outcome.reason === 'offline' || outcome.reason === 'no-ping'));
    this.lastTick = { at: now, wallAt: clock.wallNow(), reachedNetwork };
    const next = this.planAfter(this.lastTick, delay);
    this.update({ inFlight: false, lastCheck: { at: clock.wallNow(), outcome } });
    this.arm(next);
    if (outcome.kind === 'failed') log.warn(`device check failed: ${outcome.detail}; next try at the next tick`);
    else log.info(`device check: ${outcome.kind === 'skipped' ? `skipped (${outcome.reason})` : outcome.kind}`);
    if (this.catchUpPending) {
      this.catchUpPending = false;
      this.runIfDue();
    }
  }

  private async attempt({ device, connectivity }: DeviceSession): Promise<CheckOutcome> {
    // The ping needs neither the identity nor the stored state, so it does not wait for them.
    const [reach, { api, identity }] = await Promise.all([connectivity.probe(), device, this.restore()]);
    if (reach !== 'online') return { kind: 'skipped', reason: reach === 'offline' ? 'offline' : 'no-ping' };
    this.standIn = identity.provisional === true;
    return this.manage(onlineOnly(api, connectivity));
  }

  private async manage(api: DeviceApiPort): Promise<CheckOutcome> {
    const askConfigs = this.configsDue || this.current.managementEnabled !== true || this.current.banned !== undefined;
    const enabled = askConfigs ? await this.refreshManagement(api) : true;
    if (enabled === undefined) return { kind: 'skipped', reason: 'management-unknown' };
    if (!enabled) return this.managementOff();
    const outcome = await this.settle(await this.checkDevice(api));
    // Configs was last asked ticks ago, and a disabled system shows no ban (CONTRACT §2): a new ban
    // asks it again at once, and lifts if management was switched off meanwhile. The ban shows
    // while configs is asked: a real ban is never held up by a slow configs.
    if (outcome.kind === 'banned' && !askConfigs && (await this.refreshManagement(api)) === false) return this.managementOff();
    return outcome;
  }

  private async managementOff(): Promise<CheckOutcome> {
    await this.clearBan();
    return { kind: 'skipped', reason: 'management-off' };
  }

  /** Asks configs; an answer replaces the kept flag, no answer keeps it ("enabled stays enabled"). */
  private async refreshManagement(api: DeviceApiPort): Promise<boolean | undefined> {
    const answer = await api.managementEnabled();
    if (answer !== undefined) this.configsDue = false;
    if (answer === undefined) {
      log.warn('configs gave no usable answer; keeping the last known device_management');
    } else if (answer !== this.current.managementEnabled) {
      log.info(`device management ${answer ? 'enabled' : 'disabled'}`);
      // A disabled system shows no ban (CONTRACT §2): lifted as soon as that is known, not once
      // the flag is written, which a slow IndexedDB can hold up for seconds.
      this.update(answer ? { managementEnabled: answer } : { managementEnabled: answer, banned: undefined });
      await this.edges.store.set(DEVICE_STORAGE_KEYS.management, answer);
    }
    return this.current.managementEnabled;
  }

  /** Add when new or changed, check, and on `device_not_found` add then check once more: the answer that decides. */
  private async checkDevice(api: DeviceApiPort): Promise<DeviceAnswer> {
    let addTried = false;
    if (!sameDeviceFields(this.added, api.fields)) {
      addTried = true;
      const added = await this.addDevice(api);
      // A failed add still checks: an existing record can tell that this device is banned.
      if (added.kind === 'banned') return added;
    }
    const answer = await api.check();
    if (answer.kind !== 'not-found' || addTried) return answer;
    const added = await this.addDevice(api);
    return added.kind === 'success' ? api.check() : added;
  }

  private async addDevice(api: DeviceApiPort): Promise<DeviceAnswer> {
    const answer = await api.add();
    if (answer.kind === 'success') {
      this.added = { ...api.fields };
      if (!this.standIn) await this.edges.store.set(DEVICE_STORAGE_KEYS.added, this.added);
    }
    return answer;
  }

  private async settle(answer: DeviceAnswer): Promise<CheckOutcome> {
    switch (answer.kind) {
      case 'success':
        if (this.standIn) this.liftOwnBan();
        else await this.clearBan();
        return { kind: 'ok' };
      case 'banned':
        await this.setBan(answer.message);
        return { kind: 'banned' };
      case 'not-found':
        return { kind: 'failed', detail: 'device_not_found after adding the device' };
      case 'failure':
        return { kind: 'failed', detail: answer.detail };
    }
  }

  /** Shows a ban, and stores it unless a stand-in's: the stored ban belongs to the kept identifier. */
  private async setBan(message: string): Promise<void> {
    this.banFromThisRun = true;
    if (this.current.banned?.message === message) return;
    this.update({ banned: { message } });
    if (this.standIn) return;
    this.banMayBeStored = true;
    await this.edges.store.set(DEVICE_STORAGE_KEYS.ban, { message });
  }

  /**
   * A stand-in identifier's success: it lifts a ban its own checks found, on screen only. A ban
   * restored from storage stays, since the server said nothing of the kept identifier.
   */
  private liftOwnBan(): void {
    if (!this.banFromThisRun) return;
    this.banFromThisRun = false;
    this.update({ banned: this.restoredBan });
  }

  private async clearBan(): Promise<void> {
    this.banFromThisRun = false;
    this.restoredBan = undefined;
    // A stand-in's ban shows without being stored: it is lifted all the same.
    if (this.current.banned) this.update({ banned: undefined });
    if (!this.banMayBeStored) return;
    this.banMayBeStored = false;
    await this.edges.store.del(DEVICE_STORAGE_KEYS.ban);
  }

  /**
   * When the tick after `last` runs: `delay` after it, whatever it could do, so pings keep a full
   * interval apart even when the interval changes in between (soak seed 33). Only a tick that
   * reached the network makes the check due then; one that found the TV offline or the ping
   * unanswered leaves it overdue, so the first reconnect or resume checks at once.
   */
  private planAfter(last: TickEnd, delay: number): number {
    const next = last.at + delay;
    if (last.reachedNetwork) {
      this.dueAt = next;
      this.dueWallAt = last.wallAt + delay;
    }
    return next;
  }

  private arm(at: number): void {
    this.cancelTimer();
    const { clock, timers } = this.edges;
    const delay = Math.max(0, at - clock.now());
    // A tick cancels the timer first, so a fired timer's handle never lingers.
    this.timer = timers.setTimeout(() => void this.runTick(), delay);
    this.update({ nextCheckAt: clock.wallNow() + delay });
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.edges.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(patch: Partial<DeviceState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of Array.from(this.listeners)) {
      try {
        listener(this.current);
      } catch (error) {
        log.error(`a device state listener failed (${errorMessage(error)})`);
      }
    }
  }
}
