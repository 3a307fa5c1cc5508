import type { Connectivity } from '../app/services';
import type { AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { formatMac } from '../device/mac-address';
import { createLogger } from '../log/log';
import { requestJson, resolveUrl, type HttpRequest, type HttpResult } from '../net/http';
import type { KeyValueStore } from '../storage/store';
import { AppConfigFeatureFlags } from './feature-flags';
import { readFeatureFlags } from './read-feature-flags';
import { registrationFingerprint } from './fingerprint';
import { createUuidV4, cryptoRandomBytes, loadInstallationId, type RandomBytes } from './installation-id';
import { holdOnAttemptNow, planNextAttempt, type AttemptPlan } from './next-attempt';
import { refreshIntervalSeconds } from './refresh-interval';
import { applyAnswer, applyBrokenAttempt, type Decision } from './registration-answer';
import { buildRegistrationBody } from './registration-body';
import { EMPTY_RECORD, adoptUnnamedConflict, readRecord, type AttemptOutcome, type RegistrationRecord } from './registration-record';

const log = createLogger('registration');

const RECORD_KEY = 'registration.state';
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * setTimeout overflows past 2^31-1 ms (about 24.8 days): a longer wait is re-planned when this
 * runs out. No shorter: the delay is already in server time, and a re-plan is a wake-up between
 * device checks that changes nothing.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How soon storage is asked again after it did not answer; doubles each time. */
const STORAGE_RETRY_FIRST_MS = 60_000;
/** Timed retries before registration goes on from memory alone: after 1 and 2 more minutes. */
const STORAGE_RETRIES = 2;

/** The wall clock; tests pass one that is hours off. */
export interface Clock {
  now(): number;
}

export interface RegistrationClientOptions {
  config: AppConfig;
  /** Who this TV is; nothing is sent before it is known. */
  identity: Promise<DeviceIdentity>;
  store: KeyValueStore;
  /** The app's own location, which a relative `registerApi.url` resolves against. */
  baseUrl: string;
  appVersion: string;
  /** While offline nothing is sent; the attempt waits for the connection. */
  connectivity?: Connectivity;
  /** Calls back when the app is in front again: TVs pause hidden apps' timers, so the next attempt is re-planned. */
  onResume?: (listener: () => void) => () => void;
  /** Where the server's feature flags go; the shell holds them from start-up, before registration loads. */
  featureFlags?: AppConfigFeatureFlags;
  http?: (url: string, request: HttpRequest) => Promise<HttpResult>;
  clock?: Clock;
  random?: () => number;
  randomBytes?: RandomBytes;
}

/** Where registration stands, for the device screen. */
export type RegistrationState = 'off' | 'starting' | 'no-storage' | 'registering' | 'registered' | 'expired' | 'unregistered' | 'stopped';

/** A snapshot for the device screen; times are the TV's clock, so they read right next to it. */
export interface RegistrationStatus {
  state: RegistrationState;
  /** The status that stopped attempts (409, 400, 401, 422), when stopped. */
  stoppedStatus?: number;
  expiresAtLocalMs?: number;
  lastOutcome?: { status: AttemptOutcome['status']; atLocalMs: number };
  nextAttemptAtLocalMs?: number;
  /** An attempt is due but the TV is offline. */
  waitingForNetwork: boolean;
}

/** What `requestNow` did, so a viewer can be told whether registering is under way, and if not, why. */
export type RegisterNowOutcome =
  /** An attempt is under way (begun now, or already in flight). */
  | { kind: 'started' }
  /** The TV is offline as far as the app can tell: the attempt goes out once it is back. */
  | { kind: 'offline' }
  /** The TV's storage did not answer, so what this installation is, is not known yet. */
  | { kind: 'no-storage' }
  /** `registerApi.token` is empty. */
  | { kind: 'off' }
  /** Stopped by this HTTP status: a 409 until the backend changes, any other until a setting or the app version does. */
  | { kind: 'stopped'; status: number }
  /** The server asked for a wait (`Retry-After`) lasting until then, on the TV's clock. */
  | { kind: 'waiting'; untilLocalMs: number };

/**
 * Device app registration (seeds 002/003, CONTRACT §3): registers on first run, renews before
 * expiry, and backs off on failure, with one timer for the next attempt and nothing else.
 * Decisions live in pure functions (`applyAnswer`, `planNextAttempt`); this class is the edges.
 */
export class RegistrationClient {
  /** The server's `app_config.feature_flags`, for the shell. */
  readonly featureFlags: AppConfigFeatureFlags;

  private readonly http: (url: string, request: HttpRequest) => Promise<HttpResult>;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly fingerprint: string;
  private readonly token: string;
  private readonly enabled: boolean;
  private record: RegistrationRecord = EMPTY_RECORD;
  /** The request body: fixed for a run, so built once when identity and installation_id are known. */
  private body = '';
  private loaded = false;
  private loading?: Promise<void>;
  /** Storage did not answer the last read of the stored state. */
  private storageSilent = false;
  /**
   * Timed retries of that read so far. Only they count towards going on without storage: reads a
   * viewer's Try again or a resume asks for may find it answering sooner, but must not cut the wait short.
   */
  private storageRetries = 0;
  /** False once registration goes on without storage: then nothing is written over what it holds. */
  private persistent = true;
  private started: Promise<void> = Promise.resolve();
  private inFlight?: Promise<void>;
  private timer?: number;
  private waitingForNetwork = false;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly options: RegistrationClientOptions) {
    this.http = options.http ?? requestJson;
    this.featureFlags = options.featureFlags ?? new AppConfigFeatureFlags();
    this.clock = options.clock ?? { now: () => Date.now() };
    this.random = options.random ?? Math.random;
    this.fingerprint = registrationFingerprint(options.config.registerApi, options.appVersion);
    this.token = options.config.registerApi.token.trim();
    this.enabled = this.token !== '';
  }

  /** Loads the stored state and plans the next attempt; resolves once any due attempt has begun. */
  start(): Promise<void> {
    if (!this.enabled) {
      // Nothing is read either: a registration stored with another token must not set the check
      // interval or the flags while the device screen says registration is off.
      log.info('registerApi.token is empty: registration is off');
      return this.started;
    }
    const { connectivity, onResume } = this.options;
    if (onResume) this.cleanups.push(onResume(this.wake));
    if (connectivity) this.cleanups.push(connectivity.subscribe((online) => online && this.wake()));
    this.started = this.load();
    return this.started;
  }

  /** Stops the timer and every listener. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
  }

  /** Calls back whenever the status, flags or refresh interval may have changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `app_config.api_refresh_interval`, clamped to 60–3600 s; undefined until the server sent one. */
  refreshIntervalSeconds(): number | undefined {
    return refreshIntervalSeconds(this.record.appConfig);
  }

  /** Resolves when no attempt is in flight, e.g. before approving a device that may be registering. */
  async settled(): Promise<void> {
    await this.started;
    await this.inFlight;
  }

  /**
   * Registers now because the viewer's action needs it (approval said "not registered"), and says
   * what it did without waiting for the answer (`settled` does). Skipped when off, stopped, or
   * inside a server-imposed `Retry-After`.
   */
  async requestNow(): Promise<RegisterNowOutcome> {
    await this.started;
    if (!this.enabled) return { kind: 'off' };
    // The viewer is waiting: storage that did not answer before is asked again now.
    if (!this.loaded) await this.load();
    if (!this.loaded) return { kind: 'no-storage' };
    if (this.inFlight) return { kind: 'started' };
    const hold = holdOnAttemptNow(this.record, this.fingerprint, this.serverNow());
    if (hold) {
      log.info(`registration asked for, but ${hold.kind === 'stopped' ? `it stopped after ${hold.status}` : 'the server asked to wait'}`);
      return hold.kind === 'stopped' ? hold : { kind: 'waiting', untilLocalMs: hold.untilServerMs - this.record.serverOffsetMs };
    }
    log.info('registration asked for by an approval');
    void this.attempt();
    return this.waitingForNetwork ? { kind: 'offline' } : { kind: 'started' };
  }

  /** Where registration stands now, for the device screen. */
  status(): RegistrationStatus {
    const toLocal = (serverMs: number): number => serverMs - this.record.serverOffsetMs;
    const outcome = this.record.lastOutcome;
    const held = this.record.registration;
    const status: RegistrationStatus = {
      state: 'unregistered',
      waitingForNetwork: this.waitingForNetwork,
      lastOutcome: outcome && { status: outcome.status, atLocalMs: toLocal(outcome.atServerMs) },
      expiresAtLocalMs: held?.expiresAtServerMs === undefined ? undefined : toLocal(held.expiresAtServerMs),
    };
    if (!this.enabled) return { ...status, state: 'off' };
    if (!this.loaded) return { ...status, state: this.storageSilent ? 'no-storage' : 'starting' };
    const plan = this.plan();
    if (plan.kind === 'at' && !this.inFlight) status.nextAttemptAtLocalMs = toLocal(Math.max(plan.atServerMs, this.serverNow()));
    if (this.inFlight) return { ...status, state: 'registering' };
    if (plan.kind === 'stopped') status.stoppedStatus = plan.status;
    if (held) return { ...status, state: held.expiresAtServerMs !== undefined && held.expiresAtServerMs <= this.serverNow() ? 'expired' : 'registered' };
    return { ...status, state: plan.kind === 'stopped' ? 'stopped' : 'unregistered' };
  }

  private serverNow(): number {
    return this.clock.now() + this.record.serverOffsetMs;
  }

  private plan(): AttemptPlan {
    return planNextAttempt(this.record, this.fingerprint, this.serverNow());
  }

  /** A resume, a return online or the storage retry: whatever is due next. */
  private readonly wake = (): void => {
    if (this.loaded) this.schedule();
    else void this.load();
  };

  private readonly retryStorage = (): void => {
    this.timer = undefined;
    this.storageRetries += 1;
    void this.load();
  };

  /** Reads the stored state (once at a time), then plans the next attempt. */
  private load(): Promise<void> {
    this.loading = this.loading ?? this.readStored().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async readStored(): Promise<void> {
    const { store, randomBytes = cryptoRandomBytes } = this.options;
    const read = await store.read<unknown>(RECORD_KEY);
    const installationId = read.known ? await loadInstallationId(store, randomBytes) : undefined;
    if (this.disposed) return;
    if (read.known && installationId !== undefined) return this.begin(readRecord(read.value), installationId);
    // A guess would be a first run with a new installation_id, which a server may answer with 409:
    // stored, that would stop registration for good over the registration storage merely held back.
    this.storageSilent = true;
    if (this.storageRetries >= STORAGE_RETRIES) {
      log.warn(`the TV's storage still did not answer after ${STORAGE_RETRIES} retries; registering from memory for this run, writing nothing over what storage may still hold`);
      this.persistent = false;
      return this.begin(EMPTY_RECORD, createUuidV4(randomBytes));
    }
    if (this.timer === undefined) {
      const delayMs = STORAGE_RETRY_FIRST_MS * 2 ** this.storageRetries;
      log.warn(`the TV's storage did not answer; registration waits for it (asked again in ${delayMs / 60_000} min)`);
      this.timer = setTimeout(this.retryStorage, delayMs);
    }
    this.notify();
  }

  /** Starts from the stored state (or an empty one, without storage) and plans the first attempt. */
  private async begin(stored: RegistrationRecord, installationId: string): Promise<void> {
    const { config, appVersion } = this.options;
    const identity = await this.options.identity;
    // A stand-in identifier (storage did not say which one the device keeps) registers for this
    // run only: stored, its registration would pass for the kept identifier's at the next start.
    if (identity.provisional) this.persistent = false;
    this.record = adoptUnnamedConflict(stored, this.fingerprint);
    // Written at once: after a 409 no attempt follows, so nothing else would ever store it.
    if (this.record !== stored) await this.save();
    // device_id is what device management sends as mac_address, so approval finds this registration.
    const deviceId = formatMac(identity.mac, config.deviceApi.macFormat);
    this.body = JSON.stringify(buildRegistrationBody({ identity, api: config.registerApi, appName: config.appName, appVersion, installationId, deviceId }));
    this.loaded = true;
    this.featureFlags.update(readFeatureFlags(this.record.appConfig));
    this.schedule();
  }

  private save(): Promise<void> {
    return this.persistent ? this.options.store.set(RECORD_KEY, this.record) : Promise.resolve();
  }

  /** Arms the one timer for the next attempt, or attempts now when it is due. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.loaded || this.inFlight || this.disposed) return;
    const plan = this.plan();
    if (plan.kind !== 'at') {
      this.notify();
      return;
    }
    const delay = plan.atServerMs - this.serverNow();
    if (delay <= 0) {
      void this.attempt();
      return;
    }
    this.timer = setTimeout(() => this.schedule(), Math.min(delay, MAX_TIMER_MS));
    this.notify();
  }

  private attempt(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const connectivity = this.options.connectivity;
    this.waitingForNetwork = !!connectivity && !connectivity.online;
    if (this.waitingForNetwork) {
      // The connectivity listener re-plans when the TV is back online.
      this.notify();
      return Promise.resolve();
    }
    const running = this.send().finally(() => {
      this.inFlight = undefined;
      this.schedule();
      this.notify();
    });
    this.inFlight = running;
    this.notify();
    return running;
  }

  private async send(): Promise<void> {
    // Without the catch, an error here leaves no wait in the record and `schedule` retries at once, forever.
    const decision = await this.exchange().catch((error: unknown) => applyBrokenAttempt(this.record, error, { localNowMs: this.clock.now(), random: this.random }));
    log[decision.level](decision.message);
    this.record = decision.record;
    this.featureFlags.update(readFeatureFlags(this.record.appConfig));
    await this.save();
  }

  /** One request and what its answer means. */
  private async exchange(): Promise<Decision> {
    const { config, baseUrl } = this.options;
    const result = await this.http(resolveUrl(config.registerApi.url, baseUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: this.body,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    return applyAnswer(this.record, result, { localNowMs: this.clock.now(), fingerprint: this.fingerprint, random: this.random });
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
