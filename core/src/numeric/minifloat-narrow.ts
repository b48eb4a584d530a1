/**
 * Generic narrowing loops binary32/binary64 → 8-bit minifloat, specialised by per-format
 * constants that are read into locals once per call. Each result is rounded once, ties to even
 * (IEEE 754-2019 §4.3.1), from the exact source value.
 *
 * Everything stays in int32 arithmetic (V8 keeps it unboxed); the common normal-range path is
 * straight-line selects, and only the subnormal-result path is a (usually predictable) branch.
 */
import { minifloatBits, type MinifloatFormat, type MinifloatOverflow } from './minifloat-format.js';
import { F64_HI, F64_LO, float32Bits, float64Words } from './minifloat-views.js';

// Inlined as literals by the compiler (module-level consts are not folded into hot loops).
const enum Bits {
  AbsMask = 0x7fffffff,
  F32Inf = 0x7f800000,
  F32FractionMask = 0x7fffff,
  F32ImplicitOne = 0x800000,
  /** High word of +inf; with the sticky bit folded in, anything above it is NaN. */
  F64InfHi = 0x7ff00000,
  F64HiFractionMask = 0xfffff,
  F64HiImplicitOne = 0x100000,
  /** Past these shifts every subnormal result is 0 (significand < 2^24, resp. < 2^21). */
  F32MaxSubShift = 25,
  F64MaxSubShift = 22,
}

/** Per-format constants of the narrowing loops, all small integers. */
export interface NarrowConstants {
  readonly quietNan: number;
  readonly maxBits: number;
  /** First magnitude pattern past the largest finite one (inf, or NaN for 'fn' formats). */
  readonly overflowBits: number;
  /** binary32 pattern of the smallest normal result; below it results are subnormal. */
  readonly f32MinNormal: number;
  /** Subtracting this re-biases a binary32 exponent to the target's, in place. */
  readonly f32Rebias: number;
  /** Fraction bits dropped from binary32: 23 − mantBits. */
  readonly f32Drop: number;
  /** Subnormal shift is f32SubShiftBase − (binary32 exponent field). */
  readonly f32SubShiftBase: number;
  /** Same four for the high word of a binary64 (20 fraction bits). */
  readonly f64MinNormalHi: number;
  readonly f64RebiasHi: number;
  readonly f64Drop: number;
  readonly f64SubShiftBase: number;
}

export function narrowConstants(fmt: MinifloatFormat): NarrowConstants {
  const d = minifloatBits(fmt);
  const m = fmt.mantBits;
  return {
    quietNan: d.quietNanBits,
    maxBits: d.maxBits,
    overflowBits: d.overflowBits,
    f32MinNormal: (127 + d.minExp) << 23,
    f32Rebias: (127 - fmt.bias) << 23,
    f32Drop: 23 - m,
    // A subnormal result counts ulps of 2^(minExp − m); the source significand (with its
    // implicit 1) is in units of 2^(E − 23), so shift right by 23 + minExp − m − E.
    f32SubShiftBase: 127 + 23 + d.minExp - m,
    f64MinNormalHi: (1023 + d.minExp) << 20,
    f64RebiasHi: (1023 - fmt.bias) << 20,
    f64Drop: 20 - m,
    f64SubShiftBase: 1023 + 20 + d.minExp - m,
  };
}

// Rounding a significand right by `shift` bits, ties to even (used in every loop below):
//   (sig + 2^(shift−1) − 1 + ((sig >>> shift) & 1)) >>> shift
// adds just under half of the dropped range, plus 1 when the kept lsb is odd, then truncates:
// above half carries, below does not, an exact half carries only from an odd lsb (§4.3.1).

/** binary32 → 8-bit minifloat (see the binary16 loops in minifloat-f16.ts for the steps). */
export function narrowFloat32To8(
  c: NarrowConstants, n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow,
): void {
  const { quietNan, overflowBits, f32MinNormal, f32Rebias, f32Drop, f32SubShiftBase } = c;
  const tooBig = overflow === 'saturate' ? c.maxBits : overflowBits;
  const half = (1 << (f32Drop - 1)) - 1;
  const bits = float32Bits(src);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const a = u & Bits.AbsMask;
    let mag: number;
    if (a < f32MinNormal) {
      const shift0 = f32SubShiftBase - (a >>> 23);
      const shift = shift0 > Bits.F32MaxSubShift ? Bits.F32MaxSubShift : shift0;
      const sig = (a & Bits.F32FractionMask) | Bits.F32ImplicitOne;
      mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
    } else {
      const v = a - f32Rebias;
      const r = (v + half + ((v >>> f32Drop) & 1)) >>> f32Drop;
      mag = a > Bits.F32Inf ? quietNan : r >= overflowBits ? tooBig : r;
    }
    dst[t] = ((u >>> 24) & 0x80) | mag;
  }
}

/** binary64 → 8-bit minifloat (see the binary16 loops in minifloat-f16.ts for the steps). */
export function narrowFloat64To8(
  c: NarrowConstants, n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint8Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow,
): void {
  const { quietNan, overflowBits, f64MinNormalHi, f64RebiasHi, f64Drop, f64SubShiftBase } = c;
  const tooBig = overflow === 'saturate' ? c.maxBits : overflowBits;
  const half = (1 << (f64Drop - 1)) - 1;
  const words = float64Words(src);
  const hiWord = F64_HI;
  const loWord = F64_LO;
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const hi = words[2 * s + hiWord]!;
    const sticky = words[2 * s + loWord]! !== 0 ? 1 : 0;
    const a = (hi & Bits.AbsMask) | sticky;
    let mag: number;
    if (a < f64MinNormalHi) {
      const shift0 = f64SubShiftBase - (a >>> 20);
      const shift = shift0 > Bits.F64MaxSubShift ? Bits.F64MaxSubShift : shift0;
      const sig = (a & Bits.F64HiFractionMask) | Bits.F64HiImplicitOne;
      mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
    } else {
      const v = a - f64RebiasHi;
      const r = (v + half + ((v >>> f64Drop) & 1)) >>> f64Drop;
      mag = a > Bits.F64InfHi ? quietNan : r >= overflowBits ? tooBig : r;
    }
    dst[t] = ((hi >>> 24) & 0x80) | mag;
  }
}
