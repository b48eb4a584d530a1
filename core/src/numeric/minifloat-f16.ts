/**
 * Bulk strided IEEE 754 binary16 conversions (1 sign, 5 exponent bits with bias 15, 10 fraction
 * bits). Offsets and strides count elements. Narrowing rounds once, ties to even (§4.3.1).
 */
import { FLOAT16, type MinifloatOverflow } from './minifloat-format.js';
import { narrowConstants, narrowFloat32To16, narrowFloat64To16 } from './minifloat-narrow.js';
import { fillDecodeTable } from './minifloat-scalar.js';

const F16 = narrowConstants(FLOAT16);

/** binary32 → binary16, one rounding. NaN → quiet NaN (sign kept); overflow → ±inf or ±65504. */
export function float32ToFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat32To16(F16, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

/** binary64 → binary16 with a single rounding (no intermediate binary32). */
export function float64ToFloat16(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat64To16(F16, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

let f16Table: Float32Array | undefined;

/** Every binary16 code's value as a binary32 (exact; built on first use). */
export function float16DecodeTable(): Float32Array {
  if (f16Table === undefined) {
    const table = new Float32Array(0x10000);
    fillDecodeTable(table, FLOAT16);
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
