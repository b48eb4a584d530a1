/** Comparison loops (→ bool), including NumPy 2's exact int64 ↔ uint64 loops. */
import type { LoopData } from '@dtkit/core';
import { numCompare, bigCompare, f16Compare, everyInt } from './build.js';
import type { Idx, LoopEntry, NumPredicate2, BigPredicate2 } from './types.js';

interface Comparison {
  readonly ufunc: string;
  readonly num: NumPredicate2;
  readonly big: BigPredicate2;
}

/** bigint comparisons are exact across signedness, so one kernel serves qQ->? and Qq->?. */
function compareMixedBig(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigPredicate2): void {
  const a = data[0] as BigInt64Array | BigUint64Array, b = data[1] as BigInt64Array | BigUint64Array;
  const out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

const COMPARISONS: readonly Comparison[] = [
  { ufunc: 'equal', num: (a, b) => a === b, big: (a, b) => a === b },
  { ufunc: 'not_equal', num: (a, b) => a !== b, big: (a, b) => a !== b },
  { ufunc: 'less', num: (a, b) => a < b, big: (a, b) => a < b },
  { ufunc: 'less_equal', num: (a, b) => a <= b, big: (a, b) => a <= b },
  { ufunc: 'greater', num: (a, b) => a > b, big: (a, b) => a > b },
  { ufunc: 'greater_equal', num: (a, b) => a >= b, big: (a, b) => a >= b },
];

function loopsFor({ ufunc, num, big }: Comparison): LoopEntry[] {
  return [
    numCompare(ufunc, 'bool', num),
    ...everyInt((d) => numCompare(ufunc, d, num), (d) => bigCompare(ufunc, d, big)),
    { ufunc, dtypes: ['int64', 'uint64', 'bool'], loop: (n, d, o, s) => compareMixedBig(n, d, o, s, big) },
    { ufunc, dtypes: ['uint64', 'int64', 'bool'], loop: (n, d, o, s) => compareMixedBig(n, d, o, s, big) },
    f16Compare(ufunc, num),
    numCompare(ufunc, 'float32', num),
    numCompare(ufunc, 'float64', num),
  ];
}

export const comparisonLoops: readonly LoopEntry[] = COMPARISONS.flatMap(loopsFor);
