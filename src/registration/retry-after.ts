import { parseHttpDate } from './server-clock';

/** A broken or hostile header must not park the TV for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * `Retry-After` as a wait in milliseconds: delta-seconds, or an HTTP date measured against the
 * server's clock (never the TV's). Undefined when absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(header: string | null | undefined, serverNowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Number(value) * 1000);
  // An HTTP date names a day or month; `Date.parse` alone would also read "-5" as a year.
  const at = /[a-z]/i.test(value) ? parseHttpDate(value) : undefined;
  if (at === undefined) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - serverNowMs));
}
