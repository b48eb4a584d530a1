/**
 * Integer ↔ float128 element conversions without BigInt: 64-bit integers are read and written
 * as two uint32 halves through a Uint32Array view of the BigInt64Array (one view per loop call).
 */
import { fromNumber } from '../soft/index.js';

/** Exact float128 of the 64-bit integer hi·2^32 + lo (two's complement when `signed`). */
export function int64ToLanes(lo: number, hi: number, signed: boolean, out: Uint32Array, oi: number): void {
  let neg = false;
  if (signed && hi >>> 31 !== 0) {
    // Negate in two's complement to get the magnitude.
    neg = true;
    lo = (~lo + 1) >>> 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
  }
  if (hi < 0x200000) {
    // Below 2^53: exact as a double.
    fromNumber(neg ? -(hi * 4294967296 + lo) : hi * 4294967296 + lo, out, oi);
    return;
  }
  // Normalise so the leading 1 is bit 63, then place bits 62..0 at the top of the fraction.
  const lz = Math.clz32(hi);
  if (lz > 0) {
    hi = ((hi << lz) | (lo >>> (32 - lz))) >>> 0;
    lo = (lo << lz) >>> 0;
  }
  const exp = 16383 + 63 - lz;
  // Fraction bits 111..0 = (hi bits 30..0)(lo bits 31..0) followed by zeros.
  out[oi + 3] = ((neg ? 0x80000000 : 0) | (exp << 16) | ((hi >>> 15) & 0xffff)) >>> 0;
  out[oi + 2] = ((hi << 17) | (lo >>> 15)) >>> 0;
  out[oi + 1] = (lo << 17) >>> 0;
  out[oi] = 0;
}

/**
 * 32 bits of the integer significand (hidden bit included) of u[i..] starting at bit `from`
 * (may be negative: zeros are shifted in from below).
 */
function significandBits(u: Uint32Array, i: number, from: number): number {
  const word = from >> 5;
  const bit = from & 31;
  const low = significandWord(u, i, word) >>> bit;
  return (bit === 0 ? low : low | (significandWord(u, i, word + 1) << (32 - bit))) >>> 0;
}

/** Word k of the 113-bit integer significand (hidden bit set in word 3); 0 outside 0..3. */
function significandWord(u: Uint32Array, i: number, k: number): number {
  if (k < 0 || k > 3) return 0;
  return k === 3 ? (u[i + 3]! & 0xffff) | 0x10000 : u[i + k]!;
}

/**
 * trunc(x) modulo 2^64, as [lo, hi] uint32 halves in `out` (two's complement for negatives).
 * NaN and ±inf give 0 (like JS ToInt32). Every integer target wraps modulo 2^bits: a decision
 * (C leaves it undefined, NumPy's result is platform-dependent), matching JS typed-array stores.
 */
export function truncToInt64(u: Uint32Array, i: number, out: Uint32Array): void {
  const w3 = u[i + 3]!;
  const field = (w3 >>> 16) & 0x7fff;
  const e = field - 16383;
  if (field === 0x7fff || e < 0 || e >= 112 + 64) { out[0] = 0; out[1] = 0; return; }
  // Integer bit j is significand bit j + (112 − e).
  const shift = 112 - e;
  let lo = significandBits(u, i, shift);
  let hi = significandBits(u, i, shift + 32);
  if (w3 >>> 31 !== 0) {
    lo = (~lo + 1) >>> 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
  }
  out[0] = lo;
  out[1] = hi;
}
