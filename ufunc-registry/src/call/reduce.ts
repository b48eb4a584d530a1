import {
  NDArray, isNDArray, normalizeAxis, contiguousStrides, sizeOf, allocateStore, loopDataOf, runStrided,
  castArray, castInto, planCast, fromValues, ValueError, BroadcastError, array as coreArray, sameShape, broadcastShapes,
  describeValue, type DType, type Registry, type StridedLoop, type LoopContext, type Casting, type OwnOptions,
} from '@dtkit/core';
import { resolveMethod, type ResolvedMethod } from '../dispatch/resolve.js';
import { registryOf } from './elementwise.js';
import { maskedCopy } from './masked-copy.js';
import type { UFuncDef } from '../ufunc-def.js';
import { REDUCE_OPTIONS, callOptions, dtypeOption, singleOut, whereOption, type ReduceOptions } from './options.js';

/** Sorted, de-duplicated, normalised axes; `null` means all. */
export function reduceAxes(axis: ReduceOptions['axis'], ndim: number): number[] {
  if (axis === null) return [...Array(ndim).keys()];
  checkAxisOption(axis);
  const list = typeof axis === 'number' ? [axis] : [...(axis ?? [0])];
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError('duplicate value in axis', 'AXIS');
  return out.sort((a, b) => a - b);
}

/**
 * `axis` must be an integer, a list of integers or null (NumPy: TypeError for 1.5, '0', {}):
 * ValueError 'AXIS' here; out-of-range axes are IndexError 'AXIS' (normalizeAxis), duplicates
 * ValueError 'AXIS'.
 */
export function checkAxisOption(axis: unknown): void {
  if (axis === undefined || axis === null || Number.isInteger(axis)) return;
  if (Array.isArray(axis)) {
    for (const a of axis as unknown[]) if (!Number.isInteger(a)) throw new ValueError(`axis entries must be integers, got ${describeValue(a)}`, 'AXIS');
    return;
  }
  throw new ValueError(`axis must be an integer, a list of integers or null, got ${describeValue(axis)}`, 'AXIS');
}

const WIDENED = new Set(['bool', 'int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32']);

/**
 * NumPy's default accumulator for add/multiply reductions: small integers and bool widen to
 * the 64-bit integer of their signedness (np.sum(int8) is int64).
 */
export function defaultReduceDType(reg: Registry, u: UFuncDef, d: DType): DType {
  if (u.name !== 'add' && u.name !== 'multiply') return d;
  // Only the builtin integer families widen (a plugin's int-kind dtype keeps its own type).
  if (!WIDENED.has(d.name) || reg.families.get(d.name) !== d.family) return d;
  const st = d.storage;
  if (st.kind !== 'typed' || st.type === 'bigint64' || st.type === 'biguint64') return d;
  if (d.kind === 'bool' || d.kind === 'int') return reg.dtype('int64');
  if (d.kind === 'uint') return reg.dtype('uint64');
  return d;
}

/**
 * `ufunc.reduce`: folds the input along `axis` into an accumulator of the loop's dtype. Uses the
 * method's fast reduce loop on runs along the reduced axes, or its binary loop elementwise when
 * the kept axes are the inner ones (then acc[...] = acc[...] op row, as NumPy does).
 */
