/** Step 6 of the tutorial: the ufunc loops (ArrayMethods) of the rational dtype. */
import type { ArgLoopSpec, ArgReduceLoop, LoopSpec, StridedLoop } from '@dtkit/core';
import * as R from './arith.js';

/** An exact binary operation writing its result into `R.result`. */
type BinaryOp = (n1: number, d1: number, n2: number, d2: number) => void;
type UnaryOp = (n: number, d: number) => void;

/** (rational, rational) → rational. Lane 1 holds denominator − 1 (zeroed memory is 0/1). */
function binaryLoop(op: BinaryOp, checkDivisors = false): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Int32Array, b = data[1] as Int32Array, out = data[2] as Int32Array;
    const sa = 2 * strides[0]!, sb = 2 * strides[1]!, so = 2 * strides[2]!;
    if (checkDivisors) {
      // Raise division by zero before the first write, so `out` stays untouched.
      for (let k = 0, ib = 2 * offs[1]!; k < n; k++, ib += sb) if (b[ib] === 0) R.zeroDivision();
    }
    let ia = 2 * offs[0]!, ib = 2 * offs[1]!, io = 2 * offs[2]!;
    for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
      op(a[ia]!, a[ia + 1]! + 1, b[ib]!, b[ib + 1]! + 1);
      out[io] = R.result.n;
      out[io + 1] = R.result.d - 1;
    }
  };
}

function unaryLoop(op: UnaryOp): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Int32Array, out = data[1] as Int32Array;
    const sa = 2 * strides[0]!, so = 2 * strides[1]!;
    let ia = 2 * offs[0]!, io = 2 * offs[1]!;
    for (let k = 0; k < n; k++, ia += sa, io += so) {
      op(a[ia]!, a[ia + 1]! + 1);
      out[io] = R.result.n;
      out[io + 1] = R.result.d - 1;
    }
  };
}

/** (rational, rational) → bool from the exact sign of a − b. */
function compareLoop(test: (sign: number) => boolean): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Int32Array, b = data[1] as Int32Array, out = data[2] as Uint8Array;
    const sa = 2 * strides[0]!, sb = 2 * strides[1]!, so = strides[2]!;
    let ia = 2 * offs[0]!, ib = 2 * offs[1]!, io = offs[2]!;
    for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
      out[io] = test(R.compare(a[ia]!, a[ia + 1]! + 1, b[ib]!, b[ib + 1]! + 1)) ? 1 : 0;
    }
  };
}

/**
 * Fast reduction (data = [input, accumulator], accumulator stride 0): folds the run into
 * local registers and writes the accumulator once, instead of one store per element.
 */
function reduceLoop(op: BinaryOp): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Int32Array, acc = data[1] as Int32Array;
    const sa = 2 * strides[0]!, io = 2 * offs[1]!;
    let num = acc[io]!, den = acc[io + 1]! + 1;
    for (let k = 0, ia = 2 * offs[0]!; k < n; k++, ia += sa) {
      op(num, den, a[ia]!, a[ia + 1]! + 1);
      num = R.result.n;
      den = R.result.d;
    }
    acc[io] = num;
    acc[io + 1] = den - 1;
  };
}

const maximum: BinaryOp = (n1, d1, n2, d2) => {
  const first = R.compare(n1, d1, n2, d2) >= 0;
  R.result.n = first ? n1 : n2;
  R.result.d = first ? d1 : d2;
};
const minimum: BinaryOp = (n1, d1, n2, d2) => {
  const first = R.compare(n1, d1, n2, d2) <= 0;
  R.result.n = first ? n1 : n2;
  R.result.d = first ? d1 : d2;
};
const positive: UnaryOp = (n, d) => { R.result.n = n; R.result.d = d; };
const sign: UnaryOp = (n) => { R.result.n = Math.sign(n); R.result.d = 1; };
const square: UnaryOp = (n, d) => R.multiply(n, d, n, d);

const RR_R = ['rational', 'rational', 'rational'] as const;
const RR_BOOL = ['rational', 'rational', 'bool'] as const;
const R_R = ['rational', 'rational'] as const;

/** [ufunc name, loop spec] pairs; the family is named by its registered name 'rational'. */
export function rationalLoops(): Array<readonly [string, LoopSpec]> {
  return [
    ['add', { dtypes: RR_R, loop: binaryLoop(R.add), reduceLoop: reduceLoop(R.add) }],
    ['subtract', { dtypes: RR_R, loop: binaryLoop(R.subtract) }],
    ['multiply', { dtypes: RR_R, loop: binaryLoop(R.multiply), reduceLoop: reduceLoop(R.multiply) }],
    ['divide', { dtypes: RR_R, loop: binaryLoop(R.divide, true) }],
    ['floor_divide', { dtypes: RR_R, loop: binaryLoop(R.floorDivide, true) }],
    ['remainder', { dtypes: RR_R, loop: binaryLoop(R.remainder, true) }],
    ['maximum', { dtypes: RR_R, loop: binaryLoop(maximum), reduceLoop: reduceLoop(maximum) }],
    ['minimum', { dtypes: RR_R, loop: binaryLoop(minimum), reduceLoop: reduceLoop(minimum) }],
    ['negative', { dtypes: R_R, loop: unaryLoop(R.negative) }],
    ['positive', { dtypes: R_R, loop: unaryLoop(positive) }],
    ['absolute', { dtypes: R_R, loop: unaryLoop(R.absolute) }],
    ['sign', { dtypes: R_R, loop: unaryLoop(sign) }],
    ['square', { dtypes: R_R, loop: unaryLoop(square) }],
    ['floor', { dtypes: R_R, loop: unaryLoop(R.floor) }],
    ['ceil', { dtypes: R_R, loop: unaryLoop(R.ceil) }],
    ['trunc', { dtypes: R_R, loop: unaryLoop(R.trunc) }],
    ['rint', { dtypes: R_R, loop: unaryLoop(R.rint) }],
    ['equal', { dtypes: RR_BOOL, loop: compareLoop((s) => s === 0) }],
    ['not_equal', { dtypes: RR_BOOL, loop: compareLoop((s) => s !== 0) }],
    ['less', { dtypes: RR_BOOL, loop: compareLoop((s) => s < 0) }],
    ['less_equal', { dtypes: RR_BOOL, loop: compareLoop((s) => s <= 0) }],
    ['greater', { dtypes: RR_BOOL, loop: compareLoop((s) => s > 0) }],
    ['greater_equal', { dtypes: RR_BOOL, loop: compareLoop((s) => s >= 0) }],
  ];
}

/** Index of the first extreme element: `better(sign)` says whether the candidate beats the best. */
function argLoop(better: (sign: number) => boolean): ArgReduceLoop {
  return (n, data, offset, stride) => {
    const a = data as Int32Array;
    let best = 0;
    let bn = a[2 * offset]!, bd = a[2 * offset + 1]! + 1;
    for (let k = 1, i = 2 * (offset + stride); k < n; k++, i += 2 * stride) {
      const cn = a[i]!, cd = a[i + 1]! + 1;
      if (better(R.compare(cn, cd, bn, bd))) { best = k; bn = cn; bd = cd; }
    }
    return best;
  };
}

/** argmin / argmax (`dt.argmin(r)`), first occurrence wins as in NumPy. */
export function rationalArgLoops(): ArgLoopSpec[] {
  return [
    { dtype: 'rational', kind: 'argmin', loop: argLoop((s) => s < 0) },
    { dtype: 'rational', kind: 'argmax', loop: argLoop((s) => s > 0) },
  ];
}
