/** Every remote-control key the shell understands, whatever the platform's codes for it. */
export type TvKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'enter'
  | 'back'
  | 'exit'
  | 'red'
  | 'green'
  | 'yellow'
  | 'blue'
  | 'play'
  | 'pause'
  | 'play-pause'
  | 'stop'
  | 'rewind'
  | 'fast-forward';

/** Standard `KeyboardEvent.key` names: desktop keyboards, media keyboards, newer TV engines. */
const BY_NAME: Readonly<Record<string, TvKey>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Up: 'up',
  Down: 'down',
  Left: 'left',
  Right: 'right',
  Enter: 'enter',
  Escape: 'back',
  Backspace: 'back',
  GoBack: 'back',
  BrowserBack: 'back',
  XF86Back: 'back',
  XF86Exit: 'exit',
  Exit: 'exit',
  ColorF0Red: 'red',
  ColorF1Green: 'green',
  ColorF2Yellow: 'yellow',
  ColorF3Blue: 'blue',
  MediaPlay: 'play',
  MediaPause: 'pause',
  MediaPlayPause: 'play-pause',
  MediaStop: 'stop',
  MediaRewind: 'rewind',
  MediaFastForward: 'fast-forward',
};

/**
 * Legacy key codes: TV engines often report `key` as "Unidentified" and only the code is
 * reliable. Tizen: 10009 Back, 10182 Exit, media keys; webOS: 461 Back; both: colours 403–406.
 */
const BY_CODE: Readonly<Record<number, TvKey>> = {
  38: 'up',
  40: 'down',
  37: 'left',
  39: 'right',
  13: 'enter',
  27: 'back',
  8: 'back',
  10009: 'back',
  461: 'back',
  10182: 'exit',
  403: 'red',
  404: 'green',
  405: 'yellow',
  406: 'blue',
  415: 'play',
  19: 'pause',
  10252: 'play-pause',
  413: 'stop',
  412: 'rewind',
  417: 'fast-forward',
};

/** The part of a KeyboardEvent the map reads (so plain objects work in tests). */
export interface KeyInput {
  key?: string;
  keyCode?: number;
}

/**
 * Which remote key a keydown is. `editingText` keeps Backspace for deleting characters while a
 * text field has focus; the remote's own Back key still means Back there.
 */
export function keyFromEvent(event: KeyInput, editingText = false): TvKey | undefined {
  const byName = event.key ? BY_NAME[event.key] : undefined;
  const key = byName ?? (event.keyCode ? BY_CODE[event.keyCode] : undefined);
  if (editingText && key === 'back' && (event.key === 'Backspace' || (!byName && event.keyCode === 8))) return undefined;
  return key;
}

/** True for the four arrows. */
export function isArrow(key: TvKey): key is 'up' | 'down' | 'left' | 'right' {
  return key === 'up' || key === 'down' || key === 'left' || key === 'right';
}
