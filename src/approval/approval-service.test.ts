import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import type { HttpRequest, HttpResult } from '../net/http';
import type { LaunchParams } from '../platform/platform';
import type { RegisterNowOutcome } from '../registration/registration-client';
import { response } from '../registration/test-support';
import { ApprovalService, type ApprovalServiceOptions } from './approval-service';

const LINK = 'ml_0123456789abcdef';
const USER_TOKEN = 'user-secret-token';
const TV: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'tizen', osName: 'Tizen', brand: 'Samsung', model: 'QE55Q80A', deviceType: 'TV' };
const CONFIG: AppConfig = { ...DEFAULT_CONFIG, approveApi: { ...DEFAULT_CONFIG.approveApi, token: USER_TOKEN } };

interface SetupOptions {
  launch?: LaunchParams;
  href?: string;
  config?: AppConfig;
  reply?: (url: string) => HttpResult | Promise<HttpResult>;
  platform?: ApprovalServiceOptions['platform'];
  /** What asking registration to register now comes to. */
  registering?: RegisterNowOutcome;
}

function setup(options: SetupOptions = {}) {
  const relaunchListeners: Array<(params: LaunchParams) => void> = [];
  const calls: Array<{ url: string; request: HttpRequest }> = [];
  const registration = { settled: vi.fn(async () => {}), requestNow: vi.fn(async (): Promise<RegisterNowOutcome> => options.registering ?? { kind: 'started' }) };
  const history = { state: null, replaceState: vi.fn() };
  const service = new ApprovalService({
    config: options.config ?? CONFIG,
    platform: options.platform ?? {
      launchParams: () => options.launch ?? {},
      onRelaunch: (listener) => {
        relaunchListeners.push(listener);
        return () => {};
      },
    },
    identity: Promise.resolve(TV),
    registration,
    appVersion: '1.2.3',
    location: { href: options.href ?? 'http://tv.example/app/index.html' },
    history,
    http: async (url, request) => {
      calls.push({ url, request });
      return (options.reply ?? (() => response(200, { success: true, data: 'permissions for device Samsung QE55Q80A approve successfully' })))(url);
    },
  });
  const relaunch = (params: LaunchParams) => relaunchListeners.forEach((listener) => listener(params));
  const idle = () => vi.waitFor(() => expect(service.phase.kind).not.toBe('sending'));
  return { service, calls, registration, history, relaunch, idle };
}

