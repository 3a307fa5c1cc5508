/** Device identifiers arrive as `A1B2C3D4E5F6`, `a1:b2:…` or `A1-B2-…` depending on the
 * client's `macFormat`; they all name the same device, so lookups use this key. The form
 * the client sent is kept separately for display. */
export function deviceKey(identifier: string): string {
  return identifier.trim().replace(/[:-]/g, '').toUpperCase();
}

/** Seed 002 asks for MAC addresses "in standard format"; the app sends the colon form. */
export function isColonMac(value: string): boolean {
  return /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/.test(value);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
