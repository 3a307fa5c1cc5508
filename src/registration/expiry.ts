import { BACKOFF } from './backoff';

/** Renew once less than this share of the registration's lifetime remains. */
export const RENEW_WHEN_REMAINING = 0.1;

/**
 * When to renew a registration, in server time. Never sooner than a backoff base after the
 * answer arrived: a server granting an already-expired registration must not cause a loop.
 */
export function renewalDueServerMs(issuedAtServerMs: number, expiresAtServerMs: number, answeredAtServerMs: number): number {
  const lifetime = expiresAtServerMs - issuedAtServerMs;
  return Math.max(answeredAtServerMs + BACKOFF.baseMs, expiresAtServerMs - lifetime * RENEW_WHEN_REMAINING);
}
