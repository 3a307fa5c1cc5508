import { describe, expect, it } from 'vitest';
import { bytesBySource, sourceGroup } from './source-bytes';

describe('bytesBySource', () => {
  it('credits each span of the bundle to the source its mapping names', () => {
    // Line 0: "aaaabbb" — col 0 from source 0, col 4 from source 1. Line 1: "ccc" — col 0 source 0.
    // Segments: AAAA = [0,0,0,0]; ICAA = [4,1,0,0] (col +4, source +1); ADAA = [0,-1,0,0] on the next line.
    const code = 'aaaabbb\nccc';
    const totals = bytesBySource(code, { sources: ['one.ts', 'two.ts'], mappings: 'AAAA,ICAA;ADAA' });
    expect(Object.fromEntries(totals)).toEqual({ 'one.ts': 7, 'two.ts': 3 });
  });

  it('counts what no mapping covers as generated', () => {
    const totals = bytesBySource('xxabc', { sources: ['a.ts'], mappings: 'EAAA' });
    expect(Object.fromEntries(totals)).toEqual({ '(generated)': 2, 'a.ts': 3 });
  });
});

describe('sourceGroup', () => {
  it('groups by package, scoped or not, and by app folder', () => {
    expect(sourceGroup('../../node_modules/@lit/reactive-element/css-tag.js')).toBe('@lit/reactive-element');
    expect(sourceGroup('../../node_modules/lit-html/lit-html.js')).toBe('lit-html');
    expect(sourceGroup('../../src/navigation/focus-dom.ts')).toBe('src/navigation');
    expect(sourceGroup('../../src/main.ts')).toBe('src');
  });
});