export function reduce(u: UFuncDef, input: unknown, options?: ReduceOptions, defaultAxis: ReduceOptions['axis'] = 0): NDArray {
  if (u.nin !== 2 || u.nout !== 1) throw new ValueError(`reduce only supports binary ufuncs; ${u.name} has nin=${u.nin}, nout=${u.nout}`, 'REDUCE');
  const what = `${u.name}.reduce`;
  const opts = callOptions(options, REDUCE_OPTIONS, what, [input]);
  const reg = registryOf([input], opts);
  const axisOpt = opts['axis'] as ReduceOptions['axis'];
  checkAxisOption(axisOpt);
  const out = singleOut(opts, what);
  const forced = dtypeOption(reg, opts, what);
  const casting = (opts['casting'] as Casting | undefined) ?? 'same_kind';
  let a = isNDArray(input) ? input : coreArray(input, { registry: reg });
  const wrapper = reg.wrappingReductions.get(a.dtype.family);
  if (wrapper !== undefined) {
    const r = wrapper.run('reduce', u.name, a, { ...opts, axis: axisOpt === undefined ? defaultAxis : axisOpt });
    if (r !== undefined) return r;
  }
  const axes = reduceAxes(axisOpt === undefined ? defaultAxis : axisOpt, a.ndim);
  const kept = [...Array(a.ndim).keys()].filter((d) => !axes.includes(d));
  const accIn = forced ?? defaultReduceDType(reg, u, a.dtype);
  const given = [accIn, accIn, out?.dtype ?? null];
  let method = resolveMethod(reg, u, given, a.device);
  // Without a reduce loop, folding aliases the accumulator: that needs an in-order (JS) loop.
  if (method.reduceLoop === undefined && !method.sequential) method = resolveMethod(reg, u, given, a.device, ['js']);
  const descrs = method.descriptors;
  const accD = descrs[2]!;
  if (descrs[0] !== accD) throw new ValueError(`${u.name}.reduce needs a loop whose first input and output dtypes agree (got ${descrs.map((d) => d.name).join(', ')})`, 'REDUCE');
  const resShape = kept.map((d) => a.shape[d]!);
  const outShape = opts['keepdims'] === true ? a.shape.map((n, d) => (axes.includes(d) ? 1 : n)) : resShape;
  if (out !== null) {
    if (!sameShape(out.shape, outShape)) throw new BroadcastError(`output shape (${out.shape.join(',')}) does not match the reduction shape (${outShape.join(',')})`);
    if (out.dtype !== accD) planCast(reg, accD, out.dtype, casting, opts);
  }
  const mask = whereOption(reg, opts['where'], what);
  if (mask !== true && mask !== false && !sameShape(broadcastShapes([mask.shape, a.shape]), a.shape)) {
    throw new BroadcastError(`where mask of shape (${mask.shape.join(',')}) does not broadcast to (${a.shape.join(',')})`);
  }
  const initial = opts['initial'] !== undefined ? opts['initial'] : method.initial !== undefined ? method.initial : u.identity;
  if (mask !== true && initial === undefined) throw new ValueError(`reduction operation '${u.name}' does not have an identity, so to use a where mask one has to specify 'initial'`, 'REDUCE_IDENTITY');
  const source = a;
  if (a.dtype !== descrs[1]) a = castArray(reg, a, descrs[1]!, isNDArray(input) ? casting : 'unsafe', opts);
  const converted = a;
  const reducedSize = axes.reduce((n, d) => n * a.shape[d]!, 1);
  if (mask !== true) {
    const filled = fullOf(reg, accD, a.shape, initial, a.device);
    if (mask !== false) maskedCopy(mask, a, filled);
    a = filled;
  }
  let acc: NDArray;
  if (initial !== undefined) {
    acc = fullOf(reg, accD, resShape, initial, a.device);
    if (reducedSize > 0) fold(method, a, acc, kept, axes, descrs, opts);
  } else {
    if (reducedSize === 0) throw new ValueError(`zero-size array to reduction operation ${u.name} which has no identity`, 'REDUCE_IDENTITY');
    // No identity: start from the first element along the reduced axes, fold the rest one axis at a time.
    let cur = a;
    let curKept = kept;
    for (let i = axes.length - 1; i >= 0; i--) {
      const ax = axes[i]!;
      const specs = cur.shape.map((_, d) => (d === ax ? 0 : null));
      const first = cur.slice(...specs).copy();
      const restSpecs = cur.shape.map((_, d) => (d === ax ? '1:' : null));
      const rest = cur.slice(...restSpecs);
      const keptHere = [...Array(cur.ndim).keys()].filter((d) => d !== ax);
      if (rest.size > 0) fold(method, rest, first, keptHere, [ax], descrs, opts);
      cur = first;
      curKept = keptHere;
    }
    void curKept;
    // No axes to fold (`axis: []`): the result is the input itself; copy it, as NumPy returns a
    // new array, so writing the result never changes the caller's input.
    acc = isNDArray(input) && cur.store === input.store ? cur.copy() : cur;
  }
  const shaped = sameShape(acc.shape, outShape) ? acc : acc.reshape(outShape);
  if (out !== null) castInto(reg, shaped, out, 'unsafe', opts);
  // Hand the cast / masked copies of the input back now (see elementwise.ts releaseTemporary);
  // never the caller's input or the result.
  const reachable = [acc.store, out?.store, isNDArray(input) ? input.store : undefined];
  const temps = new Set([converted, a, source]);
  for (const temp of temps) if (!reachable.includes(temp.store)) temp.dispose();
  return out ?? shaped;
}

