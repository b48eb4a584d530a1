import type { PlaneLoop, StridedLoop, TypedArray } from '@dtkit/core';
import type { PlainLoop } from './fallback-elementwise.js';
import type { BinaryKernel, ReduceKernel, TransposedKernel, UnaryKernel } from './module.js';
import { PARALLEL_MIN, threaded, type Threading } from './threads/split.js';
import { pairwiseHalf } from '../loops/pairwise.js';

/** Whether a TypedArray is a view on the kernels' memory (the arena's test). */
export type Owns = (array: TypedArray) => boolean;

// Each wrapper runs the wasm kernel when every operand is a view on the wasm memory (pointer =
// byteOffset + offset * BYTES_PER_ELEMENT) and the equivalent plain-JS loop otherwise. Copying
// foreign operands in is never done: see README (a copy costs about as much as the JS loop).

/**
 * Address of operand element `offset`: the array's own when it lives in wasm memory; for a
 * broadcast scalar (stride 0) on the JS heap — a JS number operand becomes a tiny 0-d array —
 * its one element is copied into `slot` of the staging block; -1 when neither applies.
 */
function operandAddress(array: TypedArray, offset: number, stride: number, size: number, owns: Owns, staging: Uint8Array | null, slot: number): number {
  if (owns(array)) return array.byteOffset + offset * size;
  if (stride !== 0 || staging === null) return -1;
  staging.set(new Uint8Array(array.buffer, array.byteOffset + offset * size, size), slot);
  return staging.byteOffset + slot;
}

// Element sizes are closure constants (reading BYTES_PER_ELEMENT is a megamorphic load here).
export function wrapBinary(
  kernel: BinaryKernel, fallback: PlainLoop, owns: Owns, sizeIn: number, sizeOut: number, transposed: TransposedKernel | null, th: Threading,
  staging: Uint8Array | null,
): StridedLoop {
  const loop = (n: number, data: Parameters<StridedLoop>[1], offsets: ArrayLike<number>, strides: ArrayLike<number>): void => {
    const a = data[0] as TypedArray, b = data[1] as TypedArray, o = data[2] as TypedArray;
    const pa = operandAddress(a, offsets[0]!, strides[0]!, sizeIn, owns, staging, 0);
    const pb = pa < 0 ? -1 : operandAddress(b, offsets[1]!, strides[1]!, sizeIn, owns, staging, 16);
    if (pb >= 0 && owns(o)) {
      const po = o.byteOffset + offsets[2]! * sizeOut;
      const sa = strides[0]!, sb = strides[1]!, so = strides[2]!;
      if (!threaded(th, kernel, [pa, sa, pb, sb, po, so, n], [sa * sizeIn, 0, sb * sizeIn, 0, so * sizeOut, 0, 0], 6, n, n)) {
        kernel(pa, sa, pb, sb, po, so, n);
      }
    } else {
      fallback(n, data, offsets, strides);
    }
  };
  return transposed === null ? loop : Object.assign(loop, { plane: transposedPlane(transposed, owns, sizeIn, th) });
}

/**
 * The plane loop for `A.T + B`-like layouts: one input has contiguous rows but strided columns
 * while the other input and the output have contiguous columns. Other layouts are declined and
 * run row by row.
 */
function transposedPlane(kernel: TransposedKernel, owns: Owns, size: number, th: Threading): PlaneLoop {
  return (rows, cols, data, offsets, rowStrides, colStrides) => {
    if (colStrides[2] !== 1) return false;
    let t: 0 | 1;
    if (rowStrides[0] === 1 && colStrides[0] !== 1 && colStrides[1] === 1) t = 0;
    else if (rowStrides[1] === 1 && colStrides[1] !== 1 && colStrides[0] === 1) t = 1;
    else return false;
    const c = (1 - t) as 0 | 1;
    const td = data[t] as TypedArray, cd = data[c] as TypedArray, o = data[2] as TypedArray;
    if (!(owns(td) && owns(cd) && owns(o))) return false;
    const args = [
      t === 0 ? 1 : 0,
      td.byteOffset + offsets[t]! * size, colStrides[t]!,
      cd.byteOffset + offsets[c]! * size, rowStrides[c]!,
      o.byteOffset + offsets[2]! * size, rowStrides[2]!, rows, cols,
    ] as const;
    // Split by bands of 8 rows: row r of T starts r elements in, of C and out r row strides in.
    const steps = [0, size, 0, rowStrides[c]! * size, 0, rowStrides[2]! * size, 0, 0, 0];
    if (!threaded(th, kernel, args, steps, 7, rows, rows * cols, 8)) kernel(...args);
    return true;
  };
}

