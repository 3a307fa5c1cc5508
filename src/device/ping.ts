import { parseUrl } from '../net/http';
import type { RequestFn } from './device-api';

/** "A few seconds" (CONTRACT §2): a ping that takes longer means the network is not usable. */
export const PING_TIMEOUT_MS = 4000;

/** Servers that refuse HEAD answer with one of these; the ping then asks with GET. */
const HEAD_REFUSED = new Set([405, 501]);

/**
 * A HEAD of `pingUrl` (GET where HEAD is refused), `cache: 'no-store'` via requestJson. Any
 * HTTP answer, even an error status, proves the network works; only no answer means offline.
 * A `pingUrl` on another origin than the page (always, for a packaged app on `file://`) is asked
 * in `no-cors` mode: a server that sends no CORS headers there (a bare 404) still answered, and
 * must not pass for a TV without network, which would stop every device check for good. Such an
 * answer is opaque, so a refused HEAD cannot be told apart; it counts as the answer it is.
 */
export function createPing(pingUrl: string, request: RequestFn, pageOrigin: string): () => Promise<boolean> {
  const mode = parseUrl(pingUrl)?.origin === pageOrigin ? 'cors' : 'no-cors';
  return async () => {
    const head = await request(pingUrl, { method: 'HEAD', timeoutMs: PING_TIMEOUT_MS, mode });
    if (head.kind === 'response' && !HEAD_REFUSED.has(head.status)) return true;
    if (head.kind === 'failure') return false;
    const get = await request(pingUrl, { method: 'GET', timeoutMs: PING_TIMEOUT_MS, mode });
    return get.kind === 'response';
  };
}
