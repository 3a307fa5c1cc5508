import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApprovalService } from '../approval/approval-service';
import { DEFAULT_CONFIG } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import type { HttpRequest, HttpResult } from '../net/http';
import type { RegisterNowOutcome } from '../registration/registration-client';
import { response } from '../registration/test-support';
import './tv-approval-screen';
import type { TvApprovalScreen } from './tv-approval-screen';

const TV: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'tizen', osName: 'Tizen', brand: 'Samsung', model: 'QE55Q80A', deviceType: 'TV' };

async function mount(reply: () => HttpResult | Promise<HttpResult>, registering: RegisterNowOutcome = { kind: 'started' }) {
  const calls: Array<{ url: string; request: HttpRequest }> = [];
  const registration = { settled: vi.fn(async () => {}), requestNow: vi.fn(async () => registering) };
  const approval = new ApprovalService({
    config: { ...DEFAULT_CONFIG, approveApi: { ...DEFAULT_CONFIG.approveApi, token: 'user-token' }, deviceApi: { ...DEFAULT_CONFIG.deviceApi, macFormat: 'colon' } },
    platform: { launchParams: () => ({}), onRelaunch: () => () => {} },
    identity: Promise.resolve(TV),
    registration,
    appVersion: '1.0.0',
    location: { href: 'http://tv.example/' },
    history: { state: null, replaceState: () => {} },
    http: async (url, request) => {
      calls.push({ url, request });
      return reply();
    },
  });
  approval.start();
  const screen = document.createElement('tv-approval-screen');
  screen.services = { approval };
  document.body.appendChild(screen);
  await vi.waitFor(() => expect(text(screen)).toContain('Samsung QE55Q80A'));
  return { screen, calls, registration };
}

const text = (screen: TvApprovalScreen): string => screen.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const input = (screen: TvApprovalScreen) => screen.shadowRoot!.querySelector('input')!;

/** Types a link and presses OK (or the keyboard's Done key); returns the key event, to see whether the screen took it from the TV. */
function typeAndConfirm(screen: TvApprovalScreen, link: string, keyCode = 13): KeyboardEvent {
  input(screen).value = link;
  const event = new KeyboardEvent('keydown', { key: 'Enter', keyCode, bubbles: true, composed: true, cancelable: true });
  input(screen).dispatchEvent(event);
  return event;
}
const shows = (screen: TvApprovalScreen, words: string) => vi.waitFor(() => expect(text(screen)).toContain(words));

