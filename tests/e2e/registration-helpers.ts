import type { ConsoleMessage, Page } from '@playwright/test';
import { apiRequests, type LoggedRequest } from './support/device-helpers';
import { expect, type ReferenceServer } from './support/fixtures';

/** The reference server's tokens (server/README.md). */
export const REGISTER_TOKEN = 'reference-register-token';
export const USER_TOKEN = 'reference-user-token';

interface ApiOverrides {
  registerApi?: Record<string, string>;
  approveApi?: Record<string, string>;
}

/** Serves the built app a `config.json` with both tokens, whatever `public/config.json` holds. */
export async function serveConfig(page: Page, overrides: ApiOverrides = {}): Promise<void> {
  const config = {
    registerApi: { url: '/api/v1/device_app_register/', token: REGISTER_TOKEN, deviceType: '', ...overrides.registerApi },
    approveApi: { url: '/devices/approve/', token: USER_TOKEN, deviceType: 'web', ...overrides.approveApi },
  };
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
}

/** A request as the server logged it, with the Authorization header cut to its last 4 characters. */
export interface LoggedApiRequest extends LoggedRequest {
  path: string;
  authorization: string | null;
}

/** The requests the server got for one endpoint, oldest first. */
export async function requestsTo(server: ReferenceServer, endpoint: LoggedRequest['endpoint']): Promise<LoggedApiRequest[]> {
  return (await apiRequests(server)).filter((request): request is LoggedApiRequest => request.endpoint === endpoint);
}

export async function makeMagicLink(server: ReferenceServer, lifetimeSeconds?: number): Promise<string> {
  const { link } = await server.admin<{ link: string }>('magic-links', { body: lifetimeSeconds === undefined ? {} : { lifetimeSeconds } });
  return link;
}

declare global {
  interface Window {
    __registrationTimes?: number[];
  }
}

/**
 * Records, in the page's (possibly fake) clock, when each registration request leaves: gaps
 * in virtual time are what the backoff promises, whatever the real time the test took.
 */
export async function recordRegistrationTimes(page: Page): Promise<() => Promise<number[]>> {
  await page.addInitScript(() => {
    const times: number[] = [];
    window.__registrationTimes = times;
    const original = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.indexOf('device_app_register') >= 0) times.push(Date.now());
      return original.call(this, input, init);
    };
  });
  return () => page.evaluate(() => window.__registrationTimes ?? []);
}

/** No console line may carry a token, password, device token or magic link. */
export function expectNoSecrets(messages: ConsoleMessage[], secrets: string[]): void {
  const text = messages.map((message) => message.text()).join('\n');
  expect(text).not.toMatch(/device_token_[0-9a-f]/);
  for (const secret of secrets) expect(text, 'a secret reached the console').not.toContain(secret);
}
