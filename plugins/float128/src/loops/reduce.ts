/**
 * Reductions in float128. data = [input, accumulator]; the accumulator is one float128 at
 * acc lanes 4·offsets[1]. add/multiply fold sequentially (plain left-to-right, each step
 * correctly rounded, like C `__float128` code; no pairwise summation: with 113 bits the
 * error growth of n·2^-113 is negligible for any array that fits in memory).
 */
import type { ArgReduceLoop, StridedLoop } from '@dtkit/core';
import { compare128, isNaN128 } from '../soft/index.js';
import type { Lanes2 } from './elementwise.js';

/** acc = op(acc, x) for each element of the run. */
export function foldReduceLoop(op: Lanes2): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Uint32Array, acc = data[1] as Uint32Array;
    const o = 4 * offs[1]!, s = 4 * strides[0]!;
    for (let k = 0, i = 4 * offs[0]!; k < n; k++, i += s) op(acc, o, src, i, acc, o);
  };
}

/**
 * Index of the first extreme (`want` = 1 for argmax, −1 for argmin); a NaN counts as the
 * extreme (first NaN wins), as in NumPy.
 */
export function argReduceLoop(want: 1 | -1): ArgReduceLoop {
  return (n, data, offset, stride) => {
    const src = data as Uint32Array;
    let best = 4 * offset, bestIndex = 0;
    if (isNaN128(src, best)) return 0;
    for (let k = 1, i = 4 * (offset + stride); k < n; k++, i += 4 * stride) {
      if (isNaN128(src, i)) return k;
      if (compare128(src, i, src, best) === want) { best = i; bestIndex = k; }
    }
    return bestIndex;
  };
}
