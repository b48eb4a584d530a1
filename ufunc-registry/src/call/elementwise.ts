import {
  NDArray, isNDArray, broadcastShapes, broadcastStrides, sameShape, sizeOf, contiguousStrides, keepOrderStrides,
  allocateStore, loopDataOf, runStrided, castArray, castInto, planCast, fromValues, weakFamilyOf,
  commonFamilyOf, discoverScalar, defaultRegistry, BroadcastError, ValueError, DTypeError, array as coreArray,
  type DType, type DTypeFamily, type Registry, type LoopContext, type LoopData, type Casting, type StridedLoop,
} from '@dtkit/core';
import { resolveMethod } from '../dispatch/resolve.js';
import { maskedCopy } from './masked-copy.js';
import type { UFuncDef } from '../ufunc-def.js';
import { CALL_OPTIONS, callOptions, dtypeOption, outList, whereOption, type UFuncCallOptions } from './options.js';
const ONES: readonly number[][] = [[], [1], [1, 1], [1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1, 1]];

/** The registry of a call: explicit, else the first array operand's, else the default. */
export function registryOf(args: readonly unknown[], opts: Readonly<Record<string, unknown>>): Registry {
  const r = opts['registry'] as Registry | undefined;
  if (r) return r;
  for (const a of args) if (isNDArray(a)) return a.registry;
  return defaultRegistry();
}

/**
 * The descriptor a weak JS scalar takes next to the call's arrays (NEP 50): the arrays' common
 * family when it is non-parametric and at least as high a kind, else the scalar's default dtype.
 */
function weakDescriptor(reg: Registry, strong: readonly DTypeFamily[], weak: DTypeFamily): DType {
  const fallback = (): DType => commonFamilyOf(reg, [weak]).default;
  if (strong.length === 0) return fallback();
  try {
    const fam = commonFamilyOf(reg, [...strong, weak]);
    return fam.parametric || fam.abstract ? fallback() : fam.default;
  } catch {
    return fallback();
  }
}

/** A wrapper descriptor's innermost wrapped descriptor (masked[int8] → int8); others as they are. */
function unwrapped(d: DType): DType {
  for (let w = d.family.spec.wrapped?.(d); w !== undefined; w = d.family.spec.wrapped?.(d)) d = w;
  return d;
}

/** Turns every input into an NDArray; JS scalars become 0-d arrays of their weak descriptor. */
export function prepareInputs(reg: Registry, args: readonly unknown[], nin: number): NDArray[] {
  const inputs = new Array<NDArray>(nin);
  let scalars = false;
  for (let i = 0; i < nin; i++) {
    const a = args[i];
    if (isNDArray(a)) inputs[i] = a;
    else if (Array.isArray(a) || ArrayBuffer.isView(a)) inputs[i] = coreArray(a, { registry: reg });
    else scalars = true;
  }
  if (!scalars) return inputs;
  const strong: DTypeFamily[] = [];
  for (const x of inputs) if (x !== undefined) strong.push(unwrapped(x.dtype).family);
  for (let i = 0; i < nin; i++) {
    if (inputs[i] !== undefined) continue;
    const v = args[i];
    const w = weakFamilyOf(v);
    const d = w !== undefined ? weakDescriptor(reg, strong, w) : discoverScalar(reg, v);
    if (d === undefined) throw new DTypeError(`cannot use ${String(v)} as a ufunc operand`, 'DTYPE_DISCOVER');
    inputs[i] = fromValues(reg, d, [], [v]); // setItem converts and range-checks the JS value
  }
  return inputs;
}

