import { ADMIN_PAGE } from '../admin/page.js';
import { detailError } from './errors.js';
import type { Route } from './types.js';

/** The page may only run its own inline script and talk to this server; no other site may
 * frame it, which would let that site click its buttons for the tester. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function adminPageRoutes(): Route[] {
  return [
    {
      patterns: ['/admin', '/admin/'],
      errorShape: detailError,
      methods: {
        GET: () => ({
          status: 200,
          body: ADMIN_PAGE,
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
        }),
      },
    },
  ];
}
