import fc from 'fast-check';
import { expect } from 'vitest';

/** Keys that pollute prototypes when a parser copies or merges them carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'] as const;

/** Markup a server (or a config author) could slip into text the app shows. */
export const MARKUP = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '</p><b>x</b>', 'javascript:alert(1)'] as const;

/** Property runs are thousands of cases on a shared 2-core machine: give them room. */
export const PROPERTY_TIMEOUT_MS = 120_000;

/** A string from a broken or hostile server: ordinary, binary (lone surrogates, NULs), markup, or (rarely) huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '\u0000', '\n\r\t', 'null', 'NaN', '1e400', '-0', '{"a":', ...POLLUTING_KEYS, ...MARKUP) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 300_000 }).map((length) => 'x'.repeat(length)) },
);

type Tree = null | boolean | number | string | { raw: string } | Tree[] | { entries: Array<[string, Tree]> };

/** JSON text for a tree; `raw` numbers (`1e400`, `-0`) are kept as written, as a server might send them. */
function toJsonText(tree: Tree): string {
  if (tree === null || typeof tree !== 'object') return typeof tree === 'number' && !Number.isFinite(tree) ? 'null' : JSON.stringify(tree);
  if (Array.isArray(tree)) return `[${tree.map(toJsonText).join(',')}]`;
  if ('raw' in tree) return tree.raw;
  return `{${tree.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJsonText(value)}`).join(',')}}`;
}

/**
 * Any JSON value exactly as `JSON.parse` hands it over: polluting keys are own properties (the
 * way a hostile body delivers them), numbers include 1e400 (Infinity) and -0, strings are hostile.
 * `keys` and `values` bias it toward the fields a parser reads, so the interesting paths are hit.
 */
export function hostileJson(keys: readonly string[] = [], values: readonly unknown[] = []): fc.Arbitrary<unknown> {
  const key = fc.oneof({ weight: 3, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.string() }, fc.constantFrom(...POLLUTING_KEYS), fc.string());
  const leaf: fc.Arbitrary<Tree> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom<Tree>({ raw: '1e400' }, { raw: '-1e400' }, { raw: '-0' }, { raw: '1e-400' }),
    hostileString,
    ...(values.length ? [fc.constantFrom(...(values as Tree[]))] : []),
  );
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('tree')), { maxLength: 6 }).map((entries) => ({ entries })),
    ),
  }));
  return tree.map((value) => JSON.parse(toJsonText(value)) as unknown);
}

const baseline = (target: object): string[] => Object.getOwnPropertyNames(target).sort();
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const before = PROTOTYPES.map(baseline);

/** Fails when anything was added to a built-in prototype since this module loaded. */
export function expectPrototypesClean(): void {
  expect(PROTOTYPES.map(baseline)).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Every string anywhere inside `value` (keys included), for "was this secret echoed" checks. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => allStrings(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      allStrings(item, out);
    }
  }
  return out;
}
