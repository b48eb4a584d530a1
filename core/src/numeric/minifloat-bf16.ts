/**
 * Bulk strided bfloat16 conversions. bfloat16 is the top half of a binary32 (same sign and
 * 8-bit exponent, 7 of the 23 fraction bits), so most steps are shifts on the binary32 pattern.
 * Offsets and strides count elements. Every narrowing rounds once, ties to even (IEEE 754 §4.3.1).
 */
import type { MinifloatOverflow } from './minifloat-format.js';
import { F64_HI, F64_LO, float32Bits, float64Words } from './minifloat-views.js';

// Bit constants as const enums: the compiler inlines them as literals. (V8 does not fold
// module-level `const` bindings into the hot loops; measured ~2x slower with them.)
const enum Brain {
  Inf = 0x7f80,
  Max = 0x7f7f,
  QuietNan = 0x7fc0, // quiet bit = top fraction bit (IEEE 754 §6.2.1)
  SignBit = 0x8000,
}

const enum FromSingle {
  AbsMask = 0x7fffffff,
  Inf = 0x7f800000,
  /** Low bits dropped: bfloat16 is the top half of the binary32 pattern. */
  Drop = 16,
  /** Just under half an ulp of the result: 2^(Drop−1) − 1. */
  HalfMinusOne = 0x7fff,
}

const enum FromDouble {
  AbsMask = 0x7fffffff,
  /** High word of +inf; with the sticky bit folded in, anything above it is NaN. */
  InfHi = 0x7ff00000,
  /** High word of 2^-126, bfloat16's smallest normal; below it results are subnormal. */
  MinNormalHi = (1023 - 126) << 20,
  /** Subtracting this re-biases the exponent from 1023 to 127 in place. */
  RebiasHi = (1023 - 127) << 20,
  /** The high word holds 20 fraction bits; bfloat16 keeps 7, so 13 are dropped. */
  Drop = 13,
  HalfMinusOne = 0xfff,
  FractionMask = 0xfffff,
  ImplicitOne = 0x100000,
  /** A subnormal result counts ulps of 2^-133; the significand (implicit 1 included) is in
   *  units of 2^(E−20), so it is shifted right by SubShiftBase − exponent field. */
  SubShiftBase = 1023 + 20 - 126 - 7,
  /** Beyond this shift every subnormal result is 0 (the significand is < 2^21). */
  MaxSubShift = 22,
}

// Rounding right by k bits, ties to even, used below:
//   (sig + 2^(k−1) − 1 + ((sig >>> k) & 1)) >>> k
// adds just under half of the dropped range plus the kept lsb, then truncates: more than half
// carries, less does not, exactly half carries only from an odd lsb (IEEE 754 §4.3.1).

/** binary32 → bfloat16, one rounding. NaN → quiet NaN (sign kept). */
export function float32ToBFloat16(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const bits = float32Bits(src);
  const tooBig = overflow === 'saturate' ? Brain.Max : Brain.Inf;
  if (srcStride === 1 && dstStride === 1) {
    // Contiguous fast path: a single induction variable lets V8 drop bounds-check work
    // (measured ~20% faster). The strided loop below repeats these steps.
    const toDst = dstOff - srcOff;
    for (let s = srcOff, end = srcOff + n; s < end; s++) {
      const u = bits[s]!;
      const a = u & FromSingle.AbsMask;
      let mag: number;
      if (a > FromSingle.Inf) {
        // NaN, tested first so the rounding add below stays within int32 (V8 keeps it unboxed).
        mag = Brain.QuietNan;
      } else {
        // Subnormals need no special case: binary32 and bfloat16 share the exponent encoding.
        // A carry may ripple into the exponent, up to the inf pattern, where ±inf also lands.
        const lsb = (a >>> FromSingle.Drop) & 1;
        const r = (a + FromSingle.HalfMinusOne + lsb) >>> FromSingle.Drop;
        mag = r >= Brain.Inf ? tooBig : r;
      }
      dst[s + toDst] = ((u >>> 16) & Brain.SignBit) | mag;
    }
    return;
  }
  // Strided: the same steps as the contiguous loop above.
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    const u = bits[s]!;
    const a = u & FromSingle.AbsMask;
    let mag: number;
    if (a > FromSingle.Inf) {
      mag = Brain.QuietNan;
    } else {
      const lsb = (a >>> FromSingle.Drop) & 1;
      const r = (a + FromSingle.HalfMinusOne + lsb) >>> FromSingle.Drop;
      mag = r >= Brain.Inf ? tooBig : r;
    }
    dst[t] = ((u >>> 16) & Brain.SignBit) | mag;
  }
}

/** binary64 → bfloat16 with a single rounding (no intermediate binary32). */
export function float64ToBFloat16(
  n: number, src: Float64Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number, overflow: MinifloatOverflow = 'inf',
): void {
  const words = float64Words(src);
  const hiWord = F64_HI;
  const loWord = F64_LO;
  const tooBig = overflow === 'saturate' ? Brain.Max : Brain.Inf;
  if (srcStride === 1 && dstStride === 1) {
    // Contiguous fast path: a single induction variable lets V8 drop bounds-check work
    // (measured ~20% faster). The strided loop below repeats these steps.
    const toDst = dstOff - srcOff;
    for (let s = srcOff, end = srcOff + n; s < end; s++) {
      const hi = words[2 * s + hiWord]!;
      // All 7 kept bits and the round bit are in the high word; a nonzero low word only means
      // "more below", so fold it into bit 0 as a sticky bit (far below the round bit). This is
      // what makes 16842753 (2^24 + 2^16 + 1) round up to 16908288 rather than tie down.
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
        mag = a > FromDouble.InfHi ? Brain.QuietNan : r >= Brain.Inf ? tooBig : r;
      }
      dst[s + toDst] = ((hi >>> 16) & Brain.SignBit) | mag;
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
      mag = a > FromDouble.InfHi ? Brain.QuietNan : r >= Brain.Inf ? tooBig : r;
    }
    dst[t] = ((hi >>> 16) & Brain.SignBit) | mag;
  }
}

/** bfloat16 → binary32, exact (NaN payloads carried over). */
export function bfloat16ToFloat32(
  n: number, src: Uint16Array, srcOff: number, srcStride: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): void {
  const out = float32Bits(dst);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    out[t] = src[s]! << FromSingle.Drop;
  }
}

let bf16Table: Float32Array | undefined;

/** Every bfloat16 code's value as a binary32 (built on first use). */
export function bfloat16DecodeTable(): Float32Array {
  if (bf16Table === undefined) {
    const table = new Float32Array(0x10000);
    const tableBits = new Uint32Array(table.buffer);
    for (let code = 0; code < 0x10000; code++) tableBits[code] = code << FromSingle.Drop;
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
