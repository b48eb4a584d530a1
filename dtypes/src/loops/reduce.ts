/**
 * Reduce loops: data = [input, accumulator]; n inputs (offset o[0], stride s[0]) are folded into
 * acc[o[1]], which already holds the initial / running value. Float add uses NumPy's pairwise
 * summation (acc + pairwise(inputs), as NumPy's reduce inner loop does per call), so results
 * match np.sum bit for bit when the caller chunks the reduction the way NumPy does.
 * float16 accumulates in float32 within one call and rounds to binary16 once at the end.
 */
import type { StridedLoop } from '@dtkit/core';
import type { LoopData } from '@dtkit/core';
import { f16BitsToNumber, numberToF16Bits } from '@dtkit/core';
import { pairwiseF64, pairwiseF32, pairwiseF16, pairwiseComplex } from './pairwise.js';
import { nanSum } from './nan-bits.js';
import { ALL_INTS, COMPLEXES } from './types.js';
import type { Idx, NumBinary, BigBinary, ComplexDType, ReduceLoopEntry } from './types.js';

type NumberArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

function foldNumbers(op: NumBinary): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as NumberArray, acc = data[1] as NumberArray;
    const stride = s[0]!;
    let value = acc[o[1]!]!;
    for (let i = 0, k = o[0]!; i < n; i++, k += stride) value = op(value, a[k]!);
    acc[o[1]!] = value;
  };
}
function foldBigInts(op: BigBinary, wrap: (x: bigint) => bigint): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as BigInt64Array | BigUint64Array, acc = data[1] as BigInt64Array | BigUint64Array;
    const stride = s[0]!;
    let value = acc[o[1]!]!;
    for (let i = 0, k = o[0]!; i < n; i++, k += stride) value = wrap(op(value, a[k]!));
    acc[o[1]!] = value;
  };
}
/** float16: widen the accumulator, fold in float32 (`op` must round with Math.fround), narrow once. */
function foldF16(op: NumBinary): StridedLoop {
  return (n: number, data: readonly LoopData[], o: Idx, s: Idx) => {
    const a = data[0] as Uint16Array, acc = data[1] as Uint16Array;
    const stride = s[0]!;
    let value = f16BitsToNumber(acc[o[1]!]!);
    for (let i = 0, k = o[0]!; i < n; i++, k += stride) value = op(value, f16BitsToNumber(a[k]!));
    acc[o[1]!] = numberToF16Bits(value);
  };
}

// A NaN sum is the first NaN operand met, quieted (loops/nan-bits.ts), as in the wasm kernels.
const sumF64: StridedLoop = (n, data, o, s) => {
  const acc = data[1] as Float64Array, a = data[0] as Float64Array;
  const start = acc[o[1]!]!;
  const sum = start + pairwiseF64(a, o[0]!, n, s[0]!);
  acc[o[1]!] = sum === sum ? sum : nanSum(start, a, o[0]!, n, s[0]!);
};
const sumF32: StridedLoop = (n, data, o, s) => {
  const acc = data[1] as Float32Array, a = data[0] as Float32Array;
  const start = acc[o[1]!]!;
  const sum = start + pairwiseF32(a, o[0]!, n, s[0]!);
  acc[o[1]!] = sum === sum ? sum : nanSum(start, a, o[0]!, n, s[0]!);
};
const sumF16: StridedLoop = (n, data, o, s) => {
  const acc = data[1] as Uint16Array;
  acc[o[1]!] = numberToF16Bits(Math.fround(f16BitsToNumber(acc[o[1]!]!) + pairwiseF16(data[0] as Uint16Array, o[0]!, n, s[0]!)));
};
function sumComplex(round: (x: number) => number): StridedLoop {
  const partial = new Float64Array(2);
  return (n, data, o, s) => {
    const acc = data[1] as Float32Array | Float64Array;
    pairwiseComplex(data[0] as Float32Array | Float64Array, o[0]!, n, s[0]!, round, partial);
    const k = 2 * o[1]!;
    acc[k] = round(acc[k]! + partial[0]!);
    acc[k + 1] = round(acc[k + 1]! + partial[1]!);
  };
}
function productComplex(round: (x: number) => number): StridedLoop {
  return (n, data, o, s) => {
    const a = data[0] as Float32Array | Float64Array, acc = data[1] as Float32Array | Float64Array;
    const k = 2 * o[1]!;
    let re = acc[k]!, im = acc[k + 1]!;
    for (let i = 0, j = 2 * o[0]!; i < n; i++, j += 2 * s[0]!) {
      const br = a[j]!, bi = a[j + 1]!;
      const nextRe = round(round(re * br) - round(im * bi));
      im = round(round(re * bi) + round(im * br));
      re = nextRe;
    }
    acc[k] = re;
    acc[k + 1] = im;
  };
}

