/**
 * Bulk strided conversions for the OCP 8-bit floats float8_e4m3fn and float8_e5m2.
 * One loop per source width, specialised by per-format constants read into locals once per call.
 * Offsets and strides count elements. Narrowing rounds once, ties to even (IEEE 754 §4.3.1).
 */
import {
  FLOAT8_E4M3FN, FLOAT8_E5M2, minifloatBits,
  type MinifloatFormat, type MinifloatOverflow,
} from './minifloat-format.js';
import { decodeMinifloat } from './minifloat-scalar.js';
import { F64_HI, F64_LO, RNE_MAGIC, float32Bits, float64Words } from './minifloat-views.js';

const F32_ABS_MASK = 0x7fffffff;
const F32_INF = 0x7f800000;
const F64_ABS_HI_MASK = 0x7fffffff;
const F64_INF_HI = 0x7ff00000;

/** Everything a float8 narrowing loop needs, as plain numbers. */
interface Float8Constants {
  readonly quietNan: number;
  readonly maxBits: number;
  /** First magnitude pattern past the largest finite one. */
  readonly overflowBits: number;
  /** Result of overflow without saturation: inf (e5m2) or NaN (e4m3fn). */
  readonly overflowCode: number;
  /** Scales a subnormal to an integer count of its ulp, 2^(bias − 1 + mantBits). */
  readonly subnormalScale: number;
  readonly f32Rebias: number;
  readonly f32MinNormal: number;
  readonly f32Drop: number;
  readonly f64RebiasHi: number;
  readonly f64MinNormalHi: number;
  readonly f64Drop: number;
  readonly decode: Float32Array;
}

function float8Constants(fmt: MinifloatFormat): Float8Constants {
  const d = minifloatBits(fmt);
  const decode = new Float32Array(256);
  for (let code = 0; code < 256; code++) decode[code] = decodeMinifloat(code, fmt);
  return {
    quietNan: d.quietNanBits,
    maxBits: d.maxBits,
    overflowBits: d.overflowBits,
    overflowCode: d.overflowCode,
    subnormalScale: 2 ** (fmt.bias - 1 + fmt.mantBits),
    f32Rebias: (127 - fmt.bias) << 23,
    f32MinNormal: (127 + d.minExp) << 23,
    f32Drop: 23 - fmt.mantBits,
    f64RebiasHi: (1023 - fmt.bias) << 20,
    f64MinNormalHi: (1023 + d.minExp) << 20,
    f64Drop: 20 - fmt.mantBits,
    decode,
  };
}

const E4M3FN = float8Constants(FLOAT8_E4M3FN);
const E5M2 = float8Constants(FLOAT8_E5M2);

/** The 256 values of a float8 format as binary32 (exact). */
export function float8DecodeTable(fmt: 'e4m3fn' | 'e5m2'): Float32Array {
  return fmt === 'e4m3fn' ? E4M3FN.decode : E5M2.decode;
}

function narrowFloat32(
  c: Float8Constants, n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow,
): void {
  const { quietNan, overflowBits, subnormalScale, f32Rebias, f32MinNormal, f32Drop } = c;
  const tooBig = overflow === 'saturate' ? c.maxBits : c.overflowCode;
  const halfMinusOne = (1 << (f32Drop - 1)) - 1;
  const bits = float32Bits(src);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const sign = (u >>> 24) & 0x80;
    const a = u & F32_ABS_MASK;
    let r: number;
    if (a >= f32MinNormal) {
      if (a > F32_INF) {
        dst[t] = sign | quietNan;
        continue;
      }
      // Rebias, add just under half an ulp plus the kept lsb (ties to even), truncate; ±inf
      // and every too-large value land at or past overflowBits.
      const v = a - f32Rebias;
      r = (v + halfMinusOne + ((v >>> f32Drop) & 1)) >>> f32Drop;
      if (r >= overflowBits) r = tooBig;
    } else {
      // Subnormal or zero result: exact scaling to ulps, then one round to an integer.
      const x = src[s]!;
      r = (x < 0 ? -x : x) * subnormalScale + RNE_MAGIC - RNE_MAGIC;
    }
    dst[t] = sign | r;
  }
}

