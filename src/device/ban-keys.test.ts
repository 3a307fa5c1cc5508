import { describe, expect, it } from 'vitest';
import { isLeaveKey } from './ban-keys';

describe('isLeaveKey', () => {
  it('lets every Back and Exit key leave the ban screen, by code or by name', () => {
    const leaving = [
      { key: 'Unidentified', keyCode: 10009 }, // Tizen Back
      { key: 'Unidentified', keyCode: 461 }, // webOS Back
      { key: 'Unidentified', keyCode: 10182 }, // Tizen Exit
      { key: 'XF86Back', keyCode: 0 },
      { key: 'XF86Exit', keyCode: 0 },
      { key: 'Exit', keyCode: 0 },
      { key: 'GoBack', keyCode: 0 },
      { key: 'Escape', keyCode: 27 },
      { key: 'Backspace', keyCode: 8 },
    ];
    expect(leaving.filter((event) => !isLeaveKey(event))).toEqual([]);
  });

  it('does nothing for the other keys', () => {
    const staying = [
      { key: 'ArrowUp', keyCode: 38 },
      { key: 'Enter', keyCode: 13 },
      { key: 'Unidentified', keyCode: 404 },
      { key: 'MediaPlayPause', keyCode: 10252 },
      { key: 'a', keyCode: 65 },
    ];
    expect(staying.filter((event) => isLeaveKey(event))).toEqual([]);
  });
});
