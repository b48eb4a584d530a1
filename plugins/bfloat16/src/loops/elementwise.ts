/**
 * Generic elementwise loops for the minifloats. Each chunk of operands is decoded exactly
 * (table read), the operation is evaluated in JS and stored into a Float32Array — that store is
 * the float32 rounding — and the float32 results are rounded once more, to the type, by the
 * kernel's bulk codec (ties to even; overflow → inf, or NaN for e4m3fn).
 *
 * These are kernels, not loop factories: each registered loop is its own function literal
 * that calls a kernel with an inline op literal (see loops/register.ts). V8 shares type
 * feedback between closures of one literal, so a factory's `op(x, y)` call turns megamorphic
 * across ufuncs (~6x slower). The arithmetic kernels do one chunk per call so that the
 * literal's own chunk loop gets optimized (OSR) with the kernel and the op inlined into it.
 */
import type { LoopData, MinifloatStorage, StridedLoop } from '@dtkit/core';
import { CHUNK } from '../casts/options.js';
import type { MinifloatType } from '../formats.js';

export type BinaryOp = (x: number, y: number) => number;
export type UnaryOp = (x: number) => number;
export type Predicate2 = (x: number, y: number) => boolean;
export type Predicate1 = (x: number) => boolean;

// Loops run one at a time (no re-entrancy), so one set of scratch buffers serves them all.
const results = new Float32Array(CHUNK);

type Idx = ArrayLike<number>;

/** Elements start … start + CHUNK (capped at n) of a binary op; the caller loops over chunks. */
export function binaryChunk(t: MinifloatType, start: number, n: number, data: readonly LoopData[], offs: Idx, strides: Idx, op: BinaryOp): void {
  const table = t.decode;
  const a = data[0] as MinifloatStorage;
  const b = data[1] as MinifloatStorage;
  const sa = strides[0]!;
  const sb = strides[1]!;
  const so = strides[2]!;
  const m = Math.min(CHUNK, n - start);
  for (let j = 0, ia = offs[0]! + start * sa, ib = offs[1]! + start * sb; j < m; j++, ia += sa, ib += sb) {
    results[j] = op(table[a[ia]!]!, table[b[ib]!]!);
  }
  t.fromFloat32(m, results, 0, 1, data[2] as MinifloatStorage, offs[2]! + start * so, so);
}

export function unaryChunk(t: MinifloatType, start: number, n: number, data: readonly LoopData[], offs: Idx, strides: Idx, op: UnaryOp): void {
  const table = t.decode;
  const a = data[0] as MinifloatStorage;
  const sa = strides[0]!;
  const so = strides[1]!;
  const m = Math.min(CHUNK, n - start);
  for (let j = 0, ia = offs[0]! + start * sa; j < m; j++, ia += sa) results[j] = op(table[a[ia]!]!);
  t.fromFloat32(m, results, 0, 1, data[1] as MinifloatStorage, offs[1]! + start * so, so);
}

/** Exact sign-bit operations (negative, absolute): NaN keeps its payload, as in NumPy. */
export function bitsLoop(xorMask: number, andMask: number): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as MinifloatStorage;
    const dst = data[1] as MinifloatStorage;
    for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) {
      dst[o] = (a[i]! ^ xorMask) & andMask;
    }
  };
}

/** Comparisons → bool (on exact decoded values, so no rounding is involved). */
export function compareKernel(t: MinifloatType, n: number, data: readonly LoopData[], offs: Idx, strides: Idx, test: Predicate2): void {
  const table = t.decode;
  const a = data[0] as MinifloatStorage;
  const b = data[1] as MinifloatStorage;
  const dst = data[2] as Uint8Array;
  for (let k = 0, ia = offs[0]!, ib = offs[1]!, o = offs[2]!; k < n; k++, ia += strides[0]!, ib += strides[1]!, o += strides[2]!) {
    dst[o] = test(table[a[ia]!]!, table[b[ib]!]!) ? 1 : 0;
  }
}

/** isnan / isinf / isfinite → bool. */
export function classifyKernel(t: MinifloatType, n: number, data: readonly LoopData[], offs: Idx, strides: Idx, test: Predicate1): void {
  const table = t.decode;
  const a = data[0] as MinifloatStorage;
  const dst = data[1] as Uint8Array;
  for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) {
    dst[o] = test(table[a[i]!]!) ? 1 : 0;
  }
}
