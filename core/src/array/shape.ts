import { BroadcastError, IndexError, ValueError } from '../errors.js';
import { describe, MAX_DIMS } from './view-bounds.js';

export type Shape = readonly number[];

/** Number of elements of a shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** C-order (row-major) strides in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

export function checkShape(shape: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw new ValueError(`invalid shape [${shape.join(', ')}]: dimensions must be non-negative integers`, 'SHAPE');
    out.push(d);
  }
  return out;
}

/** NumPy broadcasting of several shapes (right-aligned; 1 stretches). */
export function broadcastShapes(shapes: readonly Shape[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const j = nd - s.length + i;
      const cur = out[j]!;
      if (cur === 1) out[j] = d;
      else if (d !== 1 && d !== cur) {
        throw new BroadcastError(`operands could not be broadcast together with shapes ${shapes.map((x) => `(${x.join(',')}${x.length === 1 ? ',' : ''})`).join(' ')}`);
      }
    }
  }
  return out;
}

/** Strides of an operand viewed with the broadcast `shape` (0 along stretched or new axes). */
export function broadcastStrides(shape: Shape, opShape: Shape, opStrides: readonly number[]): number[] {
  const nd = shape.length;
  const out = new Array<number>(nd).fill(0);
  const off = nd - opShape.length;
  for (let i = 0; i < opShape.length; i++) out[off + i] = opShape[i] === 1 && shape[off + i] !== 1 ? 0 : opStrides[i]!;
  return out;
}

/** Normalises an axis (negative counts from the end) and checks it. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new IndexError(`axis ${describe(axis)} is out of bounds for array of dimension ${ndim}`, 'AXIS');
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * The target shape of `reshape(...args)` (`reshape(2, 3)` or `reshape([2, 3])`) for an array of
 * `size` elements, with one `-1` inferred. Throws ValueError `SHAPE` for anything else.
 */
export function reshapeTarget(args: readonly unknown[], size: number): number[] {
  const list: readonly unknown[] = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (list.length > MAX_DIMS) throw badReshape(list, size, `at most ${MAX_DIMS} dimensions are supported`);
  const shape: number[] = [];
  let unknown = -1;
  let known = 1;
  let nonZero = 1; // bounded as in NumPy, even when a 0 makes the size 0
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < -1) throw badReshape(list, size, 'dimensions must be non-negative integers or one -1');
    if (d === -1) {
      if (unknown >= 0) throw badReshape(list, size, 'can only specify one unknown dimension (-1)');
      unknown = i;
    } else {
      known *= d;
      if (d !== 0) nonZero *= d;
    }
    shape.push(d);
  }
  if (nonZero > Number.MAX_SAFE_INTEGER) throw badReshape(list, size, 'too large');
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw badReshape(list, size, `${size} elements do not divide into it`);
    shape[unknown] = size / known;
  } else if (known !== size) throw badReshape(list, size, 'the sizes differ');
  return shape;
}

function badReshape(list: readonly unknown[], size: number, why: string): ValueError {
  return new ValueError(`cannot reshape array of size ${size} into shape (${describeShape(list)}): ${why}`, 'SHAPE');
}

function describeShape(list: readonly unknown[]): string {
  return list.slice(0, MAX_DIMS).map((d) => (Array.isArray(d) ? 'an array' : describe(d))).join(', ');
}

/** The axis permutation of `transpose(axes)`: reversed by default, else a permutation of 0..ndim-1. */
export function transposeAxes(axes: unknown, ndim: number): number[] {
  if (axes === undefined || axes === null) {
    const perm: number[] = [];
    for (let i = ndim - 1; i >= 0; i--) perm.push(i);
    return perm;
  }
  if (!Array.isArray(axes) || axes.length !== ndim) {
    throw new ValueError(`axes ${describe(axes)} don't match array of dimension ${ndim}: give a permutation of its ${ndim} axes`, 'AXES');
  }
  const perm: number[] = [];
  for (let i = 0; i < ndim; i++) {
    const p = normalizeAxis(axes[i] as number, ndim);
    for (let k = 0; k < i; k++) if (perm[k] === p) throw new ValueError(`repeated axis ${p} in transpose axes ${describe(axes)}`, 'AXES');
    perm.push(p);
  }
  return perm;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true; // views of one array share their frozen shape
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Strides (in elements) of a new compact array of `shape` laid out like its operands: NumPy's
 * `order='K'`. Axes are ordered by how fast the operands walk them (larger |stride| outer); an
 * axis pair is reordered only when every operand that moves along both axes agrees, so
 * conflicting or broadcast operands keep C order. `A.T + 1` and `A.T.astype(…)` come out
 * F-ordered, `A.T + B` (F and C operands) C-ordered, as in NumPy.
 */
export function keepOrderStrides(shape: Shape, operandStrides: readonly (readonly number[])[]): number[] {
  const order = memoryOrder(shape, operandStrides);
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const axis = order[k]!;
    strides[axis] = step;
    step *= shape[axis]!;
  }
  return strides;
}

/**
 * The axes of `shape`, outermost first, in the order the operands walk memory (larger |stride|
 * outer); C order where operands disagree or do not move. Iterating in this order lets
 * transposed-but-compact operands coalesce into one contiguous run.
 */
export function memoryOrder(shape: Shape, operandStrides: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  const order = [...Array(nd).keys()]; // starts as C order
  // Insertion sort: move each axis outward past every axis that all operands walk faster.
  for (let i = 1; i < nd; i++) {
    const axis = order[i]!;
    let at = i;
    while (at > 0 && shouldBeOuter(axis, order[at - 1]!, shape, operandStrides)) at--;
    if (at !== i) {
      order.splice(i, 1);
      order.splice(at, 0, axis);
    }
  }
  return order;
}

/** `axis` should sit outside `other`: every operand moving along both walks `axis` with a larger stride. */
function shouldBeOuter(axis: number, other: number, shape: Shape, operandStrides: readonly (readonly number[])[]): boolean {
  if (shape[axis]! <= 1 || shape[other]! <= 1) return false;
  let decided = false;
  for (const strides of operandStrides) {
    const s = Math.abs(strides[axis]!), t = Math.abs(strides[other]!);
    if (s === 0 || t === 0) continue;
    if (s <= t) return false; // one operand prefers the current order: C order wins conflicts
    decided = true;
  }
  return decided;
}