/** Executes an elementwise ufunc call: dispatch, resolve, validate, then write. */
export function callElementwise(u: UFuncDef, args: readonly unknown[], options?: UFuncCallOptions): NDArray | NDArray[] {
  const { nin, nout } = u;
  if (args.length !== nin) throw new ValueError(`${u.name} takes ${nin} input${nin > 1 ? 's' : ''}, got ${args.length}`, 'ARITY');
  // Every option checked (own keys only) before any operand is converted or written.
  const opts = callOptions(options, CALL_OPTIONS, u.name, args);
  const reg = registryOf(args, opts);
  const outs = outList(opts['out'], nout, u.name);
  const forced = dtypeOption(reg, opts, u.name);
  const casting = (opts['casting'] as Casting | undefined) ?? 'same_kind';
  const inputs = prepareInputs(reg, args, nin);
  const device = inputs[0]!.device;
  for (const a of inputs) if (a.device !== device) throw new ValueError(`operands live on different devices (${device}, ${a.device}); move them first`, 'DEVICE');

  // Given descriptors: inputs (or the forced dtype), outputs from `out`.
  const given = new Array<DType | null>(nin + nout);
  for (let i = 0; i < nin; i++) given[i] = forced ?? inputs[i]!.dtype;
  for (let j = 0; j < nout; j++) given[nin + j] = outs[j]?.dtype ?? null;
  const method = resolveMethod(reg, u, given, device, undefined, inputs);
  const descrs = method.descriptors;

  // Shapes and validation, before any write.
  let shape: number[];
  if (nin === 2 && sameShape(inputs[0]!.shape, inputs[1]!.shape)) shape = inputs[0]!.shape as number[];
  else shape = broadcastShapes(inputs.map((a) => a.shape));
  for (const o of outs) {
    if (o === null) continue;
    const full = broadcastShapes([shape, o.shape]);
    if (!sameShape(full, o.shape)) throw new BroadcastError(`non-broadcastable output operand with shape (${o.shape.join(',')}) doesn't match the broadcast shape (${shape.join(',')})`);
    shape = o.shape as number[];
  }
  let mask = whereOption(reg, opts['where'], u.name);
  if (mask !== true && mask !== false && !sameShape(broadcastShapes([mask.shape, shape]), shape)) {
    throw new BroadcastError(`where mask of shape (${mask.shape.join(',')}) does not broadcast to (${shape.join(',')})`);
  }
  // A mask sharing memory with an out (other than element for element) would be read after
  // the masked copy wrote it: NumPy computes with the mask as it was, so copy it first.
  if (mask !== true && mask !== false) {
    for (const o of outs) if (o !== null && overlapsInput(o, [mask], shape)) { mask = mask.copy(); break; }
  }
  for (let j = 0; j < nout; j++) {
    const o = outs[j];
    if (o !== null && o !== undefined && o.dtype !== descrs[nin + j]) planCast(reg, descrs[nin + j]!, o.dtype, casting, opts);
  }
  const ops = new Array<NDArray>(nin);
  for (let i = 0; i < nin; i++) {
    const a = inputs[i]!;
    ops[i] = a.dtype === descrs[i] ? a : castArray(reg, a, descrs[i]!, isNDArray(args[i]) ? casting : 'unsafe', opts);
  }
  // New outputs follow the inputs' memory order (NumPy's order='K'): A.T + 1 is F-ordered.
  const layout = outputStrides(shape, inputs, opts['order'] as string | undefined);
  if (mask === false) return finish(outs.map((o, j) => o ?? emptyLike(reg, descrs[nin + j]!, shape, device, true, layout)), nout);

  // Outputs the loop writes directly (an `out` of the loop's dtype and no mask), else temporaries.
  const direct = new Array<NDArray>(nout);
  for (let j = 0; j < nout; j++) {
    const o = outs[j];
    const writable = o !== null && o !== undefined && o.dtype === descrs[nin + j] && mask === true && !method.mayThrow && !overlapsInput(o, ops, shape);
    // The loop writes every element of a temporary: no need to clear recycled memory.
    direct[j] = writable ? o : emptyLike(reg, descrs[nin + j]!, shape, device, false, layout);
  }
  run(method.pick, ops, direct, shape, { descriptors: descrs, options: opts, auxdata: method.auxdata });

  const results = new Array<NDArray>(nout);
  for (let j = 0; j < nout; j++) {
    const o = outs[j];
    const r = direct[j]!;
    if (o === null || o === undefined) {
      if (mask !== true) {
        const z = emptyLike(reg, descrs[nin + j]!, shape, device, true, layout);
        maskedCopy(mask, r, z);
        results[j] = z;
      } else results[j] = r;
    } else if (r === o) results[j] = o;
    else {
      const src = o.dtype === r.dtype ? r : castArray(reg, r, o.dtype, 'unsafe', opts);
      if (mask !== true) maskedCopy(mask, src, o);
      else castInto(reg, src, o, 'unsafe', opts);
      results[j] = o;
      if (src !== r) releaseTemporary(src, inputs);
    }
    if (results[j] !== r) releaseTemporary(r, inputs);
  }
  for (let i = 0; i < nin; i++) {
    if (ops[i] !== inputs[i]) releaseTemporary(ops[i]!, inputs);
    if (inputs[i] !== args[i] && !results.includes(inputs[i]!)) releaseTemporary(inputs[i]!, []); // built from a JS array or scalar
  }
  return finish(results, nout);
}