describe('tv-approval-screen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows which TV this is, with the identifier device management uses', async () => {
    const { screen } = await mount(() => response(200));
    expect(text(screen)).toContain('Samsung QE55Q80A');
    expect(text(screen)).toContain('A1:B2:C3:D4:E5:F6');
    expect(input(screen).type).toBe('text');
  });

  it('sends a typed link on OK and shows the server’s words as plain text', async () => {
    const { screen, calls } = await mount(() => response(200, { success: true, data: '<b>permissions</b> approved' }));
    expect(typeAndConfirm(screen, 'ml_typed').defaultPrevented).toBe(true);
    await shows(screen, 'This TV is approved.');
    expect(calls[0]!.url).toBe('http://tv.example/devices/approve/ml_typed');
    expect(text(screen)).toContain('<b>permissions</b> approved');
    expect(screen.shadowRoot!.querySelector('b')).toBeNull();
  });

  it('sends on the Samsung keyboard’s Done key and on the Send button', async () => {
    const { screen, calls } = await mount(() => response(400));
    typeAndConfirm(screen, 'ml_1', 65376);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    input(screen).value = 'ml_2';
    screen.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
  });

  it('OK pressed twice on a lagging remote sends the link once, and the approval stays shown', async () => {
    // Like the reference server, the link is used up by its approval: a second request for it would get a 400.
    let sent = 0;
    let answer = () => {};
    const { screen, calls } = await mount(() =>
      sent++ === 0 ? new Promise<HttpResult>((resolve) => (answer = () => resolve(response(200, { success: true, data: 'permissions approved' })))) : response(400),
    );
    typeAndConfirm(screen, 'ml_once');
    await shows(screen, 'Sending…');
    expect(typeAndConfirm(screen, 'ml_once').defaultPrevented).toBe(true);
    await screen.updateComplete;
    expect(text(screen)).toContain('Sending…');
    answer();
    await shows(screen, 'This TV is approved. permissions approved');
    typeAndConfirm(screen, 'ml_once');
    await screen.updateComplete;
    expect(text(screen)).toContain('This TV is approved. permissions approved');
    expect(calls).toHaveLength(1);
  });

  it('keeps OK for the on-screen keyboard while the field is empty', async () => {
    const { screen, calls } = await mount(() => response(200));
    expect(typeAndConfirm(screen, '').defaultPrevented).toBe(false);
    expect(typeAndConfirm(screen, '   ').defaultPrevented).toBe(false);
    expect(typeAndConfirm(screen, '   ', 65376).defaultPrevented).toBe(false);
    screen.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
    // Sending shows at once (the service's phase changes synchronously), so one render is enough to see it did not start.
    await screen.updateComplete;
    expect(text(screen)).not.toContain('Sending');
    expect(calls).toHaveLength(0);
    expect(screen.shadowRoot!.activeElement).toBe(input(screen));
  });

  it.each<[number, string]>([
    [400, 'This link is invalid or has expired.'],
    [401, 'You are not signed in.'],
    [503, 'The server answered with error 503.'],
  ])('%i is explained in plain words', async (status, words) => {
    const { screen } = await mount(() => response(status, { success: false, message: 'raw server message' }));
    typeAndConfirm(screen, 'ml_x');
    await shows(screen, words);
  });

  it('a 200 that is not an approval (a captive portal’s page) is not shown as approved, and offers Try again', async () => {
    const { screen } = await mount(() => response(200, undefined, { 'Content-Type': 'text/html' }));
    typeAndConfirm(screen, 'ml_portal');
    await shows(screen, 'The TV could not be approved right now.');
    expect(text(screen)).not.toContain('This TV is approved.');
    expect(screen.shadowRoot!.querySelector('button.retry')).not.toBeNull();
  });

  it('404 says the TV is not registered, registers it, and Try again sends the link again', async () => {
    let status = 404;
    const { screen, calls, registration } = await mount(() => response(status, { success: true, data: 'approved after registering' }));
    typeAndConfirm(screen, 'ml_y');
    await shows(screen, 'This TV is not registered yet. It is registering now. Choose Try again in a moment.');
    expect(registration.requestNow).toHaveBeenCalled();
    status = 200;
    screen.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await shows(screen, 'approved after registering');
    expect(calls.map((call) => call.url)).toEqual(['http://tv.example/devices/approve/ml_y', 'http://tv.example/devices/approve/ml_y']);
    expect(screen.shadowRoot!.querySelector('button.retry')).toBeNull();
  });

  it('404 with registration switched off says so, and offers no Try again that cannot help', async () => {
    const { screen } = await mount(() => response(404), { kind: 'off' });
    typeAndConfirm(screen, 'ml_off');
    await shows(screen, 'This TV is not registered yet. Registration is switched off in this app’s settings, so this TV cannot be approved.');
    expect(text(screen)).not.toContain('registering now');
    expect(text(screen)).not.toContain('ml_off');
    expect(screen.shadowRoot!.querySelector('button.retry')).toBeNull();
  });

  it('says when the server could not be reached', async () => {
    const { screen } = await mount(() => ({ kind: 'failure', reason: 'network' }));
    typeAndConfirm(screen, 'ml_z');
    await shows(screen, 'Could not reach the server.');
    expect(screen.shadowRoot!.querySelector('button.retry')).not.toBeNull();
  });
});
