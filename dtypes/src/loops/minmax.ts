/** maximum / minimum propagate NaN (first NaN operand wins); fmax / fmin ignore a NaN operand. */
import { numBinary, bigBinary, f16Binary, everyInt } from './build.js';
import type { LoopEntry, NumBinary, BigBinary } from './types.js';

const maximum: NumBinary = (a, b) => (a >= b || a !== a ? a : b);
const minimum: NumBinary = (a, b) => (a <= b || a !== a ? a : b);
const fmax: NumBinary = (a, b) => (a >= b || b !== b ? a : b);
const fmin: NumBinary = (a, b) => (a <= b || b !== b ? a : b);
const bigMax: BigBinary = (a, b) => (a >= b ? a : b);
const bigMin: BigBinary = (a, b) => (a <= b ? a : b);

function loopsFor(ufunc: string, op: NumBinary, big: BigBinary): LoopEntry[] {
  return [
    numBinary(ufunc, 'bool', op),
    ...everyInt((d) => numBinary(ufunc, d, op), (d) => bigBinary(ufunc, d, big)),
    f16Binary(ufunc, op),
    numBinary(ufunc, 'float32', op),
    numBinary(ufunc, 'float64', op),
  ];
}

export const minMaxLoops: readonly LoopEntry[] = [
  ...loopsFor('maximum', maximum, bigMax),
  ...loopsFor('minimum', minimum, bigMin),
  ...loopsFor('fmax', fmax, bigMax),
  ...loopsFor('fmin', fmin, bigMin),
];
