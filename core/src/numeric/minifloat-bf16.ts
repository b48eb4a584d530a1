/**
 * Bulk strided bfloat16 conversions. bfloat16 is the top half of a binary32 (same sign and
 * 8-bit exponent, 7 of the 23 fraction bits), so most steps are shifts on the binary32 pattern.
 * Offsets and strides count elements. Every narrowing rounds once, ties to even (IEEE 754 §4.3.1).
 */
import type { MinifloatOverflow } from './minifloat-format.js';
import { F64_HI, F64_LO, RNE_MAGIC, float32Bits, float64Words } from './minifloat-views.js';

const F32_ABS_MASK = 0x7fffffff;
const F32_INF = 0x7f800000;
const BF16_INF = 0x7f80;
const BF16_MAX = 0x7f7f;
const BF16_QUIET_NAN = 0x7fc0; // quiet bit = top fraction bit (IEEE 754 §6.2.1)
/** Dropped low bits when going binary32 → bfloat16. */
const F32_DROP = 16;
/** Half an output ulp minus one, in binary32 pattern units: rounding bias for ties-to-even. */
const F32_HALF_MINUS_ONE = 0x7fff;

const F64_ABS_HI_MASK = 0x7fffffff;
const F64_INF_HI = 0x7ff00000;
/** binary64 → bfloat16 exponent rebias, (1023 − 127) << 20, in high-word units. */
const F64_REBIAS_HI = (1023 - 127) << 20;
/** High word of 2^-126, the smallest normal bfloat16. */
const F64_BF16_MIN_NORMAL_HI = (1023 - 126) << 20;
/** Dropped low bits of the (rebiased) high word: its 20 fraction bits minus bfloat16's 7. */
const F64_DROP = 13;
const F64_HALF_MINUS_ONE = (1 << (F64_DROP - 1)) - 1;
/** Scales a bfloat16 subnormal to an integer count of 2^-133, its ulp. */
const BF16_SUBNORMAL_SCALE = 2 ** 133;

/** binary32 → bfloat16, one rounding. NaN → quiet NaN (sign kept). */
export function float32ToBFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const bits = float32Bits(src);
  const tooBig = overflow === 'saturate' ? BF16_MAX : BF16_INF;
  // Written as selects rather than if/continue: V8 then emits straight-line code for the loop.
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const a = u & F32_ABS_MASK;
    // Add just under half an ulp, plus 1 when the kept lsb is odd (so an exact tie goes to
    // even), then truncate. Subnormals need no special case: binary32 and bfloat16 share the
    // exponent encoding. A carry may ripple into the exponent, up to the inf pattern, which
    // is also where ±inf lands.
    const r = (a + F32_HALF_MINUS_ONE + ((a >>> F32_DROP) & 1)) >>> F32_DROP;
    const mag = a > F32_INF ? BF16_QUIET_NAN : r >= BF16_INF ? tooBig : r;
    dst[t] = ((u >>> 16) & 0x8000) | mag;
  }
}

/** binary64 → bfloat16 with a single rounding (no intermediate binary32). */
export function float64ToBFloat16(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const words = float64Words(src);
  const saturate = overflow === 'saturate';
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const hi = words[2 * s + F64_HI]!;
    const lo = words[2 * s + F64_LO]!;
    const sign = (hi >>> 16) & 0x8000;
    const a = hi & F64_ABS_HI_MASK;
    let r: number;
    if (a >= F64_INF_HI) {
      if (a > F64_INF_HI || lo !== 0) {
        dst[t] = sign | BF16_QUIET_NAN;
        continue;
      }
      r = BF16_INF; // ±inf: saturated below if asked
    } else if (a >= F64_BF16_MIN_NORMAL_HI) {
      // Rebias the exponent in place; all 7 kept fraction bits and the round bit are in the
      // high word. The low word only matters as "anything nonzero below": fold it into bit 0
      // (a sticky bit, far below the round bit) so a near-tie is not mistaken for a tie.
      const v = (a - F64_REBIAS_HI) | (lo !== 0 ? 1 : 0);
      r = (v + F64_HALF_MINUS_ONE + ((v >>> F64_DROP) & 1)) >>> F64_DROP;
    } else {
      // bfloat16 subnormal range: count ulps of 2^-133 (exact scaling) and round to an integer.
      const x = src[s]!;
      r = (x < 0 ? -x : x) * BF16_SUBNORMAL_SCALE + RNE_MAGIC - RNE_MAGIC;
    }
    if (r >= BF16_INF) r = saturate ? BF16_MAX : BF16_INF;
    dst[t] = sign | r;
  }
}

/** bfloat16 → binary32, exact (NaN payloads carried over). */
export function bfloat16ToFloat32(
  n: number, src: Uint16Array, srcOff: number, srcStride: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): void {
  const out = float32Bits(dst);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    out[t] = src[s]! << F32_DROP;
  }
}

let bf16Table: Float32Array | undefined;

/** Every bfloat16 code's value as a binary32 (built on first use). */
export function bfloat16DecodeTable(): Float32Array {
  if (bf16Table === undefined) {
    const table = new Float32Array(0x10000);
    const tableBits = new Uint32Array(table.buffer);
    for (let code = 0; code < 0x10000; code++) tableBits[code] = code << F32_DROP;
    bf16Table = table;
  }
  return bf16Table;
}

/** bfloat16 → binary64, exact. */
export function bfloat16ToFloat64(
  n: number, src: Uint16Array, srcOff: number, srcStride: number,
  dst: Float64Array, dstOff: number, dstStride: number,
): void {
  const table = bfloat16DecodeTable();
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}
