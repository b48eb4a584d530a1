/**
 * Shared helpers for the bit-level minifloat loops: word order of binary64 in memory, the
 * round-to-integer magic constant, and cached integer aliases over float arrays.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the high (sign/exponent) 32-bit word of a binary64 in a Uint32Array alias. */
export const F64_HI = LITTLE_ENDIAN ? 1 : 0;
/** Index of the low 32-bit word of a binary64 in a Uint32Array alias. */
export const F64_LO = LITTLE_ENDIAN ? 0 : 1;

/**
 * 2^52: for 0 ≤ y < 2^52, (y + 2^52) − 2^52 is y rounded to an integer, ties to even, because
 * the sum's ulp is 1 and binary64 addition rounds to nearest even (IEEE 754 §4.3.1).
 */
export const RNE_MAGIC = 4503599627370496;

// Integer aliases per float array, so repeated calls on the same array do not allocate.
// Weak keys: an alias never keeps its array's memory alive.
const f32Aliases = new WeakMap<Float32Array, Int32Array>();
const f64Aliases = new WeakMap<Float64Array, Int32Array>();

/**
 * The float32 elements of `a` as raw 32-bit patterns (same memory). Signed on purpose: V8 keeps
 * int32 values unboxed, while Uint32Array reads ≥ 2^31 (every negative float) become doubles.
 */
export function float32Bits(a: Float32Array): Int32Array {
  let alias = f32Aliases.get(a);
  if (alias === undefined || alias.length !== a.length) {
    alias = new Int32Array(a.buffer, a.byteOffset, a.length);
    f32Aliases.set(a, alias);
  }
  return alias;
}

/** The float64 elements of `a` as pairs of 32-bit words (use F64_HI / F64_LO), signed as above. */
export function float64Words(a: Float64Array): Int32Array {
  let alias = f64Aliases.get(a);
  if (alias === undefined || alias.length !== 2 * a.length) {
    alias = new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
    f64Aliases.set(a, alias);
  }
  return alias;
}
