/**
 * Bitwise loops and shifts. Results are computed on int32/bigint and the TypedArray store
 * truncates to the dtype's width. Shift counts outside [0, width) give 0, or -1 for a right
 * shift of a negative value (NumPy's npy_lshift / npy_rshift, not C's undefined behaviour).
 */
import { numBinary, numUnary, bigBinary, bigUnary, everyInt } from './build.js';
import { INT_WIDTH, isSigned } from './types.js';
import type { BigDType, IntDType, LoopEntry, NumBinary, BigBinary } from './types.js';

function leftShift(width: number): NumBinary {
  return (a, b) => (b >= 0 && b < width ? a << b : 0);
}
function rightShift(dt: IntDType): NumBinary {
  const width = INT_WIDTH[dt];
  if (!isSigned(dt)) return (a, b) => (b < width ? a >>> b : 0);
  return (a, b) => (b >= 0 && b < width ? a >> b : a < 0 ? -1 : 0);
}
const bigLeftShift: BigBinary = (a, b) => (b >= 0n && b < 64n ? a << b : 0n);
function bigRightShift(dt: BigDType): BigBinary {
  // BigInt >> is arithmetic (floor), which is also right for uint64 values (all non-negative).
  return isSigned(dt)
    ? (a, b) => (b >= 0n && b < 64n ? a >> b : a < 0n ? -1n : 0n)
    : (a, b) => (b < 64n ? a >> b : 0n);
}

function simple(ufunc: string, num: NumBinary, big: BigBinary): LoopEntry[] {
  return [numBinary(ufunc, 'bool', num), ...everyInt((d) => numBinary(ufunc, d, num), (d) => bigBinary(ufunc, d, big))];
}

export const bitwiseLoops: readonly LoopEntry[] = [
  ...simple('bitwise_and', (a, b) => a & b, (a, b) => a & b),
  ...simple('bitwise_or', (a, b) => a | b, (a, b) => a | b),
  ...simple('bitwise_xor', (a, b) => a ^ b, (a, b) => a ^ b),
  numUnary('invert', 'bool', (a) => a ^ 1), // bool invert is logical not
  ...everyInt((d) => numUnary('invert', d, (a) => ~a), (d) => bigUnary('invert', d, (a) => ~a)),
  ...everyInt((d) => numBinary('left_shift', d, leftShift(INT_WIDTH[d])), (d) => bigBinary('left_shift', d, bigLeftShift)),
  ...everyInt((d) => numBinary('right_shift', d, rightShift(d)), (d) => bigBinary('right_shift', d, bigRightShift(d))),
];
