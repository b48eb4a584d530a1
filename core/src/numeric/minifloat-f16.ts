/**
 * Bulk strided IEEE 754 binary16 conversions (1 sign, 5 exponent bits with bias 15, 10 fraction
 * bits). Offsets and strides count elements. Narrowing rounds once, ties to even (§4.3.1).
 */
import { FLOAT16, type MinifloatOverflow } from './minifloat-format.js';
import { fillDecodeTable } from './minifloat-scalar.js';
import { F64_HI, F64_LO, float32Bits, float64Words } from './minifloat-views.js';

// Bit constants as const enums: the compiler inlines them as literals. (V8 does not fold
// module-level `const` bindings into the hot loops; measured ~2x slower with them.)
const enum Half {
  Inf = 0x7c00,
  Max = 0x7bff,
  QuietNan = 0x7e00, // quiet bit = top fraction bit (IEEE 754 §6.2.1)
  SignBit = 0x8000,
}

const enum FromSingle {
  AbsMask = 0x7fffffff,
  Inf = 0x7f800000,
  /** Pattern of 2^-14, binary16's smallest normal; below it results are subnormal. */
  MinNormal = (127 - 14) << 23,
  /** Subtracting this re-biases the exponent from 127 to 15 in place. */
  Rebias = (127 - 15) << 23,
  /** Fraction bits dropped: 23 − 10. */
  Drop = 13,
  /** Just under half an ulp of the result: 2^(Drop−1) − 1. */
  HalfMinusOne = 0xfff,
  FractionMask = 0x7fffff,
  ImplicitOne = 0x800000,
  /** A subnormal result counts ulps of 2^-24; the significand (implicit 1 included) is in
   *  units of 2^(E−23), so it is shifted right by −1 − E = SubShiftBase − exponent field. */
  SubShiftBase = 127 + 23 - 14 - 10,
  /** Beyond this shift every subnormal result is 0 (the significand is < 2^24). */
  MaxSubShift = 25,
}

const enum FromDouble {
  AbsMask = 0x7fffffff,
  /** High word of +inf; with the sticky bit folded in, anything above it is NaN. */
  InfHi = 0x7ff00000,
  MinNormalHi = (1023 - 14) << 20,
  RebiasHi = (1023 - 15) << 20,
  /** The high word holds 20 fraction bits; 10 are dropped. */
  Drop = 10,
  HalfMinusOne = 0x1ff,
  FractionMask = 0xfffff,
  ImplicitOne = 0x100000,
  SubShiftBase = 1023 + 20 - 14 - 10,
  /** Beyond this shift every subnormal result is 0 (the significand is < 2^21). */
  MaxSubShift = 22,
}

// Rounding right by k bits, ties to even, used throughout:
//   (sig + 2^(k−1) − 1 + ((sig >>> k) & 1)) >>> k
// adds just under half of the dropped range plus the kept lsb, then truncates: more than half
// carries, less does not, exactly half carries only from an odd lsb (IEEE 754 §4.3.1).

