/** logical_and / or / xor / not: any nonzero (NaN included) is true; output is bool. */
import { numCompare, numPredicate, bigCompare, bigPredicate, f16Compare, f16Predicate, everyInt } from './build.js';
import type { LoopEntry, NumPredicate2, BigPredicate2 } from './types.js';

const and: NumPredicate2 = (a, b) => a !== 0 && b !== 0;
const or: NumPredicate2 = (a, b) => a !== 0 || b !== 0;
const xor: NumPredicate2 = (a, b) => (a !== 0) !== (b !== 0);
const bigAnd: BigPredicate2 = (a, b) => a !== 0n && b !== 0n;
const bigOr: BigPredicate2 = (a, b) => a !== 0n || b !== 0n;
const bigXor: BigPredicate2 = (a, b) => (a !== 0n) !== (b !== 0n);

function binary(ufunc: string, num: NumPredicate2, big: BigPredicate2): LoopEntry[] {
  return [
    numCompare(ufunc, 'bool', num),
    ...everyInt((d) => numCompare(ufunc, d, num), (d) => bigCompare(ufunc, d, big)),
    f16Compare(ufunc, num),
    numCompare(ufunc, 'float32', num),
    numCompare(ufunc, 'float64', num),
  ];
}

const isZero = (a: number): boolean => a === 0;

export const logicalLoops: readonly LoopEntry[] = [
  ...binary('logical_and', and, bigAnd),
  ...binary('logical_or', or, bigOr),
  ...binary('logical_xor', xor, bigXor),
  numPredicate('logical_not', 'bool', isZero),
  ...everyInt((d) => numPredicate('logical_not', d, isZero), (d) => bigPredicate('logical_not', d, (a) => a === 0n)),
  f16Predicate('logical_not', isZero),
  numPredicate('logical_not', 'float32', isZero),
  numPredicate('logical_not', 'float64', isZero),
];
