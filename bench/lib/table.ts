/** A row's verdict: `info` rows have no budget; `n/a` rows could not be measured (value says why). */
export type Verdict = 'pass' | 'fail' | 'info' | 'n/a';

/** One line of the bench table. */
export interface Row {
  /** What was measured, and how (throttle, sample). */
  metric: string;
  /** The measurement, or `n/a (why)`. */
  value: string;
  /** The budget, or `—`. */
  budget: string;
  verdict: Verdict;
}

/** A row that could not be measured: never a number, always the reason. */
export function unavailable(metric: string, budget: string, reason: string): Row {
  return { metric, value: `n/a (${reason})`, budget, verdict: 'n/a' };
}

/** A row judged against a budget. */
export function judged(metric: string, value: string, budget: string, pass: boolean): Row {
  return { metric, value, budget, verdict: pass ? 'pass' : 'fail' };
}

/** A row with no budget: context for the rows that have one. */
export function info(metric: string, value: string): Row {
  return { metric, value, budget: '—', verdict: 'info' };
}

const HEADER = ['metric', 'value', 'budget', 'pass/fail'];
const cells = (row: Row): string[] => [row.metric, row.value, row.budget, row.verdict];

/** The table for a terminal: columns padded to their widest cell. */
export function textTable(rows: readonly Row[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const format = (line: string[]): string => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [format(HEADER), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map((row) => format(cells(row)))].join('\n');
}

/** The same table as GitHub markdown, for the README. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (values: string[]): string => `| ${values.map(escape).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((row) => line(cells(row)))].join('\n');
}

/** `1234` → `1.2 KB`: kilobytes of 1000 bytes, as the size anchors are quoted. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Milliseconds with one decimal below 100 ms, whole above. */
export function ms(value: number): string {
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}
