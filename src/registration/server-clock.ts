/**
 * An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) as epoch milliseconds; undefined when the value
 * is not a date. Every TV engine's `Date.parse` reads the IMF-fixdate form servers send. Takes
 * `unknown` because body fields are whatever the server sent: `Date.parse` throws on an object
 * whose `toString` is not callable.
 */
export function parseHttpDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * How far the server's clock is ahead of the TV's, from a response's `Date` header. Expiry and
 * Retry-After dates are the server's, and a TV clock can be hours off (never set, wrong zone).
 */
export function serverOffsetMs(serverDate: unknown, localNowMs: number): number | undefined {
  const serverMs = parseHttpDate(serverDate);
  return serverMs === undefined ? undefined : serverMs - localNowMs;
}
