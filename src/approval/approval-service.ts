import type { AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { createLogger } from '../log/log';
import { requestJson, type HttpRequest, type HttpResult } from '../net/http';
import type { Platform } from '../platform/platform';
import type { RegistrationClient } from '../registration/registration-client';
import { mergeApprovalLaunch, readApprovalLaunch, takeApprovalLaunchFromUrl, type ApprovalLaunch } from './approval-launch';
import { approvalRequest, describeApprovalDevice, readApprovalAnswer, type ApprovalDevice, type ApprovalResult } from './approval-request';

const log = createLogger('approval');

/** A platform call that throws costs only what it would have given: logged, then the fallback. */
function guarded<T>(what: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    // The error's name only: its message could quote the very parameters, a magic link among them.
    log.warn(`the platform's ${what} could not be read (${error instanceof Error ? error.name : typeof error}); going on without them`);
    return fallback;
  }
}

/** Where approval stands, for the screen. */
export type ApprovalPhase = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: ApprovalResult };

/** Whether a result is worth a "Try again": the same link can still work once the cause has passed. */
function offersRetry(result: ApprovalResult): boolean {
  switch (result.kind) {
    case 'unreachable':
    case 'failed':
      return true;
    case 'not-registered':
      // Registration that is off or stopped stays so for this run: retrying cannot change the answer.
      return result.registration.kind !== 'off' && result.registration.kind !== 'stopped';
    default:
      return false;
  }
}

export interface ApprovalServiceOptions {
  config: AppConfig;
  platform: Pick<Platform, 'launchParams' | 'onRelaunch'>;
  identity: Promise<DeviceIdentity>;
  /** Waited for while it registers, and asked to register when the server does not know this TV. */
  registration: Pick<RegistrationClient, 'settled' | 'requestNow'>;
  appVersion: string;
  /** The app's own location: relative URLs resolve against it, and `?magicLink=` is read from it. */
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  http?: (url: string, request: HttpRequest) => Promise<HttpResult>;
}

/**
 * Magic-link approval (seed 004, CONTRACT §5). Sends at once for a launch or relaunch that
 * carries a link (opening it was the viewer's action) and on demand for a typed one. Links and
 * user tokens live in memory only: never logged, never stored, never put anywhere but the one
 * request path.
 */
export class ApprovalService {
  /** This TV's name and identifier, once the platform has said. */
  device?: ApprovalDevice;
  /** The latest send and its result. */
  phase: ApprovalPhase = { kind: 'idle' };

  private readonly http: (url: string, request: HttpRequest) => Promise<HttpResult>;
  private userToken?: string;
  private retryLink?: string;
  /** The link the viewer asked for last: only its result is shown. */
  private shownLink?: string;
  /**
   * A magic link is used up by the request that approves with it: a second request for the same
   * link (OK pressed twice on a lagging remote, a relaunch repeating the link) would get a 400
   * that hides the approval. So a link being sent is not sent again but waited for, and a link
   * that approved this TV in this run is not sent again: its result is shown again. Memory only,
   * like every link (CONTRACT §5).
   */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly approved = new Map<string, ApprovalResult>();
  private readonly listeners = new Set<() => void>();
  private unsubscribeRelaunch?: () => void;

  constructor(private readonly options: ApprovalServiceOptions) {
    this.http = options.http ?? requestJson;
  }

  /** True when the last result offers "Try again" with the same link. */
  get canRetry(): boolean {
    return this.retryLink !== undefined;
  }

  /** Takes the launch's link (and removes it from the page URL), listens for relaunches, and sends. */
  start(): void {
    const { platform, location, history } = this.options;
    const fromPlatform = guarded('launch parameters', () => platform.launchParams(), {});
    const launch = mergeApprovalLaunch(readApprovalLaunch(fromPlatform), takeApprovalLaunchFromUrl(location, history));
    this.unsubscribeRelaunch = guarded('relaunch events', () => platform.onRelaunch((params) => this.launched(readApprovalLaunch(params))), undefined);
    void this.options.identity.then((identity) => {
      this.device = describeApprovalDevice(identity, this.options.config, this.options.appVersion);
      this.notify();
    });
    this.launched(launch);
  }

  /** Stops listening for relaunches. */
  dispose(): void {
    this.unsubscribeRelaunch?.();
  }

  /** Calls back on every change of `phase`, `device` or `canRetry`; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a link the viewer typed. */
  submit(link: string): Promise<void> {
    const trimmed = link.trim();
    return trimmed ? this.send(trimmed) : Promise.resolve();
  }

  /** Sends the last link again, after a result that offered it. */
  retry(): Promise<void> {
    return this.retryLink === undefined ? Promise.resolve() : this.send(this.retryLink);
  }

  private launched(launch: ApprovalLaunch): void {
    if (launch.userToken) this.userToken = launch.userToken;
    if (!launch.magicLink) return;
    log.info('launched with a magic link');
    void this.send(launch.magicLink);
  }

  private send(link: string): Promise<void> {
    this.shownLink = link;
    this.retryLink = undefined;
    const approved = this.approved.get(link);
    if (approved) {
      log.info('this link already approved the TV; not sent again');
      this.setPhase({ kind: 'done', result: approved });
      return Promise.resolve();
    }
    this.setPhase({ kind: 'sending' });
    const joined = this.inFlight.get(link);
    if (joined) return joined;
    const sent = this.approve(link)
      .catch((error: unknown): ApprovalResult => {
        // The error's name only: its message could quote the link. The screen must not stay on "sending".
        log.warn(`approval failed on the TV (${error instanceof Error ? error.name : typeof error}); nothing was approved`);
        return { kind: 'unreachable' };
      })
      .then((result) => {
        this.inFlight.delete(link);
        if (result.kind === 'approved') this.approved.set(link, result);
        // A newer link (a relaunch, a second typed one) has taken over the screen.
        if (link !== this.shownLink) return;
        if (offersRetry(result)) this.retryLink = link;
        this.setPhase({ kind: 'done', result });
      });
    this.inFlight.set(link, sent);
    return sent;
  }

  private async approve(link: string): Promise<ApprovalResult> {
    const { config, appVersion, location } = this.options;
    const token = this.userToken ?? config.approveApi.token.trim();
    if (!token) {
      log.warn('no user token (approveApi.token or launch parameter userToken); approval not sent');
      return { kind: 'not-signed-in' };
    }
    // A first-run registration may be on its way; approving before it lands would get a 404.
    const [identity] = await Promise.all([this.options.identity, this.options.registration.settled()]);
    const approval = approvalRequest(link, token, describeApprovalDevice(identity, config, appVersion), config.approveApi.url, location.href);
    if (!approval) {
      log.warn('the magic link cannot be sent as one path segment (a dot segment or unencodable text); approval not sent');
      return { kind: 'invalid-link' };
    }
    const reply = await this.http(approval.url, approval.request);
    log.info(`approval answered ${reply.kind === 'response' ? reply.status : reply.reason}`);
    const answer = readApprovalAnswer(reply);
    // CONTRACT §5: register, then offer a retry; whether that can happen only registration knows.
    return answer.kind === 'not-registered' ? { kind: 'not-registered', registration: await this.options.registration.requestNow() } : answer;
  }

  private setPhase(phase: ApprovalPhase): void {
    this.phase = phase;
    this.notify();
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