describe('ApprovalService', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends a launch link at once and shows the server text', async () => {
    const { service, calls, idle } = setup({ launch: { magicLink: LINK } });
    service.start();
    await idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`http://tv.example/devices/approve/${LINK}`);
    expect(calls[0]!.request.headers!['Authorization']).toBe(`Bearer ${USER_TOKEN}`);
    expect(service.phase).toEqual({ kind: 'done', result: { kind: 'approved', message: 'permissions for device Samsung QE55Q80A approve successfully' } });
    expect(service.device).toMatchObject({ deviceName: 'Samsung QE55Q80A', deviceId: 'A1B2C3D4E5F6' });
  });

  it('takes ?magicLink= from the page URL and removes it', async () => {
    const { service, calls, history, idle } = setup({ href: `http://tv.example/app/index.html?magicLink=${LINK}` });
    service.start();
    await idle();
    expect(calls[0]!.url).toContain(LINK);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/app/index.html');
  });

  it('sends nothing at start without a link, then a typed link on submit', async () => {
    const { service, calls, idle } = setup();
    service.start();
    await service.submit('   ');
    expect(calls).toHaveLength(0);
    expect(service.phase.kind).toBe('idle');
    await service.submit(` ${LINK} `);
    await idle();
    expect(calls[0]!.url).toBe(`http://tv.example/devices/approve/${LINK}`);
  });

  it('handles a relaunch with a new link and user token while running', async () => {
    const { service, calls, relaunch, idle } = setup({ config: DEFAULT_CONFIG });
    service.start();
    relaunch({ magicLink: 'ml_second', userToken: 'launch-user-token' });
    await idle();
    expect(calls[0]!.url).toContain('ml_second');
    expect(calls[0]!.request.headers!['Authorization']).toBe('Bearer launch-user-token');
  });

  it('goes on without launch parameters when the platform throws reading them, logging no secret', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { service, calls, idle } = setup({
      platform: {
        launchParams: () => {
          throw new Error(`appControl ${LINK} unreadable`);
        },
        onRelaunch: () => {
          throw new Error('no appcontrol events');
        },
      },
    });
    service.start();
    await service.submit(LINK);
    await idle();
    expect(calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('[tv-app:approval]', expect.stringContaining('launch parameters could not be read'));
    expect(JSON.stringify(warn.mock.calls)).not.toContain(LINK);
  });

  it('shows a dot-segment or unencodable link as invalid without sending anything', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { service, calls, relaunch, idle } = setup({ launch: { magicLink: '..' } });
    service.start();
    await idle();
    expect(service.phase).toEqual({ kind: 'done', result: { kind: 'invalid-link' } });
    for (const link of ['.', 'ml_\uD800']) {
      await service.submit(link);
      expect(service.phase).toEqual({ kind: 'done', result: { kind: 'invalid-link' } });
    }
    relaunch({ magicLink: '\uDC00' });
    await idle();
    expect(service.phase).toEqual({ kind: 'done', result: { kind: 'invalid-link' } });
    expect(service.canRetry).toBe(false);
    expect(calls).toHaveLength(0);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(USER_TOKEN);
  });

  it('says "not signed in" without sending when there is no user token', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { service, calls, idle } = setup({ config: DEFAULT_CONFIG, launch: { magicLink: LINK } });
    service.start();
    await idle();
    expect(calls).toHaveLength(0);
    expect(service.phase).toEqual({ kind: 'done', result: { kind: 'not-signed-in' } });
  });

  it.each<[number, string, boolean]>([
    [400, 'invalid-link', false],
    [401, 'not-signed-in', false],
    [500, 'failed', true],
  ])('%i → %s', async (status, kind, canRetry) => {
    const { service, registration, idle } = setup({ launch: { magicLink: LINK }, reply: () => response(status, { success: false, message: 'x' }) });
    service.start();
    await idle();
    expect(service.phase).toMatchObject({ kind: 'done', result: { kind } });
    expect(service.canRetry).toBe(canRetry);
    expect(registration.requestNow).not.toHaveBeenCalled();
  });

  it('404 → registers, offers Try again, and the retry sends the same link once registration settled', async () => {
    let status = 404;
    const { service, calls, registration, idle } = setup({
      launch: { magicLink: LINK },
      reply: () => (status === 404 ? response(404, { success: false, message: 'Device not registered' }) : response(200, { success: true, data: 'approved' })),
    });
    service.start();
    await idle();
    expect(service.phase).toMatchObject({ result: { kind: 'not-registered', registration: { kind: 'started' } } });
    expect(registration.requestNow).toHaveBeenCalledTimes(1);
    expect(service.canRetry).toBe(true);
    status = 200;
    const settledBefore = registration.settled.mock.calls.length;
    await service.retry();
    expect(registration.settled.mock.calls.length).toBeGreaterThan(settledBefore);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toContain(LINK);
    expect(service.phase).toMatchObject({ result: { kind: 'approved' } });
    expect(service.canRetry).toBe(false);
  });

  it.each<[RegisterNowOutcome, boolean]>([
    [{ kind: 'off' }, false],
    [{ kind: 'stopped', status: 409 }, false],
    [{ kind: 'waiting', untilLocalMs: Date.parse('2025-03-01T12:10:00Z') }, true],
    [{ kind: 'offline' }, true],
    [{ kind: 'no-storage' }, true],
  ])('404 while registration is %o: Try again only where registering will still happen', async (registering, canRetry) => {
    const { service, idle } = setup({ launch: { magicLink: LINK }, reply: () => response(404), registering });
    service.start();
    await idle();
    expect(service.phase).toEqual({ kind: 'done', result: { kind: 'not-registered', registration: registering } });
    expect(service.canRetry).toBe(canRetry);
  });

  it('offers Try again when the server could not be reached', async () => {
    const { service, idle } = setup({ launch: { magicLink: LINK }, reply: () => ({ kind: 'failure', reason: 'network' }) });
    service.start();
    await idle();
    expect(service.phase).toMatchObject({ result: { kind: 'unreachable' } });
    expect(service.canRetry).toBe(true);
  });

  it('waits for a registration in flight before approving', async () => {
    const { service, calls, registration } = setup({ launch: { magicLink: LINK } });
    let finishRegistration = () => {};
    registration.settled.mockImplementation(() => new Promise<void>((resolve) => (finishRegistration = resolve)));
    service.start();
    await Promise.resolve();
    expect(service.phase.kind).toBe('sending');
    expect(calls).toHaveLength(0);
    finishRegistration();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
  });

  it('shows the newest link’s result when an older answer arrives late', async () => {
    let answerFirst: (result: HttpResult) => void = () => {};
    const { service, calls, relaunch, idle } = setup({
      launch: { magicLink: 'ml_old' },
      reply: (url) => (url.includes('ml_old') ? new Promise((resolve) => (answerFirst = resolve)) : response(400)),
    });
    service.start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    relaunch({ magicLink: 'ml_new' });
    await idle();
    answerFirst(response(200, { data: 'old' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(2);
    expect(service.phase).toMatchObject({ result: { kind: 'invalid-link' } });
  });

  describe('a magic link is used up by its approval, so it is never sent twice', () => {
    /** Like the reference server: a link's first approval answers 200, every later request for it 400; answers wait for `answer()`. */
    function oneUseServer() {
      const used = new Set<string>();
      const waiting: Array<() => void> = [];
      const reply = (url: string) =>
        new Promise<HttpResult>((resolve) =>
          waiting.push(() => {
            if (used.has(url)) return resolve(response(400, { success: false, message: 'Invalid or expired magic link' }));
            used.add(url);
            resolve(response(200, { success: true, data: 'permissions approved' }));
          }),
        );
      const answer = () => waiting.splice(0).forEach((send) => send());
      return { reply, answer };
    }

    it('OK pressed again while the link is being sent waits for that send instead of sending again', async () => {
      const server = oneUseServer();
      const { service, calls, idle } = setup({ reply: server.reply });
      service.start();
      const first = service.submit(LINK);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      const second = service.submit(LINK);
      expect(service.phase.kind).toBe('sending');
      server.answer();
      await Promise.all([first, second]);
      await idle();
      expect(calls).toHaveLength(1);
      expect(service.phase).toEqual({ kind: 'done', result: { kind: 'approved', message: 'permissions approved' } });
    });

    it('a relaunch repeating the link, during the send or after the approval, sends nothing more and keeps the approval shown', async () => {
      const server = oneUseServer();
      const { service, calls, relaunch, idle } = setup({ launch: { magicLink: LINK }, reply: server.reply });
      service.start();
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      relaunch({ magicLink: LINK });
      server.answer();
      await idle();
      relaunch({ magicLink: LINK });
      await service.submit(LINK);
      expect(calls).toHaveLength(1);
      expect(service.phase).toEqual({ kind: 'done', result: { kind: 'approved', message: 'permissions approved' } });
      expect(service.canRetry).toBe(false);
    });

    it('an approved link is shown as approved again after another link’s result, without being sent', async () => {
      const server = oneUseServer();
      const { service, calls, idle } = setup({ reply: server.reply });
      service.start();
      const approving = service.submit(LINK);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      server.answer();
      await approving;
      // A different link is still sent as usual.
      const other = service.submit('ml_other');
      await vi.waitFor(() => expect(calls).toHaveLength(2));
      server.answer();
      await other;
      expect(service.phase).toMatchObject({ result: { kind: 'approved' } });
      await service.submit(LINK);
      await idle();
      expect(calls.map((call) => call.url.split('/').pop())).toEqual([LINK, 'ml_other']);
      expect(service.phase).toEqual({ kind: 'done', result: { kind: 'approved', message: 'permissions approved' } });
    });

    it('a link asked for again while a newer one is under way shows its own result', async () => {
      const server = oneUseServer();
      const { service, calls, relaunch, idle } = setup({ launch: { magicLink: LINK }, reply: server.reply });
      service.start();
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      relaunch({ magicLink: 'ml_newer' });
      await vi.waitFor(() => expect(calls).toHaveLength(2));
      const again = service.submit(LINK);
      server.answer();
      await again;
      await idle();
      expect(calls).toHaveLength(2);
      expect(service.phase).toEqual({ kind: 'done', result: { kind: 'approved', message: 'permissions approved' } });
    });

    it('a link that did not approve is sent again when asked: only an approval or a send under way holds it back', async () => {
      let status = 400;
      const { service, calls, idle } = setup({ reply: () => (status === 200 ? response(200, { success: true }) : response(status)) });
      service.start();
      await service.submit(LINK);
      expect(service.phase).toMatchObject({ result: { kind: 'invalid-link' } });
      status = 503;
      await service.submit(LINK);
      expect(service.phase).toMatchObject({ result: { kind: 'failed', status: 503 } });
      status = 200;
      await service.retry();
      await idle();
      expect(calls).toHaveLength(3);
      expect(service.phase).toMatchObject({ result: { kind: 'approved' } });
    });
  });

  it('never logs the link or the user token', async () => {
    const spies = [vi.spyOn(console, 'info'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')].map((spy) => spy.mockImplementation(() => {}));
    const { service, idle } = setup({ launch: { magicLink: LINK, userToken: USER_TOKEN }, reply: () => response(404) });
    service.start();
    await idle();
    await service.retry();
    const logged = JSON.stringify(spies.map((spy) => spy.mock.calls));
    expect(logged).toContain('approval answered 404');
    expect(logged).not.toContain(LINK);
    expect(logged).not.toContain(USER_TOKEN);
  });
});
