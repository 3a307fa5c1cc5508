import { keyFromEvent } from '../navigation/key-map';

/**
 * True for the keys that leave the app from the ban screen — Back and Exit, by whatever code or
 * name the platform gives them (the shell's own key map) — every other key does nothing there.
 */
export function isLeaveKey(event: Pick<KeyboardEvent, 'key' | 'keyCode'>): boolean {
  const key = keyFromEvent(event);
  return key === 'back' || key === 'exit';
}
