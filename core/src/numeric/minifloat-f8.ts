/**
 * Bulk strided conversions for the OCP 8-bit floats float8_e4m3fn and float8_e5m2.
 * Offsets and strides count elements. Narrowing rounds once, ties to even (IEEE 754 §4.3.1).
 */
import {
  FLOAT8_E4M3FN, FLOAT8_E5M2, type MinifloatFormat, type MinifloatOverflow,
} from './minifloat-format.js';
import {
  narrowConstants, narrowFloat32To8, narrowFloat64To8, type NarrowConstants,
} from './minifloat-narrow.js';
import { fillDecodeTable } from './minifloat-scalar.js';

interface Float8Codec {
  readonly narrow: NarrowConstants;
  readonly decode: Float32Array;
}

function float8Codec(fmt: MinifloatFormat): Float8Codec {
  const decode = new Float32Array(256);
  fillDecodeTable(decode, fmt);
  return { narrow: narrowConstants(fmt), decode };
}

const E4M3FN = float8Codec(FLOAT8_E4M3FN);
const E5M2 = float8Codec(FLOAT8_E5M2);

/** The 256 values of a float8 format as binary32 (exact). */
export function float8DecodeTable(fmt: 'e4m3fn' | 'e5m2'): Float32Array {
  return fmt === 'e4m3fn' ? E4M3FN.decode : E5M2.decode;
}

function widen(
  table: Float32Array, n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float32Array | Float64Array, dstOff: number, dstStride: number,
): void {
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}

/** binary32 → float8_e4m3fn, one rounding; overflow → NaN, or ±448 with 'saturate'. */
export function float32ToFloat8E4M3FN(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat32To8(E4M3FN.narrow, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

/** binary64 → float8_e4m3fn with a single rounding (no intermediate binary32). */
export function float64ToFloat8E4M3FN(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat64To8(E4M3FN.narrow, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

/** binary32 → float8_e5m2, one rounding; overflow → ±inf, or ±57344 with 'saturate'. */
export function float32ToFloat8E5M2(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat32To8(E5M2.narrow, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

/** binary64 → float8_e5m2 with a single rounding (no intermediate binary32). */
export function float64ToFloat8E5M2(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  narrowFloat64To8(E5M2.narrow, n, src, srcOff, srcStride, dst, dstOff, dstStride, overflow);
}

/** float8_e4m3fn → binary32, exact (table lookup). */
export function float8E4M3FNToFloat32(
  n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): void {
  widen(E4M3FN.decode, n, src, srcOff, srcStride, dst, dstOff, dstStride);
}

/** float8_e4m3fn → binary64, exact (table lookup). */
export function float8E4M3FNToFloat64(
  n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float64Array, dstOff: number, dstStride: number,
): void {
  widen(E4M3FN.decode, n, src, srcOff, srcStride, dst, dstOff, dstStride);
}

/** float8_e5m2 → binary32, exact (table lookup). */
export function float8E5M2ToFloat32(
  n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): void {
  widen(E5M2.decode, n, src, srcOff, srcStride, dst, dstOff, dstStride);
}

/** float8_e5m2 → binary64, exact (table lookup). */
export function float8E5M2ToFloat64(
  n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float64Array, dstOff: number, dstStride: number,
): void {
  widen(E5M2.decode, n, src, srcOff, srcStride, dst, dstOff, dstStride);
}
