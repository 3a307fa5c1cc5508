import type { RequestFn } from './device-api';

/** "A few seconds" (CONTRACT §2): a ping that takes longer means the network is not usable. */
export const PING_TIMEOUT_MS = 4000;

/** Servers that refuse HEAD answer with one of these; the ping then asks with GET. */
const HEAD_REFUSED = new Set([405, 501]);

/**
 * A HEAD of `pingUrl` (GET where HEAD is refused), `cache: 'no-store'` via requestJson. Any
 * HTTP answer, even an error status, proves the network works; only no answer means offline.
 */
export function createPing(pingUrl: string, request: RequestFn): () => Promise<boolean> {
  return async () => {
    const head = await request(pingUrl, { method: 'HEAD', timeoutMs: PING_TIMEOUT_MS });
    if (head.kind === 'response' && !HEAD_REFUSED.has(head.status)) return true;
    if (head.kind === 'failure') return false;
    const get = await request(pingUrl, { method: 'GET', timeoutMs: PING_TIMEOUT_MS });
    return get.kind === 'response';
  };
}
