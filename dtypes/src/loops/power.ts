/** power: integer exponentiation by squaring with wraparound, and C `pow` semantics for floats. */
import { ValueError } from '@dtkit/core';
import type { BigDType } from './types.js';

const NEGATIVE_POWER = 'Integers to negative integer powers are not allowed.';

/**
 * int8..uint32: products modulo 2^32 (Math.imul) are exact modulo 2^width, so the TypedArray
 * store gives NumPy's wrapped result. NumPy raises ValueError for a negative exponent; so do we
 * (a DTKitError, code 'NEGATIVE_POWER'); the loop is flagged mayThrow, so `out` is written only on success.
 */
export function intPower(base: number, exponent: number): number {
  if (exponent < 0) throw new ValueError(NEGATIVE_POWER, 'NEGATIVE_POWER');
  let result = 1;
  let square = base;
  // `>>> 0` keeps uint32 exponents ≥ 2^31 positive while halving.
  for (let e = exponent >>> 0; e !== 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, square);
    square = Math.imul(square, square);
  }
  return result;
}

export function bigPower(dtype: BigDType): (base: bigint, exponent: bigint) => bigint {
  const wrap = dtype === 'int64' ? (x: bigint) => BigInt.asIntN(64, x) : (x: bigint) => BigInt.asUintN(64, x);
  return (base, exponent) => {
    if (exponent < 0n) throw new ValueError(NEGATIVE_POWER, 'NEGATIVE_POWER');
    let result = 1n;
    let square = base;
    for (let e = exponent; e !== 0n; e >>= 1n) {
      if (e & 1n) result = wrap(result * square);
      square = wrap(square * square);
    }
    return result;
  };
}

/** Math.pow differs from C pow only at these IEEE special cases (1^y and (-1)^±inf are 1 in C). */
export function floatPower(base: number, exponent: number): number {
  if (base === 1) return 1;
  if (base === -1 && (exponent === Infinity || exponent === -Infinity)) return 1;
  return Math.pow(base, exponent);
}
