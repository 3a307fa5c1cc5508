/** The parts of a source map v3 the attribution reads. */
export interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one mapping segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * How many characters of `code` each source produced: every mapped span runs from its segment
 * to the next one (or the end of the line). Unmapped spans count as `(generated)`: bundler
 * glue, helpers and the code the es2017 lowering adds (`?.`, `??`, class fields).
 */
export function bytesBySource(code: string, map: SourceMap): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (source: string, count: number): void => {
    if (count > 0) totals.set(source, (totals.get(source) ?? 0) + count);
  };
  const lines = code.split('\n');
  let sourceIndex = 0;
  map.mappings.split(';').forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    let spanStart = 0;
    let spanSource = '(generated)';
    for (const segment of mappingLine ? mappingLine.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0];
      add(spanSource, column - spanStart);
      if (fields.length > 1) sourceIndex += fields[1];
      spanStart = column;
      spanSource = fields.length > 1 ? (map.sources[sourceIndex] ?? '(generated)') : '(generated)';
    }
    add(spanSource, line.length - spanStart);
  });
  return totals;
}

/** `…/node_modules/@lit/reactive-element/x.js` → `@lit/reactive-element`; `…/src/navigation/x.ts` → `src/navigation`. */
export function sourceGroup(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return inPackage[1];
  const inApp = /(?:^|\/)(src\/[^/]+)\//.exec(source);
  if (inApp) return inApp[1];
  return /(?:^|\/)src\/[^/]+$/.test(source) ? 'src' : source;
}
