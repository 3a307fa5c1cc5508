import { statusCode } from '../http/reply.js';
import type { ErrorShape } from './types.js';

/** The shape used by the registration backend, the ping, the admin API and unknown paths:
 * `{"error": "<code>", "detail": "<text>"}`. */
export const detailError: ErrorShape = (_ex, status, message, code) => ({
  error: code ?? statusCode(status),
  detail: message,
});
