/**
 * argmin / argmax: index of the first extreme element; a NaN is the extreme (first NaN wins).
 * Complex values order lexicographically (real part, then imaginary), as in NumPy.
 */
import type { ArgReduceLoop } from '@dtkit/core';
import type { LoopData } from '@dtkit/core';
import { f16BitsToNumber } from '@dtkit/core';
import { ALL_INTS } from './types.js';
import type { ArgLoopEntry } from './types.js';

type NumberArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type Better = (candidate: number, best: number) => boolean;

function argNumbers(better: Better, decode: ((x: number) => number) | null): ArgReduceLoop {
  return (n: number, data: LoopData, offset: number, stride: number) => {
    const a = data as NumberArray;
    let best = decode ? decode(a[offset]!) : a[offset]!;
    if (best !== best) return 0;
    let bestIndex = 0;
    for (let i = 1, k = offset + stride; i < n; i++, k += stride) {
      const v = decode ? decode(a[k]!) : a[k]!;
      if (v !== v) return i;
      if (better(v, best)) { best = v; bestIndex = i; }
    }
    return bestIndex;
  };
}

function argBigInts(max: boolean): ArgReduceLoop {
  return (n: number, data: LoopData, offset: number, stride: number) => {
    const a = data as BigInt64Array | BigUint64Array;
    let best = a[offset]!;
    let bestIndex = 0;
    for (let i = 1, k = offset + stride; i < n; i++, k += stride) {
      const v = a[k]!;
      if (max ? v > best : v < best) { best = v; bestIndex = i; }
    }
    return bestIndex;
  };
}

function argComplex(max: boolean): ArgReduceLoop {
  return (n: number, data: LoopData, offset: number, stride: number) => {
    const a = data as Float32Array | Float64Array;
    let re = a[2 * offset]!, im = a[2 * offset + 1]!;
    if (re !== re || im !== im) return 0;
    let bestIndex = 0;
    for (let i = 1, k = 2 * (offset + stride); i < n; i++, k += 2 * stride) {
      const vr = a[k]!, vi = a[k + 1]!;
      if (vr !== vr || vi !== vi) return i;
      const wins = max ? vr > re || (vr === re && vi > im) : vr < re || (vr === re && vi < im);
      if (wins) { re = vr; im = vi; bestIndex = i; }
    }
    return bestIndex;
  };
}

const greater: Better = (v, best) => v > best;
const less: Better = (v, best) => v < best;

function both(dtype: string, max: ArgReduceLoop, min: ArgReduceLoop): ArgLoopEntry[] {
  return [{ kind: 'argmax', dtype, loop: max }, { kind: 'argmin', dtype, loop: min }];
}

export const argLoops: readonly ArgLoopEntry[] = [
  ...both('bool', argNumbers(greater, null), argNumbers(less, null)),
  ...ALL_INTS.flatMap((dtype) =>
    dtype === 'int64' || dtype === 'uint64'
      ? both(dtype, argBigInts(true), argBigInts(false))
      : both(dtype, argNumbers(greater, null), argNumbers(less, null))),
  ...both('float16', argNumbers(greater, f16BitsToNumber), argNumbers(less, f16BitsToNumber)),
  ...both('float32', argNumbers(greater, null), argNumbers(less, null)),
  ...both('float64', argNumbers(greater, null), argNumbers(less, null)),
  ...both('complex64', argComplex(true), argComplex(false)),
  ...both('complex128', argComplex(true), argComplex(false)),
];