/** Complex maximum / minimum: NumPy's lexicographic order, a NaN accumulator sticks. */
function foldComplexExtreme(max: boolean): StridedLoop {
  return (n, data, o, s) => {
    const a = data[0] as Float32Array | Float64Array, acc = data[1] as Float32Array | Float64Array;
    const k = 2 * o[1]!;
    let re = acc[k]!, im = acc[k + 1]!;
    for (let i = 0, j = 2 * o[0]!; i < n; i++, j += 2 * s[0]!) {
      if (re !== re || im !== im) break;
      const br = a[j]!, bi = a[j + 1]!;
      const orderOk = br === br && bi === bi;
      const keep = max
        ? (re > br && orderOk) || (re === br && im >= bi)
        : (re < br && orderOk) || (re === br && im <= bi);
      if (!keep) { re = br; im = bi; }
    }
    acc[k] = re;
    acc[k + 1] = im;
  };
}

const f = Math.fround;
const maximum: NumBinary = (acc, x) => (acc >= x || acc !== acc ? acc : x);
const minimum: NumBinary = (acc, x) => (acc <= x || acc !== acc ? acc : x);
const bigMax: BigBinary = (acc, x) => (acc >= x ? acc : x);
const bigMin: BigBinary = (acc, x) => (acc <= x ? acc : x);
const wrapI64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const wrapU64 = (x: bigint): bigint => BigInt.asUintN(64, x);

function intReductions(): ReduceLoopEntry[] {
  return ALL_INTS.flatMap((dtype): ReduceLoopEntry[] => {
    if (dtype === 'int64' || dtype === 'uint64') {
      const wrap = dtype === 'int64' ? wrapI64 : wrapU64;
      return [
        { ufunc: 'add', dtype, loop: foldBigInts((a, b) => a + b, wrap) },
        { ufunc: 'multiply', dtype, loop: foldBigInts((a, b) => a * b, wrap) },
        { ufunc: 'maximum', dtype, loop: foldBigInts(bigMax, wrap) },
        { ufunc: 'minimum', dtype, loop: foldBigInts(bigMin, wrap) },
      ];
    }
    // int32 arithmetic is exact modulo 2^32, hence modulo 2^width for the narrower types.
    return [
      { ufunc: 'add', dtype, loop: foldNumbers((a, b) => (a + b) | 0) },
      { ufunc: 'multiply', dtype, loop: foldNumbers(Math.imul) },
      { ufunc: 'maximum', dtype, loop: foldNumbers(maximum) },
      { ufunc: 'minimum', dtype, loop: foldNumbers(minimum) },
    ];
  });
}

function complexReductions(dtype: ComplexDType): ReduceLoopEntry[] {
  const round = dtype === 'complex64' ? Math.fround : (x: number) => x;
  return [
    { ufunc: 'add', dtype, loop: sumComplex(round) },
    { ufunc: 'multiply', dtype, loop: productComplex(round) },
    { ufunc: 'maximum', dtype, loop: foldComplexExtreme(true) },
    { ufunc: 'minimum', dtype, loop: foldComplexExtreme(false) },
  ];
}

export const reduceLoops: readonly ReduceLoopEntry[] = [
  { ufunc: 'add', dtype: 'bool', loop: foldNumbers((a, b) => a | b) },
  { ufunc: 'multiply', dtype: 'bool', loop: foldNumbers((a, b) => a & b) },
  { ufunc: 'maximum', dtype: 'bool', loop: foldNumbers((a, b) => a | b) },
  { ufunc: 'minimum', dtype: 'bool', loop: foldNumbers((a, b) => a & b) },
  { ufunc: 'logical_and', dtype: 'bool', loop: foldNumbers((a, b) => a & b) },
  { ufunc: 'logical_or', dtype: 'bool', loop: foldNumbers((a, b) => a | b) },
  ...intReductions(),
  { ufunc: 'add', dtype: 'float16', loop: sumF16 },
  { ufunc: 'multiply', dtype: 'float16', loop: foldF16((a, b) => f(a * b)) },
  { ufunc: 'maximum', dtype: 'float16', loop: foldF16(maximum) },
  { ufunc: 'minimum', dtype: 'float16', loop: foldF16(minimum) },
  { ufunc: 'add', dtype: 'float32', loop: sumF32 },
  { ufunc: 'multiply', dtype: 'float32', loop: foldNumbers((a, b) => f(a * b)) },
  { ufunc: 'maximum', dtype: 'float32', loop: foldNumbers(maximum) },
  { ufunc: 'minimum', dtype: 'float32', loop: foldNumbers(minimum) },
  { ufunc: 'add', dtype: 'float64', loop: sumF64 },
  { ufunc: 'multiply', dtype: 'float64', loop: foldNumbers((a, b) => a * b) },
  { ufunc: 'maximum', dtype: 'float64', loop: foldNumbers(maximum) },
  { ufunc: 'minimum', dtype: 'float64', loop: foldNumbers(minimum) },
  ...COMPLEXES.flatMap(complexReductions),
];