export function wrapUnary(kernel: UnaryKernel, fallback: PlainLoop, owns: Owns, sizeIn: number, sizeOut: number, th: Threading): StridedLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (owns(a) && owns(o)) {
      const pa = a.byteOffset + offsets[0]! * sizeIn, po = o.byteOffset + offsets[1]! * sizeOut;
      const sa = strides[0]!, so = strides[1]!;
      if (!threaded(th, kernel, [pa, sa, po, so, n], [sa * sizeIn, 0, so * sizeOut, 0, 0], 4, n, n)) kernel(pa, sa, po, so, n);
    } else {
      fallback(n, data, offsets, strides);
    }
  };
}

/**
 * Reductions accumulate into a one-element accumulator that often lives on the JS heap (small
 * arrays do): it is staged through a 16-byte scratch block in wasm memory, so only the input
 * needs to be a wasm view for the kernel to run.
 */
export function wrapReduce(
  kernel: ReduceKernel, fallback: PlainLoop, owns: Owns, size: number, scratch: Uint8Array | null,
  split: PairwiseSplit | null = null,
): StridedLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as TypedArray, acc = data[1] as TypedArray;
    if (!owns(a)) {
      fallback(n, data, offsets, strides);
      return;
    }
    if (split !== null && strides[0] === 1 && split.run(kernel, a.byteOffset + offsets[0]! * size, n, acc, offsets[1]!)) return;
    if (owns(acc)) {
      kernel(a.byteOffset + offsets[0]! * size, strides[0]!, acc.byteOffset + offsets[1]! * size, n);
      return;
    }
    if (scratch === null) {
      fallback(n, data, offsets, strides);
      return;
    }
    const accBytes = new Uint8Array(acc.buffer, acc.byteOffset + offsets[1]! * size, size);
    scratch.set(accBytes);
    kernel(a.byteOffset + offsets[0]! * size, strides[0]!, scratch.byteOffset, n);
    accBytes.set(scratch.subarray(0, size));
  };
}

/** Runs a large contiguous float sum as two threaded halves; false when it does not apply. */
export interface PairwiseSplit {
  run(kernel: ReduceKernel, pointer: number, n: number, acc: TypedArray, accOffset: number): boolean;
}

/**
 * NumPy's pairwise sum of more than 128 elements is pw(first half) + pw(second half), the half
 * rounded down to a multiple of 8: the two halves are independent, so two threads compute them
 * (each into a slot starting at −0, which adds exactly) and the caller adds them in the kernel's
 * precision, then into the accumulator — the same operations in the same order as one thread.
 */
export function pairwiseSplit(th: Threading, slots: Float64Array, float32: boolean): PairwiseSplit {
  const base = slots.byteOffset;
  const f32 = new Float32Array(slots.buffer, base, 4);
  return {
    run(kernel, pointer, n, acc, accOffset) {
      const pool = th.pool;
      if (pool === null || n < PARALLEL_MIN) return false;
      const index = th.indexOf.get(kernel);
      if (index === undefined) return false;
      const half = pairwiseHalf(n); // the kernel's own split (dtypes/wasm/reduce.ts)
      const size = float32 ? 4 : 8;
      if (float32) { f32[0] = -0; f32[2] = -0; } else { slots[0] = -0; slots[1] = -0; }
      pool.runEach(index, [[pointer, 1, base, half], [pointer + half * size, 1, base + 8, n - half]]);
      const target = acc as Float64Array;
      const sum = float32 ? Math.fround(target[accOffset]! + Math.fround(f32[0]! + f32[2]!)) : target[accOffset]! + (slots[0]! + slots[1]!);
      // Which NaN a sum returns depends on the addition order: leave NaN sums to one thread's kernel.
      if (sum !== sum) return false;
      target[accOffset] = sum;
      return true;
    },
  };
}
