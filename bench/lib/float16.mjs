// float32 -> float16 with round-to-nearest-even, on raw bits (hand-written reference loop).
// Follows F. Giesen, "float_to_half_fast3_rtne" (https://gist.github.com/rygorous/2156668),
// with an integer path for half subnormals to avoid double rounding through float64.

const F32_INF_BITS = 0x7f800000;
const F16_OVERFLOW_BITS = 0x47800000; // 2^16 as float32: at or above this, the half is inf (or NaN)
const F16_MIN_NORMAL_BITS = 0x38800000; // 2^-14 as float32: below this the half is subnormal or zero
const REBIAS = (15 - 127) << 23; // exponent bias change float32 -> float16, kept in place
const HALF_ULP_MINUS_ONE = 0xfff; // 13 dropped mantissa bits: 0x1000 is half an ulp

export function float32BitsToFloat16Bits(bits) {
  const sign = (bits >>> 16) & 0x8000;
  const abs = bits & 0x7fffffff;
  if (abs >= F16_OVERFLOW_BITS) return sign | (abs > F32_INF_BITS ? 0x7e00 : 0x7c00);
  if (abs >= F16_MIN_NORMAL_BITS) {
    const mantissaOdd = (abs >>> 13) & 1; // ties go to even
    return sign | ((abs + REBIAS + HALF_ULP_MINUS_ONE + mantissaOdd) >>> 13);
  }
  return sign | subnormalMagnitude(abs);
}

/** |x| < 2^-14: the half is q * 2^-24 with q = round(|x| / 2^-24), ties to even. */
function subnormalMagnitude(abs) {
  const exponent = abs >>> 23;
  if (exponent === 0) return 0; // float32 subnormals are far below 2^-25
  const shift = 126 - exponent; // |x| / 2^-24 = significand * 2^-shift
  if (shift > 24) return 0;
  const significand = (abs & 0x7fffff) | 0x800000;
  const q = significand >>> shift;
  const rest = significand & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (q & 1) === 1) ? q + 1 : q;
}
