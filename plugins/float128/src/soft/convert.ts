// Conversions between binary128 and JS numbers (float64), float32/float16 values, and bigint.
// Widening (f64 → f128) is exact; narrowing rounds once, RNE (IEEE 754-2019 §5.4.2),
// directly to the target precision (never via float64, avoiding double rounding).
import { packInf, packNaN, packZero } from './round-pack.js';
import { bitLength, roundFromBig, toParts } from './bigint-bridge.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian platform: U32[1] is the high word

/** Writes the exact binary128 value of a float64 (also exact for float32/float16 values). */
export function fromNumber(d: number, out: Uint32Array, oi: number): void {
  F64[0] = d;
  const lo = U32[0]!, hi = U32[1]!;
  const sign = hi & 0x80000000;
  const e = (hi >>> 20) & 0x7ff;
  let fhi = hi & 0xfffff, flo = lo;
  if (e === 0x7ff) {
    if ((fhi | flo) !== 0) {
      // Keep the payload (top bits) and force quiet, as hardware widening does.
      out[oi] = 0; out[oi + 1] = (flo << 28) >>> 0; out[oi + 2] = ((fhi << 28) | (flo >>> 4)) >>> 0;
      out[oi + 3] = (sign | 0x7fff8000 | (fhi >>> 4)) >>> 0;
    } else packInf(sign, out, oi);
    return;
  }
  let ex = e - 1023 + 16383;
  if (e === 0) {
    if ((fhi | flo) === 0) { packZero(sign, out, oi); return; }
    // Subnormal double: normalise the 52-bit fraction so its leading 1 becomes the hidden bit.
    const lz = fhi !== 0 ? Math.clz32(fhi) - 12 : Math.clz32(flo) + 20;
    const sh = lz + 1;
    if (sh >= 32) { fhi = flo << (sh - 32); flo = 0; } else { fhi = (fhi << sh) | (flo >>> (32 - sh)); flo = flo << sh; }
    fhi &= 0xfffff;
    ex = 1 - 1023 + 16383 - sh;
  }
  // 52-bit fraction moves to the top of the 112-bit fraction (shift left by 60).
  out[oi] = 0;
  out[oi + 1] = (flo << 28) >>> 0;
  out[oi + 2] = ((fhi << 28) | (flo >>> 4)) >>> 0;
  out[oi + 3] = (sign | (ex << 16) | (fhi >>> 4)) >>> 0;
}

/**
 * Rounds to a binary format with `p` significand bits, least exponent of a subnormal ulp
 * `minLsb`, and overflow threshold 2^(emax+1); returns the value as a JS number.
 */
export function toBinaryFormat(a: Uint32Array, ai: number, p: number, minLsb: number, emax: number): number {
  const hi = a[ai + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  const neg = (hi & 0x80000000) !== 0;
  if (e === 0x7fff) {
    const nan = ((hi & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) !== 0;
    return nan ? NaN : neg ? -Infinity : Infinity;
  }
  const { mant, exp } = toParts(a, ai);
  if (mant === 0n) return neg ? -0 : 0;
  const len = bitLength(mant);
  if (exp + len - 1 > emax) return neg ? -Infinity : Infinity;
  if (exp + len < minLsb - 1) return neg ? -0 : 0; // below half the smallest subnormal
  const lsb = Math.max(exp + len - p, minLsb);
  let q: bigint;
  if (lsb > exp) {
    const sh = BigInt(lsb - exp);
    q = mant >> sh;
    const rem = mant - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  } else q = mant << BigInt(exp - lsb);
  // q ≤ 2^p fits a double exactly; scale in two steps so 2^lsb itself never under/overflows.
  const h = Math.trunc(lsb / 2);
  let v = Number(q) * 2 ** h * 2 ** (lsb - h);
  if (v >= 2 ** (emax + 1)) v = Infinity;
  return neg ? -v : v;
}

/** One RNE rounding to float64; overflow → ±inf, underflow → ±0 (sign kept). */
export function toNumber(a: Uint32Array, ai: number): number {
  return toBinaryFormat(a, ai, 53, -1074, 1023);
}

/** One RNE rounding to the nearest float32 value (returned as a number). */
export function toFloat32(a: Uint32Array, ai: number): number {
  return toBinaryFormat(a, ai, 24, -149, 127);
}

/** One RNE rounding to the nearest float16 value (returned as a number). */
export function toFloat16(a: Uint32Array, ai: number): number {
  return toBinaryFormat(a, ai, 11, -24, 15);
}

/** Exact-rounded (RNE) conversion of any bigint. */
export function fromBigInt(v: bigint, out: Uint32Array, oi: number): void {
  if (v === 0n) { packZero(0, out, oi); return; }
  roundFromBig(v < 0n, v < 0n ? -v : v, 0, false, out, oi);
}

/** Truncates toward zero; throws RangeError for NaN and infinities. */
export function toBigInt(a: Uint32Array, ai: number): bigint {
  const hi = a[ai + 3]!;
  if (((hi >>> 16) & 0x7fff) === 0x7fff) throw new RangeError('cannot convert NaN or infinity to bigint');
  const { neg, mant, exp } = toParts(a, ai);
  const m = exp >= 0 ? mant << BigInt(exp) : mant >> BigInt(-exp);
  return neg ? -m : m;
}

/** Writes the default NaN (exported for callers that build values from scratch). */
export function writeNaN(out: Uint32Array, oi: number): void {
  packNaN(out, oi);
}
