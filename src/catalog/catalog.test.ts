import { describe, expect, it, vi } from 'vitest';
import { parseCatalog, visibleRails } from './catalog';
import { loadCatalog } from './load-catalog';

const tile = (id: string, extra: object = {}) => ({ id, title: `Title ${id}`, ...extra });

describe('parseCatalog', () => {
  it('reads rails and tiles with their optional fields', () => {
    const { catalog, warnings } = parseCatalog({
      rails: [{ id: 'r', title: 'Rail', layout: 'poster', flag: 'new_dashboard', tiles: [tile('a', { subtitle: 'Sub', description: 'Desc', comingSoon: true, art: { hue: 400, motif: 'peaks' } })] }],
    });
    expect(warnings).toEqual([]);
    expect(catalog.rails[0]).toEqual({
      id: 'r',
      title: 'Rail',
      layout: 'poster',
      flag: 'new_dashboard',
      tiles: [{ id: 'a', title: 'Title a', subtitle: 'Sub', description: 'Desc', comingSoon: true, art: { hue: 40, motif: 'peaks' } }],
    });
  });

  it('skips broken rails and tiles and says why, keeping the rest', () => {
    const { catalog, warnings } = parseCatalog({
      rails: [{ id: 'ok', title: 'OK', tiles: [tile('a'), { title: 'no id' }, 7] }, { id: 'empty', title: 'Empty', tiles: [] }, 'nonsense', { id: 'x', title: 'X' }],
    });
    expect(catalog.rails.map((rail) => rail.id)).toEqual(['ok']);
    expect(catalog.rails[0].tiles.map((t) => t.id)).toEqual(['a']);
    expect(warnings).toHaveLength(5);
  });

  it('says which tile has a mistake the viewer would otherwise never learn of: a comingSoon that is not true or false, art it cannot draw, an id twice', () => {
    const { catalog, warnings } = parseCatalog({
      rails: [{ id: 'r', title: 'R', tiles: [tile('a', { comingSoon: 'yes' }), tile('b', { art: { hue: 'red', motif: 'zigzag' } }), tile('a'), tile('c', { art: { hue: 400 } })] }],
    });
    expect(catalog.rails[0].tiles.map((t) => [t.id, t.comingSoon])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
    ]);
    expect(catalog.rails[0].tiles[2].art.hue).toBe(40);
    expect(warnings).toEqual([
      'rail r tile 0: comingSoon must be true or false; taken as false',
      'rail r tile 1: art takes a number hue and a motif (waves, circles, peaks, stripes); what is not is generated',
      'rail r: tile id a appears twice; the second is skipped',
    ]);
  });

  it('skips, with a warning, a rail whose flag is not a name, instead of showing it to everyone', () => {
    const { catalog, warnings } = parseCatalog({
      rails: [
        { id: 'number', title: 'N', flag: 123, tiles: [tile('a')] },
        { id: 'blank', title: 'B', flag: '  ', tiles: [tile('b')] },
        { id: 'named', title: 'F', flag: 'beta', tiles: [tile('c')] },
      ],
    });
    expect(catalog.rails.map((rail) => [rail.id, rail.flag])).toEqual([['named', 'beta']]);
    expect(warnings).toEqual(["rail number: flag must be a feature flag's name; skipped", "rail blank: flag must be a feature flag's name; skipped"]);
  });

  it('gives a tile without art the same generated artwork every time', () => {
    const first = parseCatalog({ rails: [{ id: 'r', title: 'R', tiles: [tile('same')] }] }).catalog.rails[0].tiles[0].art;
    const second = parseCatalog({ rails: [{ id: 'r', title: 'R', tiles: [tile('same')] }] }).catalog.rails[0].tiles[0].art;
    expect(first).toEqual(second);
    expect(first.hue).toBeGreaterThanOrEqual(0);
    expect(first.hue).toBeLessThan(360);
  });

  it('shows no rails for something that is not a catalogue', () => {
    expect(parseCatalog([1, 2]).catalog.rails).toEqual([]);
    expect(parseCatalog(null).warnings).toHaveLength(1);
  });
});

describe('visibleRails', () => {
  const { catalog } = parseCatalog({
    rails: [
      { id: 'always', title: 'Always', tiles: [tile('a')] },
      { id: 'flagged', title: 'Flagged', flag: 'new_dashboard', tiles: [tile('b')] },
    ],
  });
  const flags = (value: boolean | undefined) => ({ isEnabled: (name: string) => (name === 'new_dashboard' ? value : undefined) });

  it('shows a flagged rail only when the server set its flag to true', () => {
    expect(visibleRails(catalog, flags(true)).map((rail) => rail.id)).toEqual(['always', 'flagged']);
    expect(visibleRails(catalog, flags(false)).map((rail) => rail.id)).toEqual(['always']);
    expect(visibleRails(catalog, flags(undefined)).map((rail) => rail.id)).toEqual(['always']);
    expect(visibleRails(catalog, undefined).map((rail) => rail.id)).toEqual(['always']);
  });
});

describe('loadCatalog', () => {
  it('falls back to no rails, with a warning, when the file is missing or broken', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadCatalog(() => Promise.reject(new Error('HTTP 404')))).toEqual({ rails: [] });
    expect(await loadCatalog(() => Promise.resolve('{ not json'))).toEqual({ rails: [] });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
