import { parseHttpDate } from './server-clock';

/** A broken or hostile header must not park the TV for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * RFC 9110's three HTTP-date forms. Only these: `Date.parse` also reads garbage such as "x 2030"
 * or "Retry 10" as dates, which would park the TV for a day instead of the usual backoff.
 */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850_DATE = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/** The header as text `Date.parse` reads in GMT, or undefined when it is no HTTP date. */
function httpDateText(value: string): string | undefined {
  if (IMF_FIXDATE.test(value) || RFC_850_DATE.test(value)) return value;
  // asctime carries no zone, and `Date.parse` would read it in the TV's own.
  return ASCTIME_DATE.test(value) ? `${value} GMT` : undefined;
}

/**
 * `Retry-After` as a wait in milliseconds: delta-seconds, or an HTTP date measured against the
 * server's clock (never the TV's). Undefined when absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(header: string | null | undefined, serverNowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Number(value) * 1000);
  const at = parseHttpDate(httpDateText(value));
  if (at === undefined) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - serverNowMs));
}
