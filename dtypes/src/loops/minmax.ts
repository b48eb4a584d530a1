/**
 * maximum / minimum propagate NaN (first NaN operand wins); fmax / fmin ignore a NaN operand.
 * Equal operands (only visible for ±0): NumPy's float32/float64 SIMD loops return the second
 * operand, its scalar float16 loop the first. (NumPy's own float32/64 answer for ±0 depends on the
 * memory layout; we follow the contiguous SIMD path.)
 */
import { numBinary, bigBinary, f16Binary, everyInt } from './build.js';
import type { LoopEntry, NumBinary, BigBinary } from './types.js';

const maximum: NumBinary = (a, b) => (a >= b || a !== a ? a : b);
const minimum: NumBinary = (a, b) => (a <= b || a !== a ? a : b);
const fmax: NumBinary = (a, b) => (a >= b || b !== b ? a : b);
const fmin: NumBinary = (a, b) => (a <= b || b !== b ? a : b);
const simdMaximum: NumBinary = (a, b) => (a > b || a !== a ? a : b);
const simdMinimum: NumBinary = (a, b) => (a < b || a !== a ? a : b);
const simdFmax: NumBinary = (a, b) => (a > b || b !== b ? a : b);
const simdFmin: NumBinary = (a, b) => (a < b || b !== b ? a : b);
const bigMax: BigBinary = (a, b) => (a >= b ? a : b);
const bigMin: BigBinary = (a, b) => (a <= b ? a : b);

function loopsFor(ufunc: string, op: NumBinary, big: BigBinary, simd: NumBinary): LoopEntry[] {
  return [
    numBinary(ufunc, 'bool', op),
    ...everyInt((d) => numBinary(ufunc, d, op), (d) => bigBinary(ufunc, d, big)),
    f16Binary(ufunc, op),
    numBinary(ufunc, 'float32', simd),
    numBinary(ufunc, 'float64', simd),
  ];
}

export const minMaxLoops: readonly LoopEntry[] = [
  ...loopsFor('maximum', maximum, bigMax, simdMaximum),
  ...loopsFor('minimum', minimum, bigMin, simdMinimum),
  ...loopsFor('fmax', fmax, bigMax, simdFmax),
  ...loopsFor('fmin', fmin, bigMin, simdFmin),
];
