/**
 * isnan / isinf / isfinite (every real dtype; integers are always finite), and the sign-bit
 * loops signbit / copysign, which read the float's sign bit through an Int32Array view so that
 * -0 and negative NaNs count. Assumes a little-endian platform (as every JS engine in use is).
 */
import { numPredicate, bigPredicate, f16Predicate, f16BitsPredicate, f16BitsBinary, everyInt, generatedEntry } from './build.js';
import type { LoopEntry, NumPredicate1 } from './types.js';

const isNaNValue: NumPredicate1 = (x) => x !== x;
const isInfinite: NumPredicate1 = (x) => x === Infinity || x === -Infinity;
const isFiniteValue: NumPredicate1 = (x) => x - x === 0;

function classify(ufunc: string, op: NumPredicate1, integerAnswer: boolean): LoopEntry[] {
  const constant = (): boolean => integerAnswer;
  return [
    numPredicate(ufunc, 'bool', constant),
    ...everyInt((d) => numPredicate(ufunc, d, constant), (d) => bigPredicate(ufunc, d, constant)),
    f16Predicate(ufunc, op),
    numPredicate(ufunc, 'float32', op),
    numPredicate(ufunc, 'float64', op),
  ];
}

export const classifyLoops: readonly LoopEntry[] = [
  ...classify('isnan', isNaNValue, false),
  ...classify('isinf', isInfinite, false),
  ...classify('isfinite', isFiniteValue, true),
  f16BitsPredicate('signbit', (bits) => (bits & 0x8000) !== 0),
  // float32/float64 sign-bit loops read the sign through an Int32Array view (generated, see build.ts)
  generatedEntry('signbit', ['float32', 'bool']),
  generatedEntry('signbit', ['float64', 'bool']),
  f16BitsBinary('copysign', (a, b) => (a & 0x7fff) | (b & 0x8000)),
  generatedEntry('copysign', ['float32', 'float32', 'float32']),
  generatedEntry('copysign', ['float64', 'float64', 'float64']),
];