function narrowFloat64(
  c: Float8Constants, n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow,
): void {
  const { quietNan, overflowBits, subnormalScale, f64RebiasHi, f64MinNormalHi, f64Drop } = c;
  const tooBig = overflow === 'saturate' ? c.maxBits : c.overflowCode;
  const halfMinusOne = (1 << (f64Drop - 1)) - 1;
  const words = float64Words(src);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const hi = words[2 * s + F64_HI]!;
    const lo = words[2 * s + F64_LO]!;
    const sign = (hi >>> 24) & 0x80;
    const a = hi & F64_ABS_HI_MASK;
    let r: number;
    if (a >= f64MinNormalHi) {
      if (a >= F64_INF_HI && (a > F64_INF_HI || lo !== 0)) {
        dst[t] = sign | quietNan;
        continue;
      }
      // High word only, with the low word folded into bit 0 as a sticky bit.
      const v = (a - f64RebiasHi) | (lo !== 0 ? 1 : 0);
      r = (v + halfMinusOne + ((v >>> f64Drop) & 1)) >>> f64Drop;
      if (r >= overflowBits) r = tooBig;
    } else {
      const x = src[s]!;
      r = (x < 0 ? -x : x) * subnormalScale + RNE_MAGIC - RNE_MAGIC;
    }
    dst[t] = sign | r;
  }
}

function widen(
  table: Float32Array, n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: Float32Array | Float64Array, dstOff: number, dstStride: number,
): void {
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}

type Narrow32 = (
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow?: MinifloatOverflow,
) => void;
type Narrow64 = (
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow?: MinifloatOverflow,
) => void;
type Widen<D> = (
  n: number, src: Uint8Array, srcOff: number, srcStride: number,
  dst: D, dstOff: number, dstStride: number,
) => void;

/** binary32 → float8_e4m3fn; overflow → NaN, or ±448 with 'saturate'. */
export const float32ToFloat8E4M3FN: Narrow32 = (n, src, so, ss, dst, dOff, ds, overflow = 'inf') =>
  narrowFloat32(E4M3FN, n, src, so, ss, dst, dOff, ds, overflow);
/** binary64 → float8_e4m3fn with a single rounding. */
export const float64ToFloat8E4M3FN: Narrow64 = (n, src, so, ss, dst, dOff, ds, overflow = 'inf') =>
  narrowFloat64(E4M3FN, n, src, so, ss, dst, dOff, ds, overflow);
/** binary32 → float8_e5m2; overflow → ±inf, or ±57344 with 'saturate'. */
export const float32ToFloat8E5M2: Narrow32 = (n, src, so, ss, dst, dOff, ds, overflow = 'inf') =>
  narrowFloat32(E5M2, n, src, so, ss, dst, dOff, ds, overflow);
/** binary64 → float8_e5m2 with a single rounding. */
export const float64ToFloat8E5M2: Narrow64 = (n, src, so, ss, dst, dOff, ds, overflow = 'inf') =>
  narrowFloat64(E5M2, n, src, so, ss, dst, dOff, ds, overflow);

export const float8E4M3FNToFloat32: Widen<Float32Array> = (n, src, so, ss, dst, dOff, ds) =>
  widen(E4M3FN.decode, n, src, so, ss, dst, dOff, ds);
export const float8E4M3FNToFloat64: Widen<Float64Array> = (n, src, so, ss, dst, dOff, ds) =>
  widen(E4M3FN.decode, n, src, so, ss, dst, dOff, ds);
export const float8E5M2ToFloat32: Widen<Float32Array> = (n, src, so, ss, dst, dOff, ds) =>
  widen(E5M2.decode, n, src, so, ss, dst, dOff, ds);
export const float8E5M2ToFloat64: Widen<Float64Array> = (n, src, so, ss, dst, dOff, ds) =>
  widen(E5M2.decode, n, src, so, ss, dst, dOff, ds);
