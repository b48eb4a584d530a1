/**
 * Small float formats (bfloat16, binary16, float8_e4m3fn, float8_e5m2): descriptors, scalar and
 * bulk strided codecs with a single round-to-nearest-even from any source, and finfo limits.
 */
export {
  BFLOAT16, FLOAT16, FLOAT8_E4M3FN, FLOAT8_E5M2, minifloatBits, minifloatInfo,
  type MinifloatBits, type MinifloatFormat, type MinifloatInfo, type MinifloatNanStyle,
  type MinifloatOverflow,
} from './minifloat-format.js';
export { bigintToMinifloat, decodeMinifloat, encodeMinifloat } from './minifloat-scalar.js';
export {
  bfloat16DecodeTable, bfloat16ToFloat32, bfloat16ToFloat64, float32ToBFloat16, float64ToBFloat16,
} from './minifloat-bf16.js';
export {
  float16DecodeTable, float16ToFloat32, float16ToFloat64, float32ToFloat16, float64ToFloat16,
} from './minifloat-f16.js';
export {
  float32ToFloat8E4M3FN, float32ToFloat8E5M2, float64ToFloat8E4M3FN, float64ToFloat8E5M2,
  float8DecodeTable, float8E4M3FNToFloat32, float8E4M3FNToFloat64, float8E5M2ToFloat32,
  float8E5M2ToFloat64,
} from './minifloat-f8.js';
export {
  bfloat16ToFloat16, bfloat16ToFloat8E4M3FN, bfloat16ToFloat8E5M2, convertMinifloat,
  float16ToBFloat16, float16ToFloat8E4M3FN, float16ToFloat8E5M2, float8E4M3FNToBFloat16,
  float8E4M3FNToFloat16, float8E4M3FNToFloat8E5M2, float8E5M2ToBFloat16, float8E5M2ToFloat16,
  float8E5M2ToFloat8E4M3FN, minifloatConversionTable, type MinifloatStorage,
} from './minifloat-between.js';
export {
  BFLOAT16_CODEC, FLOAT16_CODEC, FLOAT8_E4M3FN_CODEC, FLOAT8_E5M2_CODEC,
  type MinifloatBulkCodec, type NarrowLoop, type WidenLoop,
} from './minifloat-codecs.js';
