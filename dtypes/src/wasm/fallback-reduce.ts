// Plain-JS reduce loops matching dtypes/wasm/reduce.ts. data = [input, accumulator]; the
// accumulator element already holds the running value.
import type { BigArray, NumberArray, PlainLoop } from './fallback-elementwise.js';
import type { ReduceUfunc, WasmElementType } from './types.js';
import { firstNaN, nanSum } from '../loops/nan-bits.js';

/**
 * NumPy's pairwise summation (see dtypes/wasm/reduce.ts). `round` is Math.fround for float32
 * (every partial sum rounds to float32, as in NumPy's float loop) and identity for float64.
 * The 8 accumulators are locals so V8 keeps them in registers.
 */
export function pairwiseSum(a: NumberArray, offset: number, n: number, stride: number, round: (x: number) => number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0, k = offset; i < n; i++, k += stride) res = round(res + a[k]!);
    return res;
  }
  if (n <= 128) {
    const s = stride;
    let k = offset;
    let r0 = a[k]!, r1 = a[k + s]!, r2 = a[k + 2 * s]!, r3 = a[k + 3 * s]!;
    let r4 = a[k + 4 * s]!, r5 = a[k + 5 * s]!, r6 = a[k + 6 * s]!, r7 = a[k + 7 * s]!;
    const whole = n - (n % 8);
    let i = 8;
    for (k += 8 * s; i < whole; i += 8, k += 8 * s) {
      r0 = round(r0 + a[k]!); r1 = round(r1 + a[k + s]!); r2 = round(r2 + a[k + 2 * s]!); r3 = round(r3 + a[k + 3 * s]!);
      r4 = round(r4 + a[k + 4 * s]!); r5 = round(r5 + a[k + 5 * s]!); r6 = round(r6 + a[k + 6 * s]!); r7 = round(r7 + a[k + 7 * s]!);
    }
    let res = round(round(round(r0 + r1) + round(r2 + r3)) + round(round(r4 + r5) + round(r6 + r7)));
    for (; i < n; i++, k += s) res = round(res + a[k]!);
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return round(pairwiseSum(a, offset, half, stride, round) + pairwiseSum(a, offset + half * stride, n - half, stride, round));
}

const identity = (x: number): number => x;

/** Wraps an exact intermediate integer to the element type (keeps JS sums exact). */
function integerWrap(t: WasmElementType): (x: number) => number {
  switch (t.bytes * (t.signed ? -1 : 1)) {
    case -1: return (x) => (x << 24) >> 24;
    case 1: return (x) => x & 0xff;
    case -2: return (x) => (x << 16) >> 16;
    case 2: return (x) => x & 0xffff;
    case -4: return (x) => x | 0;
    default: return (x) => x >>> 0;
  }
}

function numberReduce(ufunc: ReduceUfunc, t: WasmElementType): PlainLoop {
  const wrap = integerWrap(t);
  const round = t.bytes === 4 ? Math.fround : identity;
  return (n, data, offsets, strides) => {
    const a = data[0] as NumberArray, acc = data[1] as NumberArray;
    const slot = offsets[1]!, s = strides[0]!;
    let ia = offsets[0]!;
    if (n <= 0) return;
    let result = acc[slot]!;
    switch (ufunc) {
      case 'add':
        if (t.float) {
          const sum = result + pairwiseSum(a, ia, n, s, round);
          acc[slot] = sum === sum ? sum : nanSum(result, a, ia, n, s);
          return;
        }
        for (let i = 0; i < n; i++, ia += s) result = wrap(result + a[ia]!);
        break;
      case 'multiply':
        if (t.float) for (let i = 0; i < n; i++, ia += s) result = round(result * a[ia]!);
        else for (let i = 0; i < n; i++, ia += s) result = wrap(Math.imul(result, a[ia]!));
        break;
      // Math.min/max: NaN propagates and -0 < +0, like wasm f64.min/max; a NaN result is the
      // first NaN met, as in the kernels (loops/nan-bits.ts).
      case 'minimum':
        for (let i = 0; i < n; i++, ia += s) result = Math.min(result, a[ia]!);
        if (result !== result) result = firstNaN(acc[slot]!, a, offsets[0]!, n, s);
        break;
      case 'maximum':
        for (let i = 0; i < n; i++, ia += s) result = Math.max(result, a[ia]!);
        if (result !== result) result = firstNaN(acc[slot]!, a, offsets[0]!, n, s);
        break;
    }
    acc[slot] = result;
  };
}

function bigReduce(ufunc: ReduceUfunc, t: WasmElementType): PlainLoop {
  const wrap = t.signed ? (x: bigint) => BigInt.asIntN(64, x) : (x: bigint) => BigInt.asUintN(64, x);
  return (n, data, offsets, strides) => {
    const a = data[0] as BigArray, acc = data[1] as BigArray;
    const slot = offsets[1]!, s = strides[0]!;
    let ia = offsets[0]!;
    let result = acc[slot]!;
    for (let i = 0; i < n; i++, ia += s) {
      const x = a[ia]!;
      if (ufunc === 'add') result = wrap(result + x);
      else if (ufunc === 'multiply') result = wrap(result * x);
      else if (ufunc === 'minimum') result = x < result ? x : result;
      else result = x > result ? x : result;
    }
    acc[slot] = result;
  };
}

export function reduceFallback(ufunc: ReduceUfunc, t: WasmElementType): PlainLoop {
  return t.big ? bigReduce(ufunc, t) : numberReduce(ufunc, t);
}

/** logical_or (`any`) / logical_and (`all`) over bool bytes. */
export function logicalReduceFallback(isAny: boolean): PlainLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as Uint8Array, acc = data[1] as Uint8Array;
    const slot = offsets[1]!, s = strides[0]!;
    if (n <= 0 || (acc[slot]! !== 0) === isAny) return;
    for (let i = 0, ia = offsets[0]!; i < n; i++, ia += s) {
      if ((a[ia]! !== 0) === isAny) {
        acc[slot] = isAny ? 1 : 0;
        return;
      }
    }
  };
}
