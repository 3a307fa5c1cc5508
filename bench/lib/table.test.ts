import { describe, expect, it } from 'vitest';
import { judged, kb, markdownTable, ms, textTable, unavailable } from './table';

describe('bench table', () => {
  const rows = [judged('initial JS (gzip)', '19.4 KB', '≤ 25 KB', true), unavailable('old engine start-up', '—', 'waiting on tests/engines')];

  it('aligns the columns for the terminal', () => {
    const lines = textTable(rows).split('\n');
    expect(lines[0]).toMatch(/^metric\s+value\s+budget\s+pass\/fail$/);
    const budgetColumn = lines[0].indexOf('budget');
    expect(lines[2].indexOf('≤ 25 KB')).toBe(budgetColumn);
    expect(lines[3]).toContain('n/a (waiting on tests/engines)');
  });

  it('writes a markdown table with one row per metric and escaped pipes', () => {
    const markdown = markdownTable([judged('a|b', '1', '2', false)]);
    expect(markdown.split('\n')).toEqual(['| metric | value | budget | pass/fail |', '| --- | --- | --- | --- |', '| a\\|b | 1 | 2 | fail |']);
  });

  it('formats sizes in kilobytes of 1000 bytes and durations by magnitude', () => {
    expect(kb(25_000)).toBe('25.0 KB');
    expect(ms(15.96)).toBe('16.0 ms');
    expect(ms(1234.4)).toBe('1234 ms');
  });
});
