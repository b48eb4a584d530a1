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

/** One-entry cache so repeated calls on the same array do not allocate a fresh alias. */
let lastF32: Float32Array | undefined;
let lastF32Bits: Int32Array = new Int32Array(0);
let lastF64: Float64Array | undefined;
let lastF64Bits: Int32Array = new Int32Array(0);

/**
 * The float32 elements of `a` as raw 32-bit patterns (same memory). Signed on purpose: V8 keeps
 * int32 values unboxed, while Uint32Array reads ≥ 2^31 (every negative float) become doubles.
 */
export function float32Bits(a: Float32Array): Int32Array {
  if (a !== lastF32 || lastF32Bits.length !== a.length) {
    lastF32 = a;
    lastF32Bits = new Int32Array(a.buffer, a.byteOffset, a.length);
  }
  return lastF32Bits;
}

/** The float64 elements of `a` as pairs of 32-bit words (use F64_HI / F64_LO), signed as above. */
export function float64Words(a: Float64Array): Int32Array {
  if (a !== lastF64 || lastF64Bits.length !== a.length * 2) {
    lastF64 = a;
    lastF64Bits = new Int32Array(a.buffer, a.byteOffset, a.length * 2);
  }
  return lastF64Bits;
}
