/**
 * Bulk strided bfloat16 conversions. bfloat16 is the top half of a binary32 (same sign and
 * 8-bit exponent, 7 of the 23 fraction bits), so most steps are shifts on the binary32 pattern.
 * Offsets and strides count elements. Every narrowing rounds once, ties to even (IEEE 754 §4.3.1).
 */
import { BFLOAT16, type MinifloatOverflow } from './minifloat-format.js';
import { narrowConstants, narrowFloat64To16 } from './minifloat-narrow.js';
import { float32Bits } from './minifloat-views.js';

const F32_ABS_MASK = 0x7fffffff;
const F32_INF = 0x7f800000;
const BF16_INF = 0x7f80;
const BF16_MAX = 0x7f7f;
const BF16_QUIET_NAN = 0x7fc0; // quiet bit = top fraction bit (IEEE 754 §6.2.1)
/** Dropped low bits when going binary32 → bfloat16. */
const F32_DROP = 16;
/** Half an output ulp minus one, in binary32 pattern units: rounding bias for ties-to-even. */
const F32_HALF_MINUS_ONE = 0x7fff;

const BF16 = narrowConstants(BFLOAT16);

/** binary32 → bfloat16, one rounding. NaN → quiet NaN (sign kept). */
export function float32ToBFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const bits = float32Bits(src);
  const tooBig = overflow === 'saturate' ? BF16_MAX : BF16_INF;
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const a = u & F32_ABS_MASK;
    let mag: number;
    if (a > F32_INF) {
      // NaN, tested first so the rounding add below stays within int32 (V8 keeps it unboxed).
      mag = BF16_QUIET_NAN;
    } else {
      // Add just under half an ulp, plus 1 when the kept lsb is odd (so an exact tie goes to
      // even), then truncate. Subnormals need no special case: binary32 and bfloat16 share the
      // exponent encoding. A carry may ripple into the exponent, up to the inf pattern, which
      // is also where ±inf lands.
      const r = (a + F32_HALF_MINUS_ONE + ((a >>> F32_DROP) & 1)) >>> F32_DROP;
      mag = r >= BF16_INF ? tooBig : r;
    }
    dst[t] = ((u >>> 16) & 0x8000) | mag;
  }
}

/** binary64 → bfloat16 with a single rounding (no intermediate binary32). */
export function float64ToBFloat16(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat64To16(BF16, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
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
