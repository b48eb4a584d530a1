/**
 * ldexp(x, n) = x · 2ⁿ rounded once, as C ldexp / musl scalbn: the scale is applied in at most
 * three exact steps so that only the last multiply rounds (a subnormal result is not rounded
 * twice). float32 takes the float64 result and rounds it once more, which is exact unless the
 * float64 result was itself inexact — only below 2^-1022 or above 2^1023, where the float32
 * answer is 0 or inf anyway. float16 is computed in float32 (NumPy's npy_ldexpf) and rounded to
 * binary16. NumPy's loops: (e|f|d, int32 | int64) → e|f|d; the generated float32/float64 loops
 * with an int32 exponent import ldexpF64 (./scalbn.ts) too.
 */
import { f16BitsToNumber, numberToF16Bits, type LoopData, type StridedLoop } from '@dtkit/core';
import { generatedEntry } from './build.js';
import { ldexpF64 } from './scalbn.js';
import type { Idx, LoopEntry } from './types.js';

type Read = (data: LoopData, i: number) => number;
type Write = (data: LoopData, i: number, v: number) => void;
const readF16: Read = (d, i) => f16BitsToNumber((d as Uint16Array)[i]!);
const writeF16: Write = (d, i, v) => { (d as Uint16Array)[i] = numberToF16Bits(Math.fround(v)); };
const readNum: Read = (d, i) => (d as Float64Array)[i]!;
const writeNum: Write = (d, i, v) => { (d as Float64Array)[i] = v; };

/** A strided ldexp whose exponents are int64 (BigInt64Array, clamped: any |n| > 2^11 saturates). */
function ldexpInt64(read: Read, write: Write, round: (v: number) => number): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const x = data[0]!, e = data[1] as BigInt64Array, out = data[2]!;
    let ix = o[0]!, ie = o[1]!, io = o[2]!;
    const sx = s[0]!, se = s[1]!, so = s[2]!;
    for (let i = 0; i < n; i++, ix += sx, ie += se, io += so) {
      const k = e[ie]!;
      const kk = k > 4096n ? 4096 : k < -4096n ? -4096 : Number(k);
      write(out, io, round(ldexpF64(read(x, ix), kk)));
    }
  };
}

function ldexpF16Int32(): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const x = data[0]!, e = data[1] as Int32Array, out = data[2]!;
    let ix = o[0]!, ie = o[1]!, io = o[2]!;
    const sx = s[0]!, se = s[1]!, so = s[2]!;
    for (let i = 0; i < n; i++, ix += sx, ie += se, io += so) writeF16(out, io, ldexpF64(readF16(x, ix), e[ie]!));
  };
}

const identity = (v: number): number => v;

/** In NumPy's loop order: ei, fi, el, fl, di, dl. */
export const ldexpLoops: readonly LoopEntry[] = [
  { ufunc: 'ldexp', dtypes: ['float16', 'int32', 'float16'], loop: ldexpF16Int32() },
  generatedEntry('ldexp', ['float32', 'int32', 'float32']),
  { ufunc: 'ldexp', dtypes: ['float16', 'int64', 'float16'], loop: ldexpInt64(readF16, writeF16, identity) },
  { ufunc: 'ldexp', dtypes: ['float32', 'int64', 'float32'], loop: ldexpInt64(readNum, writeNum, Math.fround) },
  generatedEntry('ldexp', ['float64', 'int32', 'float64']),
  { ufunc: 'ldexp', dtypes: ['float64', 'int64', 'float64'], loop: ldexpInt64(readNum, writeNum, identity) },
];