/** binary32 → binary16, one rounding. NaN → quiet NaN (sign kept); overflow → ±inf / ±65504. */
export function float32ToFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const bits = float32Bits(src);
  const tooBig = overflow === 'saturate' ? Half.Max : Half.Inf;
  if (srcStride === 1 && dstStride === 1) {
    // Contiguous fast path: a single induction variable lets V8 drop bounds-check work
    // (measured ~20% faster). The strided loop below repeats these steps.
    const toDst = dstOff - srcOff;
    for (let s = srcOff, end = srcOff + n; s < end; s++) {
      const u = bits[s]!;
      const a = u & FromSingle.AbsMask;
      let mag: number;
      if (a < FromSingle.MinNormal) {
        // Subnormal or zero result: shift the whole significand down to the 2^-24 ulp.
        const shift0 = FromSingle.SubShiftBase - (a >>> 23);
        const shift = shift0 > FromSingle.MaxSubShift ? FromSingle.MaxSubShift : shift0;
        const sig = (a & FromSingle.FractionMask) | FromSingle.ImplicitOne;
        mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
      } else {
        // Re-bias in place; a rounding carry ripples into the exponent, and ±inf or too-large
        // values land at or past the inf pattern. Selects, not branches: straight-line code.
        const v = a - FromSingle.Rebias;
        const lsb = (v >>> FromSingle.Drop) & 1;
        const r = (v + FromSingle.HalfMinusOne + lsb) >>> FromSingle.Drop;
        mag = a > FromSingle.Inf ? Half.QuietNan : r >= Half.Inf ? tooBig : r;
      }
      dst[s + toDst] = ((u >>> 16) & Half.SignBit) | mag;
    }
    return;
  }
  // Strided: the same steps as the contiguous loop above.
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const a = u & FromSingle.AbsMask;
    let mag: number;
    if (a < FromSingle.MinNormal) {
      const shift0 = FromSingle.SubShiftBase - (a >>> 23);
      const shift = shift0 > FromSingle.MaxSubShift ? FromSingle.MaxSubShift : shift0;
      const sig = (a & FromSingle.FractionMask) | FromSingle.ImplicitOne;
      mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
    } else {
      const v = a - FromSingle.Rebias;
      const lsb = (v >>> FromSingle.Drop) & 1;
      const r = (v + FromSingle.HalfMinusOne + lsb) >>> FromSingle.Drop;
      mag = a > FromSingle.Inf ? Half.QuietNan : r >= Half.Inf ? tooBig : r;
    }
    dst[t] = ((u >>> 16) & Half.SignBit) | mag;
  }
}

/** binary64 → binary16 with a single rounding (no intermediate binary32). */
export function float64ToFloat16(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const words = float64Words(src);
  const hiWord = F64_HI;
  const loWord = F64_LO;
  const tooBig = overflow === 'saturate' ? Half.Max : Half.Inf;
  if (srcStride === 1 && dstStride === 1) {
    // Contiguous fast path: a single induction variable lets V8 drop bounds-check work
    // (measured ~20% faster). The strided loop below repeats these steps.
    const toDst = dstOff - srcOff;
    for (let s = srcOff, end = srcOff + n; s < end; s++) {
      const hi = words[2 * s + hiWord]!;
      // All kept bits and the round bit are in the high word; a nonzero low word only means
      // "more below", so fold it into bit 0 as a sticky bit (far below the round bit).
      const a = (hi & FromDouble.AbsMask) | (words[2 * s + loWord]! !== 0 ? 1 : 0);
      let mag: number;
      if (a < FromDouble.MinNormalHi) {
        const shift0 = FromDouble.SubShiftBase - (a >>> 20);
        const shift = shift0 > FromDouble.MaxSubShift ? FromDouble.MaxSubShift : shift0;
        const sig = (a & FromDouble.FractionMask) | FromDouble.ImplicitOne;
        mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
      } else {
        const v = a - FromDouble.RebiasHi;
        const lsb = (v >>> FromDouble.Drop) & 1;
        const r = (v + FromDouble.HalfMinusOne + lsb) >>> FromDouble.Drop;
        mag = a > FromDouble.InfHi ? Half.QuietNan : r >= Half.Inf ? tooBig : r;
      }
      dst[s + toDst] = ((hi >>> 16) & Half.SignBit) | mag;
    }
    return;
  }
  // Strided: the same steps as the contiguous loop above.
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const hi = words[2 * s + hiWord]!;
    const a = (hi & FromDouble.AbsMask) | (words[2 * s + loWord]! !== 0 ? 1 : 0);
    let mag: number;
    if (a < FromDouble.MinNormalHi) {
      const shift0 = FromDouble.SubShiftBase - (a >>> 20);
      const shift = shift0 > FromDouble.MaxSubShift ? FromDouble.MaxSubShift : shift0;
      const sig = (a & FromDouble.FractionMask) | FromDouble.ImplicitOne;
      mag = (sig + (1 << (shift - 1)) - 1 + ((sig >>> shift) & 1)) >>> shift;
    } else {
      const v = a - FromDouble.RebiasHi;
      const lsb = (v >>> FromDouble.Drop) & 1;
      const r = (v + FromDouble.HalfMinusOne + lsb) >>> FromDouble.Drop;
      mag = a > FromDouble.InfHi ? Half.QuietNan : r >= Half.Inf ? tooBig : r;
    }
    dst[t] = ((hi >>> 16) & Half.SignBit) | mag;
  }
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
