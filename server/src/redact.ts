/** Secrets that reach the server (tokens, passwords, magic links) are shown to testers
 * only as their last four characters: enough to tell two apart, useless to an onlooker. */
export function lastFour(secret: string): string {
  // Four characters of a short secret are most of it: then only its length.
  return secret.length > 8 ? `…${secret.slice(-4)}` : `(${secret.length} characters)`;
}

/** A token as the start-up banner prints it: the built-in default in full (it is public in
 * the app's config.json anyway), a custom one only by its tail, since the banner ends up in
 * terminal scrollback and CI logs. */
export function shownToken(token: string, builtIn: string): string {
  return token === builtIn ? token : lastFour(token);
}

const APPROVE_PATH = /^(\/devices\/approve\/)([^?#]+)/;

/** A request path or URL for logs: a magic link in an approve path keeps only its tail. */
export function redactPath(path: string): string {
  return path.replace(APPROVE_PATH, (_match, prefix: string, link: string) => prefix + lastFour(link));
}

const SECRET_KEY = /token|secret|push_key/i;

/** A copy of a parsed request body that is safe to show on the admin page and in logs:
 * a password shows only that it was sent, token-like values keep only their tail. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (/password/i.test(key)) out[key] = '[redacted]';
    else if (SECRET_KEY.test(key) && typeof item === 'string') out[key] = lastFour(item);
    else out[key] = redactBody(item);
  }
  return out;
}

/** `Authorization: Bearer abcdef123` → `Bearer …f123`; absent → null. */
export function redactAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const space = header.indexOf(' ');
  if (space < 0) return lastFour(header);
  return `${header.slice(0, space)} ${lastFour(header.slice(space + 1).trim())}`;
}
