/**
 * @dtkit/bfloat16 — bfloat16, float8_e4m3fn and float8_e5m2 for dtkit, with a single
 * round-to-nearest-even from any source, a choice of overflow behaviour on casts
 * (`overflow: 'inf' | 'saturate'`), arithmetic in float32 rounded once, and float32 reductions.
 * Install with `use(plugin)`.
 * @packageDocumentation
 */
export { plugin } from './plugin.js';
export {
  bfloat16, float8_e4m3fn, float8_e5m2, BFloat16DType, Float8E4M3FNDType, Float8E5M2DType,
  MINIFLOAT_FAMILIES,
} from './families.js';
export type { MinifloatName } from './formats.js';
