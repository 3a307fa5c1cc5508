/** Back on Tizen (10009) and webOS (461), the remote's Exit (10182), Escape and Backspace on a desktop. */
const LEAVE_KEY_CODES = new Set([10009, 461, 10182, 27, 8]);
const LEAVE_KEYS = new Set(['Escape', 'Backspace', 'GoBack', 'BrowserBack', 'XF86Back', 'Exit']);

/** True for the keys that leave the app from the ban screen; every other key does nothing there. */
export function isLeaveKey(event: Pick<KeyboardEvent, 'key' | 'keyCode'>): boolean {
  return LEAVE_KEY_CODES.has(event.keyCode) || LEAVE_KEYS.has(event.key);
}
