// @vitest-environment node
import { Browser, type HTMLElement, type HTMLInputElement } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICE, REGISTER_AUTH, REGISTRATION, useServer } from './test-support.js';

const t = useServer();
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** The admin page running its own script in happy-dom against the live server. */
async function openAdmin() {
  browser = new Browser({ settings: {
      // Only this server's own page runs here.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    }, });
  const page = browser.newPage();
  await page.goto(`${t.url}/admin`);
  const document = page.mainFrame.document;
  return {
    document,
    page,
    text: (id: string) => document.getElementById(id)?.textContent ?? '',
    type: (id: string, value: string) => void ((document.getElementById(id) as HTMLInputElement).value = value),
    click: (selector: string) => (document.querySelector(selector) as HTMLElement).click(),
  };
}

describe('admin page in a browser', () => {
  it('lists devices as text, bans one with a custom message, makes a magic link, sets a fault', async () => {
    await t.post('/api/device/add', { ...DEVICE, device_os: '<img src=x onerror=alert(1)>' });
    await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH);
    const { document, page, text, type, click } = await openAdmin();

    await vi.waitFor(() => expect(text('devices')).toContain(DEVICE.mac_address), { timeout: 3000 });
    // Markup sent by a device stays text.
    expect(text('devices')).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('#devices img')).toBeNull();
    expect(text('registrations')).toContain(REGISTRATION.installation_id);
    expect(text('dm-toggle')).toContain('device_management = 1');

    type('ban-message', 'Banned from the page');
    click('[data-focus="ban:A1B2C3D4E5F6"]');
    await vi.waitFor(async () => expect((await t.admin('GET', 'state')).devices[0]).toMatchObject({ banned: true, ban_message: 'Banned from the page' }));

    click('#dm-toggle');
    await vi.waitFor(async () => expect((await t.admin('GET', 'state')).settings.device_management).toBe(0));

    const form = document.getElementById('dm-form') as unknown as { value: string; dispatchEvent(event: unknown): boolean };
    form.value = 'string';
    form.dispatchEvent(new page.mainFrame.window.Event('change'));
    await vi.waitFor(async () => expect((await t.admin('GET', 'state')).settings.configsForm).toBe('string'));

    click('#magic button');
    await vi.waitFor(() => expect(text('new-link')).toMatch(/^ml_[0-9a-f]{24}$/));

    type('fault-check-status', '503');
    type('fault-check-times', '2');
    click('[data-focus="fault-set:check"]');
    await vi.waitFor(async () => expect((await t.admin('GET', 'state')).faults).toEqual({ check: { status: 503, times: 2 } }));
  });

  it('keeps the settings form in step with the server, and saves only what the tester changed', async () => {
    const { document, click } = await openAdmin();
    const field = (name: string) => document.querySelector(`#settings [name=${name}]`) as unknown as { value: string };
    await vi.waitFor(() => expect(field('apiRefreshInterval').value).toBe('300'), { timeout: 3000 });

    // Another tab, a test or a reset changes the settings: the form shows what is in effect.
    await t.admin('POST', 'settings', { apiRefreshInterval: 60 });
    await vi.waitFor(() => expect(field('apiRefreshInterval').value).toBe('60'), { timeout: 5000 });

    // The tester edits one field while someone else changes another: saving keeps both.
    field('rateLimit').value = '4';
    await t.admin('POST', 'settings', { featureFlags: { beta_features: true } });
    click('#settings button[type=submit]');
    await vi.waitFor(async () => expect((await t.admin('GET', 'state')).settings.rateLimit).toBe(4));
    expect((await t.admin('GET', 'state')).settings).toMatchObject({ apiRefreshInterval: 60, featureFlags: { beta_features: true } });
    await vi.waitFor(() => expect(JSON.parse(field('featureFlags').value)).toEqual({ beta_features: true }), { timeout: 5000 });
  }, 15_000);
});
