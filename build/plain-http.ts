import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApiOrigin } from './packaged-config.ts';

/**
 * The hosts a production build calls over plain http without asking: this machine. The same
 * list as src/config/secure-urls.ts, which decides at run time (build/plain-http.test.ts checks
 * they agree).
 */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** `TV_ALLOW_HTTP=1`: the opt-in for a test package that calls a plain-http API on another machine. */
export const ALLOW_HTTP = 'TV_ALLOW_HTTP';

/** Whether `origin` is plain http to another machine, which a production build refuses. */
export function isRemotePlainHttp(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname);
}

/**
 * What vite.config.ts bakes in as `__TV_TEST_HTTP_ORIGIN__`, the one plain-http origin on another
 * machine the built app accepts: TV_API_ORIGIN when TV_ALLOW_HTTP=1 and that is such an origin,
 * else `''` (none: `npm run build` and every release stay https-only). The packager, not this,
 * explains a TV_API_ORIGIN it cannot use.
 */
export function testHttpOrigin(env: NodeJS.ProcessEnv): string {
  const raw = env['TV_API_ORIGIN'];
  if (env[ALLOW_HTTP] !== '1' || !raw) return '';
  try {
    const origin = parseApiOrigin(raw);
    return isRemotePlainHttp(origin) ? origin : '';
  } catch {
    return '';
  }
}

/** Every .js file under `dir`. */
const scriptsUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));

/**
 * Whether the build in `distDir` was made to accept the plain-http `origin`: its scripts carry
 * the baked-in origin. A build made without it refuses every URL of the packaged config.json.
 */
export function buildAcceptsHttpOrigin(distDir: string, origin: string): boolean {
  // As a whole string literal, in whichever quotes the minifier chose: `http://192.168.1.1` is
  // part of `http://192.168.1.10:8787` but not that build's origin.
  const literals = ['"', "'", '`'].map((quote) => quote + origin + quote);
  return scriptsUnder(distDir).some((file) => {
    const script = readFileSync(file, 'utf8');
    return literals.some((literal) => script.includes(literal));
  });
}
