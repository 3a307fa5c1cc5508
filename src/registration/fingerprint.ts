import type { RegisterApiConfig } from '../config/config';

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash. Only used to notice a change, so it
 * need not be cryptographic; the token goes in only as part of a longer mix, and the hash
 * alone cannot give it back.
 */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * Names "this backend, these settings and this app version" without keeping any secret, as
 * `<backend>.<everything>`. The parts answer different questions: a 409 says this TV is known to
 * that backend, so only another backend lifts it; a 400/401/422 is lifted, and a registration
 * renewed, by any change. Every setting counts (not only URL, token, username and version)
 * because a fixed password or `deviceType` is just as much a reason to try again.
 */
export function registrationFingerprint(api: RegisterApiConfig, appVersion: string): string {
  return `${cyrb53(api.url)}.${cyrb53(JSON.stringify([api.url, api.token, api.username, api.password, api.deviceType, appVersion]))}`;
}

/** The backend part; undefined for a fingerprint stored before fingerprints named the backend. */
function backendPart(fingerprint: string): string | undefined {
  const dot = fingerprint.indexOf('.');
  return dot < 0 ? undefined : fingerprint.slice(0, dot);
}

/** Whether the fingerprint says which backend it was made for (older stored ones do not). */
export function namesBackend(fingerprint: string): boolean {
  return backendPart(fingerprint) !== undefined;
}

/** Whether two fingerprints name the same registration backend (`registerApi.url`). */
export function sameBackend(a: string, b: string): boolean {
  const backend = backendPart(a);
  return backend !== undefined && backend === backendPart(b);
}
