/**
 * Scalar encode/decode between JS numbers (binary64) and any MinifloatFormat, with exactly one
 * roundTiesToEven (IEEE 754-2019 §4.3.1) from the binary64 value.
 */
import { minifloatBits, type MinifloatFormat, type MinifloatOverflow } from './minifloat-format.js';
import { F64_HI, RNE_MAGIC } from './minifloat-views.js';

const scratchF64 = new Float64Array(1);
const scratchU32 = new Uint32Array(scratchF64.buffer);

const F64_EXP_MASK = 0x7ff;
const F64_EXP_BIAS = 1023;

/**
 * [+NaN, −NaN]. `-NaN` in source may be folded to a positive NaN, and an optimising compiler
 * may canonicalise NaN constants, so the pair lives in a typed array and is read at run time.
 */
const NAN_BY_SIGN = new Float64Array(2);
{
  const words = new Uint32Array(NAN_BY_SIGN.buffer);
  words[F64_HI] = 0x7ff80000;
  words[2 + F64_HI] = 0xfff80000;
}

/** Decodes a format's bit pattern to the exactly equal number (NaN patterns: NaN, sign kept). */
export function decodeMinifloat(bits: number, fmt: MinifloatFormat): number {
  const d = minifloatBits(fmt);
  const m = fmt.mantBits;
  const negative = (bits & d.signBit) !== 0;
  const mag = bits & d.magMask;
  const expField = mag >>> m;
  const fraction = mag & ((1 << m) - 1);
  let value: number;
  if (mag > d.maxBits) {
    // Beyond the largest finite pattern: inf (IEEE, fraction 0) or NaN (§3.4 d/e).
    // NaN keeps its sign so that re-encoding gives a NaN of the same sign.
    if (mag === d.infBits) value = Infinity;
    else return NAN_BY_SIGN[negative ? 1 : 0]!;
  } else if (expField === 0) {
    value = fraction * 2 ** (d.minExp - m); // subnormal: no implicit leading 1 (§3.4 d)
  } else {
    value = ((1 << m) + fraction) * 2 ** (expField - fmt.bias - m); // implicit leading 1
  }
  return negative ? -value : value;
}

/**
 * Rounds `x` once to the format (ties to even) and returns the bit pattern.
 * NaN → quiet NaN with the sign kept. Overflow → ±inf (NaN for formats without inf), or the
 * largest finite value of that sign with `'saturate'`; ±inf also saturates in that mode.
 */
export function encodeMinifloat(
  x: number,
  fmt: MinifloatFormat,
  overflow: MinifloatOverflow = 'inf',
): number {
  const d = minifloatBits(fmt);
  const m = fmt.mantBits;
  scratchF64[0] = x;
  const hi = scratchU32[F64_HI]!;
  const sign = hi >>> 31 === 1 ? d.signBit : 0;
  if (x !== x) return sign | d.quietNanBits;
  const tooBig = sign | (overflow === 'saturate' ? d.maxBits : d.overflowCode);
  const a = Math.abs(x);
  if (a === Infinity) return tooBig;
  // Unbiased binary64 exponent; binary64 subnormals (field 0) are far below every minifloat and
  // take the subnormal branch, where scaling stays exact.
  const e = ((hi >>> 20) & F64_EXP_MASK) - F64_EXP_BIAS;
  if (e > d.maxExp) return tooBig;
  // Express a in units of the target ulp at its binade (the subnormal ulp below the normal
  // range). Power-of-two scaling is exact, so adding the magic constant performs the one and
  // only rounding (ties to even), giving an integer significand 0 ≤ q ≤ 2^(m+1).
  const binade = e < d.minExp ? d.minExp : e;
  const q = a * 2 ** (m - binade) + RNE_MAGIC - RNE_MAGIC;
  // (biased exponent − 1) · 2^m + q: for normals q carries the implicit 1 into the exponent
  // field; for subnormals the field is 0 and q is the fraction. A carry out of the top fraction
  // bit correctly bumps the exponent (q = 2^(m+1)).
  const mag = (binade + fmt.bias - 1) * 2 ** m + q;
  if (mag >= d.overflowBits) return tooBig;
  return sign | mag;
}

/** Rounds an integer (any size) once to the format; see {@link encodeMinifloat}. */
export function bigintToMinifloat(
  x: bigint,
  fmt: MinifloatFormat,
  overflow: MinifloatOverflow = 'inf',
): number {
  const negative = x < 0n;
  const mag = negative ? -x : x;
  let value: number;
  if (mag <= 0x1fffffffffffffn) {
    value = Number(mag); // ≤ 2^53 − 1: exact
  } else {
    // Keep the top 52 bits plus a sticky bit for everything below them: a 53-bit value that
    // converts to a number exactly. The sticky bit lies far below the rounding position of any
    // minifloat (≤ 11 significant bits), so rounding this value rounds like the full integer.
    const shift = BigInt(mag.toString(2).length - 52);
    const top = mag >> shift;
    const sticky = (mag & ((1n << shift) - 1n)) === 0n ? 0n : 1n;
    value = Number((top << 1n) | sticky) * 2 ** (Number(shift) - 1); // may become inf: overflow
  }
  return encodeMinifloat(negative ? -value : value, fmt, overflow);
}

/**
 * Fills `table[code]` with every code's value. NaN codes are written as bit patterns (quiet NaN
 * of the code's sign) so that no engine NaN canonicalisation can drop the sign.
 */
export function fillDecodeTable(table: Float32Array, fmt: MinifloatFormat): void {
  const d = minifloatBits(fmt);
  const tableBits = new Uint32Array(table.buffer, table.byteOffset, table.length);
  for (let code = 0; code < table.length; code++) {
    const value = decodeMinifloat(code, fmt);
    if (value === value) table[code] = value;
    else tableBits[code] = (code & d.signBit) !== 0 ? 0xffc00000 : 0x7fc00000;
  }
}
