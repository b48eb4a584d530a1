/**
 * add/subtract/multiply/divide/sqrt written out one by one (not through the shared factory in
 * elementwise.ts), so each loop's call site sees a single soft/ function and V8 can inline it.
 */
import type { StridedLoop } from '@dtkit/core';
import { add128, div128, mul128, sqrt128, sub128 } from '../soft/index.js';

export const ADD_LOOP: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint32Array;
  const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = 4 * strides[2]!;
  for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) add128(a, ia, b, ib, o, io);
};

export const SUB_LOOP: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint32Array;
  const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = 4 * strides[2]!;
  for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) sub128(a, ia, b, ib, o, io);
};

export const MUL_LOOP: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint32Array;
  const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = 4 * strides[2]!;
  for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) mul128(a, ia, b, ib, o, io);
};

export const DIV_LOOP: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint32Array;
  const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = 4 * strides[2]!;
  for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) div128(a, ia, b, ib, o, io);
};

export const SQRT_LOOP: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint32Array, o = data[1] as Uint32Array;
  const sa = 4 * strides[0]!, so = 4 * strides[1]!;
  for (let k = 0, ia = 4 * offs[0]!, io = 4 * offs[1]!; k < n; k++, ia += sa, io += so) sqrt128(a, ia, o, io);
};
