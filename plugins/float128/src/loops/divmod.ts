/** divmod(a, b) = (floor_divide(a, b), remainder(a, b)), NumPy semantics, element by element. */
import type { StridedLoop } from '@dtkit/core';
import { floorDivide128, pyRemainder128 } from './numpy-ops.js';

const R = new Uint32Array(4); // the remainder waits here so either output may alias an input

export const divmodLoop: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, q = data[2] as Uint32Array, r = data[3] as Uint32Array;
  const sa = 4 * strides[0]!, sb = 4 * strides[1]!, sq = 4 * strides[2]!, sr = 4 * strides[3]!;
  let ia = 4 * offs[0]!, ib = 4 * offs[1]!, iq = 4 * offs[2]!, ir = 4 * offs[3]!;
  for (let k = 0; k < n; k++, ia += sa, ib += sb, iq += sq, ir += sr) {
    pyRemainder128(a, ia, b, ib, R, 0);
    floorDivide128(a, ia, b, ib, q, iq);
    r[ir] = R[0]!; r[ir + 1] = R[1]!; r[ir + 2] = R[2]!; r[ir + 3] = R[3]!;
  }
};
