/**
 * Bulk strided IEEE 754 binary16 conversions (1 sign, 5 exponent bits with bias 15, 10 fraction
 * bits). Offsets and strides count elements. Narrowing rounds once, ties to even (§4.3.1).
 */
import { FLOAT16, type MinifloatOverflow } from './minifloat-format.js';
import { decodeMinifloat } from './minifloat-scalar.js';
import { F64_HI, F64_LO, RNE_MAGIC, float32Bits, float64Words } from './minifloat-views.js';

const F16_INF = 0x7c00;
const F16_MAX = 0x7bff;
const F16_QUIET_NAN = 0x7e00; // quiet bit = top fraction bit (IEEE 754 §6.2.1)
/** Scales a binary16 subnormal to an integer count of 2^-24, its ulp. */
const F16_SUBNORMAL_SCALE = 2 ** 24;

const F32_ABS_MASK = 0x7fffffff;
const F32_INF = 0x7f800000;
/** binary32 → binary16 exponent rebias, (127 − 15) << 23, in pattern units. */
const F32_REBIAS = (127 - 15) << 23;
/** Pattern of 2^-14, the smallest normal binary16. */
const F32_F16_MIN_NORMAL = (127 - 14) << 23;
/** Dropped fraction bits: 23 − 10. */
const F32_DROP = 13;
const F32_HALF_MINUS_ONE = (1 << (F32_DROP - 1)) - 1;

const F64_ABS_HI_MASK = 0x7fffffff;
const F64_INF_HI = 0x7ff00000;
const F64_REBIAS_HI = (1023 - 15) << 20;
const F64_F16_MIN_NORMAL_HI = (1023 - 14) << 20;
/** Dropped fraction bits of the high word: 20 − 10. */
const F64_DROP = 10;
const F64_HALF_MINUS_ONE = (1 << (F64_DROP - 1)) - 1;

/** binary32 → binary16, one rounding. NaN → quiet NaN (sign kept). */
export function float32ToFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const bits = float32Bits(src);
  const saturate = overflow === 'saturate';
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const sign = (u >>> 16) & 0x8000;
    const a = u & F32_ABS_MASK;
    let r: number;
    if (a >= F32_F16_MIN_NORMAL) {
      if (a > F32_INF) {
        dst[t] = sign | F16_QUIET_NAN;
        continue;
      }
      // Rebias the exponent, add just under half an ulp plus the kept lsb (ties to even), and
      // truncate. A carry may ripple into the exponent; anything ≥ the inf pattern overflowed
      // (this includes ±inf itself, whose rebiased pattern is far above).
      const v = a - F32_REBIAS;
      r = (v + F32_HALF_MINUS_ONE + ((v >>> F32_DROP) & 1)) >>> F32_DROP;
      if (r >= F16_INF) r = saturate ? F16_MAX : F16_INF;
    } else {
      // Subnormal (or zero) result: count ulps of 2^-24 (exact scaling), round to an integer.
      // The result may be 0x400, the smallest normal, which is the right pattern.
      const x = src[s]!;
      r = (x < 0 ? -x : x) * F16_SUBNORMAL_SCALE + RNE_MAGIC - RNE_MAGIC;
    }
    dst[t] = sign | r;
  }
}

/** binary64 → binary16 with a single rounding (no intermediate binary32). */
export function float64ToFloat16(
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
    if (a >= F64_F16_MIN_NORMAL_HI) {
      if (a >= F64_INF_HI && (a > F64_INF_HI || lo !== 0)) {
        dst[t] = sign | F16_QUIET_NAN;
        continue;
      }
      // As for binary32, on the high word; the low word only matters as "something nonzero
      // below", folded into bit 0 as a sticky bit (far below the round bit).
      const v = (a - F64_REBIAS_HI) | (lo !== 0 ? 1 : 0);
      r = (v + F64_HALF_MINUS_ONE + ((v >>> F64_DROP) & 1)) >>> F64_DROP;
      if (r >= F16_INF) r = saturate ? F16_MAX : F16_INF;
    } else {
      const x = src[s]!;
      r = (x < 0 ? -x : x) * F16_SUBNORMAL_SCALE + RNE_MAGIC - RNE_MAGIC;
    }
    dst[t] = sign | r;
  }
}

let f16Table: Float32Array | undefined;

/** Every binary16 code's value as a binary32 (exact; built on first use). */
export function float16DecodeTable(): Float32Array {
  if (f16Table === undefined) {
    const table = new Float32Array(0x10000);
    for (let code = 0; code < 0x10000; code++) table[code] = decodeMinifloat(code, FLOAT16);
    f16Table = table;
  }
  return f16Table;
}

/** binary16 → binary32, exact. */
export function float16ToFloat32(
  n: number, src: Uint16Array, srcOff: number, srcStride: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): void {
  const table = float16DecodeTable();
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}

/** binary16 → binary64, exact. */
export function float16ToFloat64(
  n: number, src: Uint16Array, srcOff: number, srcStride: number,
  dst: Float64Array, dstOff: number, dstStride: number,
): void {
  const table = float16DecodeTable();
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}
