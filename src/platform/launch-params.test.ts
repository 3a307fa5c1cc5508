import { describe, expect, it } from 'vitest';
import { parseLaunchJson, queryLaunchParams, toLaunchParams } from './launch-params';

describe('launch parameters', () => {
  it('reads the page query', () => {
    expect(queryLaunchParams('?magicLink=a%2Fb&x=1')).toEqual({ magicLink: 'a/b', x: '1' });
  });

  it('keeps scalar values as text and drops structured ones', () => {
    expect(toLaunchParams({ a: 'x', b: 2, c: true, d: { e: 1 }, f: null })).toEqual({ a: 'x', b: '2', c: 'true' });
    expect(toLaunchParams(['x'])).toEqual({});
  });

  it('reads nothing from missing or broken JSON', () => {
    expect(parseLaunchJson('{"magicLink":"m"}')).toEqual({ magicLink: 'm' });
    for (const text of [undefined, '', '{broken', '"text"', 'null']) expect(parseLaunchJson(text)).toEqual({});
  });
});
