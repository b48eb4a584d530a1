/**
 * nextafter and spacing, stepping the IEEE 754 bit pattern by one unit in the last place
 * (little-endian word order, as classify.ts). float32/float64 follow C nextafter and NumPy's
 * npy_spacing (`_next(x, +1) - x`: one step away from zero, ±0 → the smallest subnormal, inf →
 * NaN); float16 follows NumPy's own npy_half_nextafter / npy_half_spacing on the 16 bits, which
 * differ: nextafter(x, y) with x == y returns x, and spacing is never negative (for a negative
 * power of two it is the gap toward zero). The generated float32/float64 loops inline copies of
 * the first four functions (dtypes/scripts/gen-loops.mjs).
 */
import type { NumBinary, NumUnary } from './types.js';

const f64 = new Float64Array(1);
const w64 = new Int32Array(f64.buffer);
const f32 = new Float32Array(1);
const w32 = new Int32Array(f32.buffer);

/** x moved one ulp away from zero (|x| larger; max → ±inf). x finite and nonzero. */
function awayF64(x: number): number {
  f64[0] = x;
  const lo = (w64[0]! + 1) | 0;
  w64[0] = lo;
  if (lo === 0) w64[1] = (w64[1]! + 1) | 0; // carry into the high word (sign bit untouched)
  return f64[0]!;
}
function towardZeroF64(x: number): number {
  f64[0] = x;
  const lo = w64[0]!;
  w64[0] = (lo - 1) | 0;
  if (lo === 0) w64[1] = (w64[1]! - 1) | 0;
  return f64[0]!;
}

export const nextafterF64: NumBinary = (x, y) => {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  return y > x === x > 0 ? awayF64(x) : towardZeroF64(x);
};
export const spacingF64: NumUnary = (x) => {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return 5e-324;
  return awayF64(x) - x;
};

const MIN_SUBNORMAL_F32 = 1.401298464324817e-45; // 2^-149
export const nextafterF32: NumBinary = (x, y) => {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? MIN_SUBNORMAL_F32 : -MIN_SUBNORMAL_F32;
  f32[0] = x;
  w32[0] = y > x === x > 0 ? w32[0]! + 1 : w32[0]! - 1;
  return f32[0]!;
};
export const spacingF32: NumUnary = (x) => {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return MIN_SUBNORMAL_F32;
  f32[0] = x;
  w32[0] = w32[0]! + 1;
  return Math.fround(f32[0]! - x);
};

const H_SIGN = 0x8000, H_EXP = 0x7c00, H_FRAC = 0x03ff, H_NAN = 0x7e00, H_PINF = 0x7c00;
const isNaNBits = (h: number): boolean => (h & 0x7fff) > H_EXP;

/** npy_half_nextafter on binary16 bit patterns. */
export const nextafterF16Bits: NumBinary = (x, y) => {
  if (isNaNBits(x) || isNaNBits(y)) return H_NAN;
  if (x === y || ((x | y) & 0x7fff) === 0) return x; // equal values (±0 included): x
  if ((x & 0x7fff) === 0) return (y & H_SIGN) + 1;
  if ((x & H_SIGN) === 0) {
    // x > 0: toward y is down when y < x (as signed 16-bit integers: a negative y is below)
    return (y << 16 >> 16) < x ? x - 1 : x + 1;
  }
  return (y & H_SIGN) === 0 || (x & 0x7fff) > (y & 0x7fff) ? x - 1 : x + 1;
};

/** npy_half_spacing on binary16 bit patterns (always a non-negative gap). */
export const spacingF16Bits: NumUnary = (h) => {
  const exp = h & H_EXP, frac = h & H_FRAC;
  if (exp === H_EXP) return H_NAN;
  if (h === 0x7bff) return H_PINF;
  if ((h & H_SIGN) !== 0 && frac === 0) { // negative power of two: the gap toward zero
    if (exp > 0x2c00) return exp - 0x2c00;
    if (exp > 0x0400) return 1 << ((exp >> 10) - 2);
    return 0x0001;
  }
  if (exp > 0x2800) return exp - 0x2800;
  if (exp > 0x0400) return 1 << ((exp >> 10) - 1);
  return 0x0001;
};
