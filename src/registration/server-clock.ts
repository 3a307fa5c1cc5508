/**
 * An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) as epoch milliseconds; undefined when the text
 * is not a date. Every TV engine's `Date.parse` reads the IMF-fixdate form servers send.
 */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * How far the server's clock is ahead of the TV's, from a response's `Date` header. Expiry and
 * Retry-After dates are the server's, and a TV clock can be hours off (never set, wrong zone).
 */
export function serverOffsetMs(serverDate: string | null | undefined, localNowMs: number): number | undefined {
  const serverMs = parseHttpDate(serverDate);
  return serverMs === undefined ? undefined : serverMs - localNowMs;
}
