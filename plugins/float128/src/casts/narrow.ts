/**
 * Allocation-free narrowing of one float128 element to a binary float format (float64/32/16),
 * one RNE rounding straight from the 113-bit significand (no double rounding via float64).
 * The soft/ `toNumber` is equivalent but goes through BigInt (allocates), too slow for bulk casts.
 */

/** Target format: significand bits, exponent of the smallest subnormal ulp, largest exponent. */
export interface BinaryFormat {
  readonly precision: number;
  readonly minLsb: number;
  readonly emax: number;
}

export const F64_FORMAT: BinaryFormat = { precision: 53, minLsb: -1074, emax: 1023 };
export const F32_FORMAT: BinaryFormat = { precision: 24, minLsb: -149, emax: 127 };
export const F16_FORMAT: BinaryFormat = { precision: 11, minLsb: -24, emax: 15 };

const TWO_28 = 0x10000000;

/** 2^e for any e in [-1100, 1100] without intermediate under/overflow (exact). */
function pow2(e: number): number {
  const h = e >> 1;
  return 2 ** h * 2 ** (e - h);
}

/** The float128 at u[i..i+3] rounded to `f`, as a JS number (exactly representable in `f`). */
export function narrow128(u: Uint32Array, i: number, f: BinaryFormat): number {
  const w3 = u[i + 3]!, w2 = u[i + 2]!, w1 = u[i + 1]!, w0 = u[i]!;
  const neg = w3 >>> 31 !== 0;
  const field = (w3 >>> 16) & 0x7fff;
  if (field === 0x7fff) return ((w3 & 0xffff) | w2 | w1 | w0) !== 0 ? NaN : neg ? -Infinity : Infinity;
  // float128 subnormals (and zeros) are far below every target's range: they become ±0.
  if (field === 0) return neg ? -0 : 0;
  const e = field - 16383;
  if (e > f.emax) return neg ? -Infinity : Infinity;
  // Top 53 significand bits as an exact integer; the 60 bits below only decide rounding.
  const top = ((w3 & 0xffff) | 0x10000) * 2 ** 36 + w2 * 16 + (w1 >>> 28);
  const restHi = w1 & (TWO_28 - 1);
  const kept = Math.min(f.precision, e - f.minLsb + 1);
  if (kept < 0) return neg ? -0 : 0;
  const drop = 53 - kept;
  let q: number;
  if (drop === 0) {
    q = top;
    const half = TWO_28 >>> 1;
    if (restHi > half || (restHi === half && (w0 !== 0 || top % 2 === 1))) q += 1;
  } else {
    const unit = 2 ** drop;
    q = Math.floor(top / unit);
    const rem = top - q * unit;
    const half = unit / 2;
    const sticky = (restHi | w0) !== 0;
    if (rem > half || (rem === half && (sticky || q % 2 === 1))) q += 1;
  }
  // q·2^lsb is representable (or exactly 2^(emax+1), which the target store turns into inf).
  let v = q * pow2(e - kept + 1);
  if (v >= 2 ** (f.emax + 1)) v = Infinity;
  return neg ? -v : v;
}
