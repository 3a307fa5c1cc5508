import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { watchCsp } from './support/csp';

/** A CSP as directive → sources, lower-cased. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().toLowerCase().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Script only from the app's own files: no inline code, no eval, no remote or data: scripts, no plugins. */
function expectStrictScriptPolicy(policy: string): void {
  const parsed = directives(policy);
  const scriptSrc = parsed.get('script-src') ?? parsed.get('default-src');
  expect(scriptSrc, 'script-src (or default-src)').toBeDefined();
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(scriptSrc, `script-src allows ${loose}`).not.toContain(loose);
  expect(parsed.get('object-src')).toEqual(["'none'"]);
  expect(parsed.has('base-uri'), 'base-uri is pinned').toBe(true);
}

test('the built page carries a strict CSP, runs under it cleanly, and it blocks inline script and eval', async ({ page, server }) => {
  const violations = await watchCsp(page);
  await page.goto(server.url);
  await expect(page.locator('tv-app')).toBeVisible();
  expect(await violations(), 'the app itself needs nothing the policy forbids').toEqual([]);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expectStrictScriptPolicy(policy ?? '');

  const ran = await page.evaluate(async () => {
    const flags = window as unknown as Record<string, unknown>;
    const evalViolation = new Promise<void>((resolve) => document.addEventListener('securitypolicyviolation', (event) => event.blockedURI === 'eval' && resolve()));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.appendChild(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__handlerRan = true');
    // Listeners run in the order they were added: by this one, the onerror attribute's handler has had its turn.
    const imageFailed = new Promise((resolve) => img.addEventListener('error', resolve));
    img.src = 'data:image/png;base64,broken';
    document.body.appendChild(img);
    // A string timer is compiled by the page itself (DevTools' own evaluation is exempt from CSP).
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
    // Timers with the same delay run in the order they were set: by this one, the string timer has run if it could.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await imageFailed;
    const result = { inline: flags.__inlineRan === true, handler: flags.__handlerRan === true, eval: flags.__evalRan === true };
    // Not run, so it was blocked: the policy reports that as an eval violation.
    if (!result.eval) await evalViolation;
    return result;
  });
  expect(ran).toEqual({ inline: false, handler: false, eval: false });
  await expect.poll(violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
});

test('the Tizen package declares the same strict script policy', () => {
  const manifest = readFileSync(new URL('../../tizen/config.xml', import.meta.url), 'utf8');
  const policy = /<tizen:content-security-policy>([^<]*)<\/tizen:content-security-policy>/.exec(manifest)?.[1];
  expect(policy, 'tizen/config.xml has a <tizen:content-security-policy>').toBeTruthy();
  expectStrictScriptPolicy(policy!);
});

/** Plain-HTTP API URLs to another host, written the ways a browser's URL parser accepts. */
const INSECURE = ['http://api.example.com', 'http:\\\\api.example.com', 'http://api.example.com\\@localhost'];

for (const baseUrl of INSECURE) {
  test(`a production build refuses the plain-HTTP API URL ${JSON.stringify(baseUrl)} with a clear console error`, async ({ page, server, consoleMessages }) => {
    const sentInClear: string[] = [];
    await page.route('http://api.example.com/**', (route) => {
      sentInClear.push(route.request().url());
      return route.abort();
    });
    await page.route('**/config.json', (route) => route.fulfill({ json: { deviceApi: { baseUrl }, pingUrl: `${baseUrl}/api/ping` } }));
    const checksAtServer = async (): Promise<number> => (await server.admin<{ requestCounts: Record<string, number> }>('state')).requestCounts.check ?? 0;
    await page.goto(server.url);
    // Either the defaults stood in (checks reach the app's own origin) or requests went out in clear text.
    await expect.poll(async () => sentInClear.length + (await checksAtServer())).toBeGreaterThan(0);
    expect(sentInClear, 'API requests sent over plain HTTP').toEqual([]);
    const errors = consoleMessages.filter((message) => message.type() === 'error').map((message) => message.text());
    expect(errors.join('\n')).toMatch(/deviceApi\.baseUrl.*https:\/\//);
  });
}

test('plain HTTP to this machine stays allowed', async ({ page, server, consoleMessages }) => {
  const local = server.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
  await page.route('**/config.json', (route) => route.fulfill({ json: { deviceApi: { baseUrl: local } } }));
  await page.goto(server.url);
  await expect.poll(async () => (await server.admin<{ requestCounts: Record<string, number> }>('state')).requestCounts.check ?? 0).toBeGreaterThan(0);
  expect(consoleMessages.filter((message) => message.type() === 'error' && message.text().includes('https://'))).toEqual([]);
});
