/**
 * IEEE 754 binary16 <-> JS number, bit-level, with a single round-to-nearest-even from float64.
 * Layout: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** Decodes binary16 bits (0..0xffff) to the exactly equal number. */
export function f16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal: frac × 2^-24
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}

/**
 * Rounds a number to binary16 once (round half to even) and returns its bits.
 * Overflow gives ±inf; NaN gives a quiet NaN with the sign kept.
 */
export function numberToF16Bits(x: number): number {
  f64[0] = x;
  const hi = u32[HI]!;
  const lo = u32[LO]!;
  const sign = (hi >>> 16) & 0x8000;
  const e64 = (hi >>> 20) & 0x7ff;
  if (e64 === 0x7ff) {
    return (hi & 0xfffff) | lo ? sign | 0x7e00 : sign | 0x7c00;
  }
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00; // ≥ max + half ulp rounds to inf
  // Scale to units of the target ulp, so that rounding the product to an integer rounds to f16.
  // For normal f16 (a ≥ 2^-14) the ulp is 2^(e-10); for subnormals it is 2^-24.
  const e = e64 - 1023;
  const ulpExp = e < -14 ? -24 : e - 10;
  const scaled = a * 2 ** -ulpExp; // exact: a power-of-two scaling within range
  let m = Math.floor(scaled);
  const rest = scaled - m;
  if (rest > 0.5 || (rest === 0.5 && (m & 1) === 1)) m += 1;
  // m is the significand in units of 2^ulpExp; rebuild bits (a carry into the next binade works out).
  if (ulpExp === -24) return sign | m; // subnormal (m may reach 1024 = smallest normal, still correct)
  return sign | (((ulpExp + 25) << 10) + (m - 1024));
}
