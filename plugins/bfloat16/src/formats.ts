/**
 * The three formats this plugin adds, each bundled with the kernel's bit-exact codecs: a
 * decode table (code → exact float32 value) and the bulk float32/float64 → code loops.
 */
import {
  BFLOAT16, BFLOAT16_CODEC, FLOAT8_E4M3FN, FLOAT8_E4M3FN_CODEC, FLOAT8_E5M2, FLOAT8_E5M2_CODEC,
  bfloat16DecodeTable, float8DecodeTable,
  type MinifloatFormat, type MinifloatOverflow, type MinifloatStorage, type TypedArrayKind,
} from '@dtkit/core';

export type MinifloatName = 'bfloat16' | 'float8_e4m3fn' | 'float8_e5m2';

/** Bulk narrowing loop into this format's storage (one rounding per element). */
export type NarrowInto<F> = (
  n: number, src: F, srcOff: number, srcStride: number,
  dst: MinifloatStorage, dstOff: number, dstStride: number, overflow?: MinifloatOverflow,
) => void;

export interface MinifloatType {
  readonly name: MinifloatName;
  readonly format: MinifloatFormat;
  readonly storage: TypedArrayKind;
  /** Every code's exact value (NaN codes decode to NaN of the same sign). */
  readonly decode: Float32Array;
  readonly fromFloat32: NarrowInto<Float32Array>;
  readonly fromFloat64: NarrowInto<Float64Array>;
}

// The codecs are typed on their exact storage; loop data arrives untyped, so the narrowing
// from MinifloatStorage happens here, once.
export const BF16: MinifloatType = {
  name: 'bfloat16', format: BFLOAT16, storage: 'uint16', decode: bfloat16DecodeTable(),
  fromFloat32: (n, s, so, ss, d, o, ds, ov) => BFLOAT16_CODEC.fromFloat32(n, s, so, ss, d as Uint16Array, o, ds, ov),
  fromFloat64: (n, s, so, ss, d, o, ds, ov) => BFLOAT16_CODEC.fromFloat64(n, s, so, ss, d as Uint16Array, o, ds, ov),
};

export const E4M3FN: MinifloatType = {
  name: 'float8_e4m3fn', format: FLOAT8_E4M3FN, storage: 'uint8', decode: float8DecodeTable('e4m3fn'),
  fromFloat32: (n, s, so, ss, d, o, ds, ov) => FLOAT8_E4M3FN_CODEC.fromFloat32(n, s, so, ss, d as Uint8Array, o, ds, ov),
  fromFloat64: (n, s, so, ss, d, o, ds, ov) => FLOAT8_E4M3FN_CODEC.fromFloat64(n, s, so, ss, d as Uint8Array, o, ds, ov),
};

export const E5M2: MinifloatType = {
  name: 'float8_e5m2', format: FLOAT8_E5M2, storage: 'uint8', decode: float8DecodeTable('e5m2'),
  fromFloat32: (n, s, so, ss, d, o, ds, ov) => FLOAT8_E5M2_CODEC.fromFloat32(n, s, so, ss, d as Uint8Array, o, ds, ov),
  fromFloat64: (n, s, so, ss, d, o, ds, ov) => FLOAT8_E5M2_CODEC.fromFloat64(n, s, so, ss, d as Uint8Array, o, ds, ov),
};

export const MINIFLOAT_TYPES: readonly MinifloatType[] = [BF16, E4M3FN, E5M2];