function fullOf(reg: Registry, d: DType, shape: readonly number[], value: unknown, device: string): NDArray {
  const n = sizeOf(shape);
  const one = fromValues(reg, d, [], [value]); // setItem converts (a number into int64 too)
  const arr = new NDArray(reg, d, allocateStore(d, n), shape, contiguousStrides(shape), 0, device);
  if (n > 0) castInto(reg, one, arr, 'no');
  return arr;
}

/** acc[kept] = op(acc[kept], a[kept, reduced...]) over all reduced positions. */
function fold(method: ResolvedMethod, a: NDArray, acc: NDArray, kept: readonly number[], axes: readonly number[], descrs: readonly DType[], opts: OwnOptions): void {
  const ctx: LoopContext = { descriptors: descrs, options: opts, auxdata: method.auxdata };
  const minStride = (dims: readonly number[]): number => dims.reduce((m, d) => (a.shape[d]! > 1 ? Math.min(m, Math.abs(a.strides[d]!)) : m), Infinity);
  // Reduced axes innermost when they are the fast-moving ones (runs for the reduce loop);
  // otherwise kept axes innermost, updating acc elementwise.
  const reducedInner = method.reduceLoop !== undefined && (kept.length === 0 || minStride(axes) <= minStride(kept));
  const order = reducedInner ? [...kept, ...axes] : [...axes, ...kept];
  const view = a.transpose(order);
  const accStridesFull = new Array<number>(a.ndim).fill(0);
  const accContig = acc.strides;
  kept.forEach((d, i) => { accStridesFull[d] = accContig[i]!; });
  const shape = view.shape;
  const accStrides = order.map((d) => accStridesFull[d]!);
  const binary = method.pick(false, opts);
  const reduceLoop = method.reduceLoop;
  const accData = loopDataOf(acc.store);
  const inData = loopDataOf(a.store);
  const triple = [accData, inData, accData];
  const tOffs = [0, 0, 0];
  const tStr = [0, 0, 0];
  // data = [input, acc]; runs with acc stride 0 go to the reduce loop, others update elementwise.
  const dispatchRun: StridedLoop = (n, _data, offs, strides) => {
    if (strides[1] === 0 && reduceLoop !== undefined) {
      reduceLoop(n, _data, offs, strides, ctx);
      return;
    }
    tOffs[0] = offs[1]!; tOffs[1] = offs[0]!; tOffs[2] = offs[1]!;
    tStr[0] = strides[1]!; tStr[1] = strides[0]!; tStr[2] = strides[1]!;
    binary(n, triple, tOffs, tStr, ctx);
  };
  if (!method.sequential && reduceLoop === undefined) {
    throw new ValueError(`${method.backend} loop for this reduction has no reduce loop and is not sequential`, 'REDUCE');
  }
  runStrided(dispatchRun, [inData, accData], shape, [view.strides.slice(), accStrides], [a.offset, acc.offset], ctx);
}
