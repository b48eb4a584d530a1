/**
 * The bulk loops of each format bundled in one object, so callers (dtype registration, tests)
 * can treat the four formats uniformly. The loops themselves stay specialised per format.
 */
import {
  BFLOAT16, FLOAT16, FLOAT8_E4M3FN, FLOAT8_E5M2,
  type MinifloatFormat, type MinifloatOverflow,
} from './minifloat-format.js';
import {
  bfloat16ToFloat32, bfloat16ToFloat64, float32ToBFloat16, float64ToBFloat16,
} from './minifloat-bf16.js';
import {
  float16ToFloat32, float16ToFloat64, float32ToFloat16, float64ToFloat16,
} from './minifloat-f16.js';
import {
  float32ToFloat8E4M3FN, float32ToFloat8E5M2, float64ToFloat8E4M3FN, float64ToFloat8E5M2,
  float8E4M3FNToFloat32, float8E4M3FNToFloat64, float8E5M2ToFloat32, float8E5M2ToFloat64,
} from './minifloat-f8.js';

/** Strided loop from a float array into minifloat storage S (one rounding per element). */
export type NarrowLoop<F, S> = (
  n: number, src: F, srcOff: number, srcStride: number,
  dst: S, dstOff: number, dstStride: number, overflow?: MinifloatOverflow,
) => void;

/** Strided exact loop from minifloat storage S into a float array. */
export type WidenLoop<S, F> = (
  n: number, src: S, srcOff: number, srcStride: number,
  dst: F, dstOff: number, dstStride: number,
) => void;

export interface MinifloatBulkCodec<S extends Uint16Array | Uint8Array> {
  readonly format: MinifloatFormat;
  /** Allocates zeroed storage for n elements. */
  readonly alloc: (n: number) => S;
  readonly fromFloat32: NarrowLoop<Float32Array, S>;
  readonly fromFloat64: NarrowLoop<Float64Array, S>;
  readonly toFloat32: WidenLoop<S, Float32Array>;
  readonly toFloat64: WidenLoop<S, Float64Array>;
}

const alloc16 = (n: number): Uint16Array => new Uint16Array(n);
const alloc8 = (n: number): Uint8Array => new Uint8Array(n);

export const BFLOAT16_CODEC: MinifloatBulkCodec<Uint16Array> = Object.freeze({
  format: BFLOAT16, alloc: alloc16,
  fromFloat32: float32ToBFloat16, fromFloat64: float64ToBFloat16,
  toFloat32: bfloat16ToFloat32, toFloat64: bfloat16ToFloat64,
});

export const FLOAT16_CODEC: MinifloatBulkCodec<Uint16Array> = Object.freeze({
  format: FLOAT16, alloc: alloc16,
  fromFloat32: float32ToFloat16, fromFloat64: float64ToFloat16,
  toFloat32: float16ToFloat32, toFloat64: float16ToFloat64,
});

export const FLOAT8_E4M3FN_CODEC: MinifloatBulkCodec<Uint8Array> = Object.freeze({
  format: FLOAT8_E4M3FN, alloc: alloc8,
  fromFloat32: float32ToFloat8E4M3FN, fromFloat64: float64ToFloat8E4M3FN,
  toFloat32: float8E4M3FNToFloat32, toFloat64: float8E4M3FNToFloat64,
});

export const FLOAT8_E5M2_CODEC: MinifloatBulkCodec<Uint8Array> = Object.freeze({
  format: FLOAT8_E5M2, alloc: alloc8,
  fromFloat32: float32ToFloat8E5M2, fromFloat64: float64ToFloat8E5M2,
  toFloat32: float8E5M2ToFloat32, toFloat64: float8E5M2ToFloat64,
});
