/**
 * isnan / isinf / isfinite (every real dtype; integers are always finite), and the sign-bit
 * loops signbit / copysign, which read the float's sign bit through an Int32Array view so that
 * -0 and negative NaNs count. Assumes a little-endian platform (as every JS engine in use is).
 */
import type { StridedLoop } from '@dtkit/core';
import type { LoopData } from '@dtkit/core';
import { numPredicate, bigPredicate, f16Predicate, f16BitsPredicate, f16BitsBinary, everyInt } from './build.js';
import type { Idx, LoopEntry, NumPredicate1 } from './types.js';

const isNaNValue: NumPredicate1 = (x) => x !== x;
const isInfinite: NumPredicate1 = (x) => x === Infinity || x === -Infinity;
const isFiniteValue: NumPredicate1 = (x) => x - x === 0;

function classify(ufunc: string, op: NumPredicate1, integerAnswer: boolean): LoopEntry[] {
  const constant = (): boolean => integerAnswer;
  return [
    numPredicate(ufunc, 'bool', constant),
    ...everyInt((d) => numPredicate(ufunc, d, constant), (d) => bigPredicate(ufunc, d, constant)),
    f16Predicate(ufunc, op),
    numPredicate(ufunc, 'float32', op),
    numPredicate(ufunc, 'float64', op),
  ];
}

/** Int32 words of a float array; the sign of element k is word k*wordsPerElement + highWord. */
function signWords(a: Float32Array | Float64Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.length * (a.BYTES_PER_ELEMENT >> 2));
}

function signbitLoop(wordsPerElement: number): StridedLoop {
  const high = wordsPerElement - 1;
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const words = signWords(data[0] as Float32Array | Float64Array);
    const out = data[1] as Uint8Array;
    let ia = o[0]!, io = o[1]!;
    const sa = s[0]!, so = s[1]!;
    for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = words[ia * wordsPerElement + high]! < 0 ? 1 : 0;
  };
}

function copysignLoop(wordsPerElement: number): StridedLoop {
  const high = wordsPerElement - 1;
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as Float32Array | Float64Array;
    const signs = signWords(data[1] as Float32Array | Float64Array);
    const out = data[2] as Float32Array | Float64Array;
    let ia = o[0]!, ib = o[1]!, io = o[2]!;
    const sa = s[0]!, sb = s[1]!, so = s[2]!;
    for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
      const magnitude = Math.abs(a[ia]!);
      out[io] = signs[ib * wordsPerElement + high]! < 0 ? -magnitude : magnitude;
    }
  };
}

export const classifyLoops: readonly LoopEntry[] = [
  ...classify('isnan', isNaNValue, false),
  ...classify('isinf', isInfinite, false),
  ...classify('isfinite', isFiniteValue, true),
  f16BitsPredicate('signbit', (bits) => (bits & 0x8000) !== 0),
  { ufunc: 'signbit', dtypes: ['float32', 'bool'], loop: signbitLoop(1) },
  { ufunc: 'signbit', dtypes: ['float64', 'bool'], loop: signbitLoop(2) },
  f16BitsBinary('copysign', (a, b) => (a & 0x7fff) | (b & 0x8000)),
  { ufunc: 'copysign', dtypes: ['float32', 'float32', 'float32'], loop: copysignLoop(1) },
  { ufunc: 'copysign', dtypes: ['float64', 'float64', 'float64'], loop: copysignLoop(2) },
];
