/**
 * NumPy's float floor_divide / remainder (npy_divmod): Python semantics, the remainder takes
 * the sign of the divisor and the quotient is snapped so that a == q*b + r as closely as
 * possible. `round` is the identity for float64 and Math.fround for float32 (and float16,
 * which NumPy computes in float32), so every intermediate is rounded like the C code.
 */
import type { NumBinary } from './types.js';

type Rounder = (x: number) => number;

function copySignOfZero(sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -0 : 0;
}

export function makeFloorDivide(round: Rounder): NumBinary {
  return (a, b) => {
    if (b === 0) return round(a / b);
    const mod = a % b; // fmod: exact
    let div = round(round(a - mod) / b);
    if (mod !== 0) {
      if (b < 0 !== mod < 0) div = round(div - 1);
    }
    if (div !== 0) {
      let floorDiv = Math.floor(div);
      if (round(div - floorDiv) > 0.5) floorDiv = round(floorDiv + 1);
      return floorDiv;
    }
    return copySignOfZero(a / b);
  };
}

export function makeRemainder(round: Rounder): NumBinary {
  return (a, b) => {
    const mod = a % b;
    if (b === 0) return mod;
    if (mod !== 0) return b < 0 !== mod < 0 ? round(mod + b) : mod;
    return copySignOfZero(b);
  };
}

const identity: Rounder = (x) => x;
export const floorDivideF64 = makeFloorDivide(identity);
export const floorDivideF32 = makeFloorDivide(Math.fround);
export const remainderF64 = makeRemainder(identity);
export const remainderF32 = makeRemainder(Math.fround);
