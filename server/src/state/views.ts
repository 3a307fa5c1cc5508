import { lastFour, redactBody } from '../redact.js';
import type { Store } from './store.js';

/** What the admin page and `GET /admin/api/state` show: no device token beyond its last four
 * characters, no password (never stored), push tokens redacted. */
export function stateView(store: Store, now = Date.now()) {
  const { settings, devices, registrations, magicLinks, approvals } = store.state;
  return {
    settings,
    devices: devices.map((device) => ({ ...device, approved: store.isApproved(device.key) })),
    registrations: registrations.map(({ device_token, request, ...registration }) => ({
      ...registration,
      installation_id: request['installation_id'] ?? null,
      mac_addr: request['mac_addr'] ?? null,
      generic_id: request['generic_id'] ?? null,
      device_id: request['device_id'] ?? null,
      device_token_tail: lastFour(device_token),
      expired: Date.parse(registration.expires_at) <= now,
      request: redactBody(request),
    })),
    magicLinks: magicLinks.map((link) => ({ ...link, expired: Date.parse(link.expires_at) <= now })),
    approvals,
  };
}