/**
 * Hands a temporary's memory back at once (casts of inputs, outputs staged before `out`): the
 * next call of the same size then reuses a block still in cache, even inside a synchronous loop
 * where the GC's finalizers never run. Never a store the caller can reach (inputs, `out`).
 */
function releaseTemporary(temp: NDArray, inputs: readonly NDArray[]): void {
  for (const a of inputs) if (a.store === temp.store) return;
  temp.dispose();
}

/**
 * True when `out` shares memory with an input that it does not match element for element (e.g.
 * `add(a, a[::-1], { out: a })`): writing it directly would let the loop read elements it has
 * already overwritten, so the call computes into a temporary first (NumPy's overlap rule).
 */
function overlapsInput(out: NDArray, ins: readonly NDArray[], shape: readonly number[]): boolean {
  for (const a of ins) {
    if (a.store !== out.store) continue;
    if (a.offset !== out.offset) return true;
    const st = broadcastStrides(shape, a.shape, a.strides);
    for (let d = 0; d < shape.length; d++) if (shape[d]! > 1 && st[d] !== out.strides[d]) return true;
  }
  return false;
}

function isFContiguous(a: NDArray): boolean {
  const f = [...contiguousStrides([...a.shape].reverse())].reverse();
  for (let d = 0; d < a.ndim; d++) if (a.shape[d]! > 1 && a.strides[d] !== f[d]) return false;
  return true;
}

function finish(results: NDArray[], nout: number): NDArray | NDArray[] {
  return nout === 1 ? results[0]! : results;
}

function emptyLike(reg: Registry, d: DType, shape: readonly number[], device: string, zeroed = true, strides?: readonly number[]): NDArray {
  return new NDArray(reg, d, allocateStore(d, sizeOf(shape), zeroed), shape, strides ?? contiguousStrides(shape), 0, device);
}

/**
 * Strides for new outputs (NumPy's `order=`): 'K' (default) follows the inputs' memory order,
 * 'C' is C order, 'F' Fortran order, 'A' Fortran when every input is F-contiguous, else C.
 */
function outputStrides(shape: readonly number[], inputs: readonly NDArray[], order = 'K'): readonly number[] | undefined {
  if (shape.length < 2 || order === 'C') return undefined;
  if (order === 'F' || (order === 'A' && inputs.every((a) => a.ndim < 2 || isFContiguous(a)))) {
    return [...contiguousStrides([...shape].reverse())].reverse();
  }
  if (order === 'A') return undefined;
  let plain = true;
  for (const a of inputs) if (!a.isContiguous && a.size > 1) plain = false;
  if (plain) return undefined;
  return keepOrderStrides(shape, inputs.map((a) => broadcastStrides(shape, a.shape, a.strides)));
}

let depth = 0;
const scratchOffsets: number[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0, 0]];

/** Runs the loop over the broadcast shape: one call when every operand is contiguous and full-shape. */
function run(
  pick: (contiguous: boolean, options: Readonly<Record<string, unknown>>) => StridedLoop,
  ins: readonly NDArray[], outs: readonly NDArray[], shape: readonly number[], ctx: LoopContext,
): void {
  const nop = ins.length + outs.length;
  const all = [...ins, ...outs];
  const data = new Array<LoopData>(nop);
  let contiguous = true;
  for (let k = 0; k < nop; k++) {
    const a = all[k]!;
    data[k] = loopDataOf(a.store);
    if (contiguous && (!a.isContiguous || !sameShape(a.shape, shape))) contiguous = false;
  }
  const loop = pick(contiguous, ctx.options);
  const size = sizeOf(shape);
  if (size === 0) return;
  if (contiguous && nop < ONES.length) {
    const offs = depth === 0 ? scratchOffsets[nop]! : new Array<number>(nop);
    for (let k = 0; k < nop; k++) offs[k] = all[k]!.offset;
    depth++;
    try {
      loop(size, data, offs, ONES[nop]!, ctx);
    } finally {
      depth--;
    }
    return;
  }
  const strides = all.map((a) => broadcastStrides(shape, a.shape, a.strides));
  depth++;
  try {
    runStrided(loop, data, shape, strides, all.map((a) => a.offset), ctx, true);
  } finally {
    depth--;
  }
}
