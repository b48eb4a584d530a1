/**
 * Two-output loops: divmod (T,T → T,T: floor_divide and remainder of one pass, NumPy's
 * npy_divmod) and frexp (T → T, int32). Number dtypes use their generated own-literal loops
 * (generated/multiout.generated.ts); int64/uint64 and float16 are written here. Every loop reads
 * an element's operands before storing either output, so `out` may alias an input exactly.
 */
import { f16BitsToNumber, numberToF16Bits, type LoopData, type StridedLoop } from '@dtkit/core';
import { generatedEntry } from './build.js';
import { bigFloorDivide, bigRemainder } from './arith.js';
import { floorDivideF32, remainderF32 } from './floatdiv.js';
import type { BigBinary, Idx, LoopEntry, NumBinary } from './types.js';

type BigArray = BigInt64Array | BigUint64Array;

function bigDivmod(q: BigBinary, r: BigBinary): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as BigArray, b = data[1] as BigArray, oq = data[2] as BigArray, or = data[3] as BigArray;
    let ia = o[0]!, ib = o[1]!, iq = o[2]!, ir = o[3]!;
    const sa = s[0]!, sb = s[1]!, sq = s[2]!, sr = s[3]!;
    for (let i = 0; i < n; i++, ia += sa, ib += sb, iq += sq, ir += sr) {
      const x = a[ia]!, y = b[ib]!;
      const qq = q(x, y), rr = r(x, y);
      oq[iq] = qq; // the store wraps INT64_MIN // -1 to INT64_MIN, as NumPy does
      or[ir] = rr;
    }
  };
}

/** float16 divmod: NumPy computes npy_divmodf in float32 and rounds each result once to binary16. */
function f16Divmod(q: NumBinary, r: NumBinary): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as Uint16Array, b = data[1] as Uint16Array, oq = data[2] as Uint16Array, or = data[3] as Uint16Array;
    let ia = o[0]!, ib = o[1]!, iq = o[2]!, ir = o[3]!;
    const sa = s[0]!, sb = s[1]!, sq = s[2]!, sr = s[3]!;
    for (let i = 0; i < n; i++, ia += sa, ib += sb, iq += sq, ir += sr) {
      const x = f16BitsToNumber(a[ia]!), y = f16BitsToNumber(b[ib]!);
      const qq = numberToF16Bits(q(x, y)), rr = numberToF16Bits(r(x, y));
      oq[iq] = qq;
      or[ir] = rr;
    }
  };
}

const F16_SIGN = 0x8000;
const F16_EXP = 0x7c00;
const F16_FRAC = 0x3ff;
/** Biased exponent 14 puts a binary16 significand in [0.5, 1). */
const F16_HALF_EXP = 14 << 10;

/**
 * float16 frexp on the bit pattern (IEEE 754 binary16: 1 sign, 5 exponent, 10 fraction bits):
 * a normal 1.f·2^(E−15) is 0.1f·2^(E−14); a subnormal is shifted until its leading bit reaches
 * the implicit position. 0, ±inf and NaN return themselves with exponent 0, like C frexp.
 */
const frexpF16: StridedLoop = (n, data, o, s) => {
  const a = data[0] as Uint16Array, om = data[1] as Uint16Array, oe = data[2] as Int32Array;
  let ia = o[0]!, im = o[1]!, ie = o[2]!;
  const sa = s[0]!, sm = s[1]!, se = s[2]!;
  for (let i = 0; i < n; i++, ia += sa, im += sm, ie += se) {
    const h = a[ia]!;
    const biased = (h & F16_EXP) >> 10;
    let m = h, e = 0;
    if (biased === 0x1f || (h & ~F16_SIGN) === 0) {
      // 0, inf, NaN: unchanged
    } else if (biased === 0) {
      let frac = h & F16_FRAC, k = 0;
      while ((frac & 0x400) === 0) { frac <<= 1; k++; }
      m = (h & F16_SIGN) | F16_HALF_EXP | (frac & F16_FRAC);
      e = -13 - k;
    } else {
      m = (h & ~F16_EXP) | F16_HALF_EXP;
      e = biased - 14;
    }
    om[im] = m;
    oe[ie] = e;
  }
};

const NUMBER_DIVMOD = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'] as const;

/** divmod and frexp in NumPy's loop order (divmod: bB hH iI qQ e f d; frexp: e f d). */
export const multiOutputLoops: readonly LoopEntry[] = [
  ...NUMBER_DIVMOD.map((d) => generatedEntry('divmod', [d, d, d, d])),
  { ufunc: 'divmod', dtypes: ['int64', 'int64', 'int64', 'int64'], loop: bigDivmod(bigFloorDivide, bigRemainder) },
  { ufunc: 'divmod', dtypes: ['uint64', 'uint64', 'uint64', 'uint64'], loop: bigDivmod(bigFloorDivide, bigRemainder) },
  { ufunc: 'divmod', dtypes: ['float16', 'float16', 'float16', 'float16'], loop: f16Divmod(floorDivideF32, remainderF32) },
  generatedEntry('divmod', ['float32', 'float32', 'float32', 'float32']),
  generatedEntry('divmod', ['float64', 'float64', 'float64', 'float64']),
  { ufunc: 'frexp', dtypes: ['float16', 'float16', 'int32'], loop: frexpF16 },
  generatedEntry('frexp', ['float32', 'float32', 'int32']),
  generatedEntry('frexp', ['float64', 'float64', 'int32']),
];
