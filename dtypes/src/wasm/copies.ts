import { copyLoop, type PlaneLoop, type StridedLoop, type TypedArray } from '@dtkit/core';
import { threaded, type Threading } from './threads/split.js';
import type { Owns } from './wrappers.js';

export type CopyKernel = (a: number, sa: number, o: number, so: number, n: number) => void;
export type TransposeCopyKernel = (src: number, cs: number, dst: number, rso: number, rows: number, cols: number) => void;

/** Runs shorter than this copy in JS (the JS→wasm call costs more than it saves). */
const MIN_COPY_RUN = 64;

/**
 * Same-dtype copy of `width`-byte elements: memory.copy for contiguous runs, a strided bit copy,
 * and a transposing plane (`A.T.copy()`); core's JS copy for everything else.
 */
export function copyOf(
  width: number, owns: Owns, copyBytes: (dst: number, src: number, bytes: number) => void, strided: CopyKernel, transpose: TransposeCopyKernel,
  th: Threading,
): StridedLoop {
  const fallback = copyLoop;
  const loop = (n: number, data: Parameters<StridedLoop>[1], offsets: ArrayLike<number>, strides: ArrayLike<number>, ctx: Parameters<StridedLoop>[4]): void => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (n < MIN_COPY_RUN || !owns(a) || !owns(o)) {
      fallback(n, data, offsets, strides, ctx);
      return;
    }
    const pa = a.byteOffset + offsets[0]! * width, po = o.byteOffset + offsets[1]! * width;
    const sa = strides[0]!, so = strides[1]!;
    if (sa === 1 && so === 1) {
      const bytes = n * width;
      if (!threaded(th, copyBytes, [po, pa, bytes], [1, 1, 0], 2, bytes, n, 64)) copyBytes(po, pa, bytes);
    } else if (!threaded(th, strided, [pa, sa, po, so, n], [sa * width, 0, so * width, 0, 0], 4, n, n)) {
      strided(pa, sa, po, so, n);
    }
  };
  const plane: PlaneLoop = (rows, cols, data, offsets, rowStrides, colStrides, ctx) => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (owns(a) && owns(o) && rowStrides[0] === 1 && colStrides[0] !== 1 && colStrides[1] === 1) {
      const args = [a.byteOffset + offsets[0]! * width, colStrides[0]!, o.byteOffset + offsets[1]! * width, rowStrides[1]!, rows, cols] as const;
      if (!threaded(th, transpose, args, [width, 0, rowStrides[1]! * width, 0, 0, 0], 4, rows, rows * cols, 8)) transpose(...args);
      return true;
    }
    return fallback.plane !== undefined ? fallback.plane(rows, cols, data, offsets, rowStrides, colStrides, ctx) : false;
  };
  return Object.assign(loop, { plane });
}
