import {
  isNDArray, ValueError, IndexError, NDArray, loopDataOf, normalizeAxis, describeValue, allocateStore, contiguousStrides, sizeOf,
  array as coreArray, type DType, type ReductionKind,
} from '@dtkit/core';
import { reduce, reduceAxes } from './call/reduce.js';
import { registryOf } from './call/elementwise.js';
import { ufuncs } from './catalog.js';
import { ARG_OPTIONS, REDUCE_OPTIONS, callOptions, type ReduceOptions } from './call/options.js';
import type { Operand } from './ufunc.js';

const u = (name: string) => ufuncs[name]!;

/** Sum over `axis` (default: all); small ints accumulate in int64 as in NumPy. */
export function sum(a: Operand, options: ReduceOptions = {}): NDArray {
  return reduce(u('add'), a, options, null);
}

export function prod(a: Operand, options: ReduceOptions = {}): NDArray {
  return reduce(u('multiply'), a, options, null);
}

/** Minimum (NaN-propagating, like np.min). */
export function min(a: Operand, options: ReduceOptions = {}): NDArray {
  return reduce(u('minimum'), a, options, null);
}

export function max(a: Operand, options: ReduceOptions = {}): NDArray {
  return reduce(u('maximum'), a, options, null);
}

export function any(a: Operand, options: ReduceOptions = {}): NDArray {
  return wrapped('any', a, options) ?? reduce(u('logical_or'), toBool(a, options), options, null);
}

export function all(a: Operand, options: ReduceOptions = {}): NDArray {
  return wrapped('all', a, options) ?? reduce(u('logical_and'), toBool(a, options), options, null);
}

/** A wrapper family's own reduction `kind` of `a` (see registerWrappingReduction), if it has one. */
function wrapped(kind: ReductionKind, a: Operand, options: ReduceOptions & { readonly axis?: ReduceOptions['axis'] }): NDArray | undefined {
  if (!isNDArray(a)) return undefined;
  const hook = a.registry.wrappingReductions.get(a.dtype.family);
  if (hook === undefined) return undefined;
  return hook.run(kind, kind, a, { ...options, axis: options.axis === undefined ? null : options.axis });
}

function toBool(a: Operand, options: ReduceOptions): NDArray {
  const reg = registryOf([a], options);
  const arr = isNDArray(a) ? a : coreArray(a, { registry: reg });
  return arr.dtype.name === 'bool' ? arr : arr.astype('bool');
}

/** Mean: the sum in float64 (or the float dtype itself) divided by the count. */
export function mean(a: Operand, options: ReduceOptions = {}): NDArray {
  callOptions(options, REDUCE_OPTIONS, 'mean', [a]); // every option checked before the sum runs
  const w = wrapped('mean', a, options);
  if (w !== undefined) return w;
  const reg = registryOf([a], options);
  const arr = isNDArray(a) ? a : coreArray(a, { registry: reg });
  const k = arr.dtype.kind;
  const acc: DType | string = options.dtype ?? (k === 'float' || k === 'complex' ? arr.dtype : 'float64');
  const { out, ...rest } = options;
  const s = sum(arr, { ...rest, dtype: acc });
  const axes = reduceAxes(options.axis === undefined ? null : options.axis, arr.ndim);
  const count = axes.reduce((n, d) => n * arr.shape[d]!, 1);
  return u('divide')(s, count, out ? { out } : {}) as NDArray;
}

function argReduce(kind: 'argmin' | 'argmax', a: Operand, options?: ArgOptions): NDArray {
  const opts = callOptions(options, ARG_OPTIONS, kind, [a]);
  const w = wrapped(kind, a, opts);
  if (w !== undefined) return w;
  const reg = registryOf([a], opts);
  const axisOpt = opts['axis'];
  // NumPy: an int or None (1.5, '0', [0] are TypeErrors); out of range is an AxisError.
  if (axisOpt !== undefined && axisOpt !== null && !Number.isInteger(axisOpt)) {
    throw new ValueError(`${kind}: axis must be an integer or null, got ${describeValue(axisOpt)}`, 'AXIS');
  }
  const arr = isNDArray(a) ? a : coreArray(a, { registry: reg });
  const entry = reg.argLoops.find((e) => e.kind === kind && e.family === arr.dtype.family);
  if (entry === undefined) throw new ValueError(`no ${kind} loop for dtype ${arr.dtype.name}`, 'NO_LOOP');
  const flat = axisOpt === undefined || axisOpt === null;
  const axis = flat ? 0 : normalizeAxis(axisOpt as number, arr.ndim);
  const src = flat ? (arr.isContiguous ? arr.reshape([-1]) : arr.copy().reshape([-1])) : arr;
  const n = src.shape[axis]!;
  if (n === 0) throw new ValueError(`attempt to get ${kind} of an empty sequence`, 'EMPTY');
  const keptShape = src.shape.filter((_, d) => d !== axis);
  const i64 = reg.dtype('int64');
  const res = new NDArray(reg, i64, allocateStore(i64, sizeOf(keptShape)), keptShape, contiguousStrides(keptShape), 0, arr.device);
  const out = (res.store.kind === 'typed' ? res.store.data : undefined) as BigInt64Array;
  const ctx = { descriptors: [arr.dtype], options: {}, auxdata: undefined };
  const data = loopDataOf(src.store);
  const st = src.strides[axis]!;
  const m = sizeOf(keptShape);
  const keptStrides = src.strides.filter((_, d) => d !== axis);
  const idx = new Array<number>(keptShape.length).fill(0);
  for (let i = 0; i < m; i++) {
    let off = src.offset;
    for (let d = 0; d < idx.length; d++) off += idx[d]! * keptStrides[d]!;
    out[i] = BigInt(entry.loop(n, data, off, st, ctx));
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < keptShape[d]!) break;
      idx[d] = 0;
    }
  }
  // keepdims without an axis keeps every dimension as 1 (NumPy 2: shape (1,)*ndim).
  if (opts['keepdims'] === true) return res.reshape(flat ? arr.shape.map(() => 1) : src.shape.map((s, d) => (d === axis ? 1 : s)));
  return res;
}

/** Options of argmin / argmax: `axis` (an integer, or null/absent for the flattened array), `keepdims`. */
export interface ArgOptions {
  readonly axis?: number | null;
  readonly keepdims?: boolean;
  readonly registry?: ReduceOptions['registry'];
}

export function argmin(a: Operand, options?: ArgOptions): NDArray {
  return argReduce('argmin', a, options);
}

export function argmax(a: Operand, options?: ArgOptions): NDArray {
  return argReduce('argmax', a, options);
}

