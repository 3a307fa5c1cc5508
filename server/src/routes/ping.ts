import { emptyReply, jsonReply } from '../http/reply.js';
import { detailError } from './errors.js';
import type { Route } from './types.js';

/** The app's online probe (CONTRACT §2): HEAD first, GET where HEAD is refused. */
export function pingRoutes(): Route[] {
  return [
    {
      endpoint: 'ping',
      patterns: ['/api/ping'],
      errorShape: detailError,
      methods: {
        HEAD: () => emptyReply(204),
        GET: () => jsonReply(200, { ok: true }),
      },
    },
  ];
}
