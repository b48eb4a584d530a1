import {
  NDArray, isNDArray, normalizeAxis, contiguousStrides, sizeOf, allocateStore, loopDataOf, runStrided,
  castArray, castInto, planCast, ValueError, BroadcastError, array as coreArray, sameShape, describeValue,
  type LoopContext, type Casting,
} from '@dtkit/core';
import { resolveMethod } from '../dispatch/resolve.js';
import { registryOf } from './elementwise.js';
import { defaultReduceDType } from './reduce.js';
import type { UFuncDef } from '../ufunc-def.js';
import { ACCUMULATE_OPTIONS, callOptions, dtypeOption, singleOut, type AccumulateOptions } from './options.js';

/**
 * `ufunc.accumulate`: out[..., 0] = a[..., 0]; out[..., i] = op(out[..., i-1], a[..., i]).
 * Runs the binary loop once over the whole array with out read one step behind, which is
 * correct because the loop is sequential (JS loops are; vectorised backends are not used here).
 */
export function accumulate(u: UFuncDef, input: unknown, options?: AccumulateOptions): NDArray {
  if (u.nin !== 2 || u.nout !== 1) throw new ValueError(`accumulate only supports binary ufuncs; ${u.name} has nin=${u.nin}`, 'REDUCE');
  const what = `${u.name}.accumulate`;
  const opts = callOptions(options, ACCUMULATE_OPTIONS, what, [input]);
  const reg = registryOf([input], opts);
  const axisOpt = opts['axis'];
  if (axisOpt !== undefined && !Number.isInteger(axisOpt)) throw new ValueError(`${what}: axis must be an integer, got ${describeValue(axisOpt)}`, 'AXIS');
  const out = singleOut(opts, what);
  const forced = dtypeOption(reg, opts, what);
  const casting = (opts['casting'] as Casting | undefined) ?? 'same_kind';
  let a = isNDArray(input) ? input : coreArray(input, { registry: reg });
  const wrapper = reg.wrappingReductions.get(a.dtype.family);
  if (wrapper !== undefined) {
    const r = wrapper.run('accumulate', u.name, a, { ...opts, axis: opts.axis ?? 0 });
    if (r !== undefined) return r;
  }
  if (a.ndim === 0) throw new ValueError('cannot accumulate on a scalar', 'AXIS');
  const axis = normalizeAxis((axisOpt as number | undefined) ?? 0, a.ndim);
  const accIn = forced ?? defaultReduceDType(reg, u, a.dtype);
  const given = [accIn, accIn, out?.dtype ?? null];
  let method = resolveMethod(reg, u, given, a.device);
  // Vectorised backends read ahead; the aliased scan needs an in-order (JS) loop.
  if (!method.sequential) method = resolveMethod(reg, u, given, a.device, ['js']);
  const descrs = method.descriptors;
  const accD = descrs[2]!;
  if (!method.sequential) throw new ValueError(`the ${method.backend} loop of ${u.name} is not sequential; accumulate needs the js backend`, 'REDUCE');
  if (out !== null) {
    if (!sameShape(out.shape, a.shape)) throw new BroadcastError(`output shape (${out.shape.join(',')}) does not match (${a.shape.join(',')})`);
    if (out.dtype !== accD) planCast(reg, accD, out.dtype, casting, opts);
  }
  if (a.dtype !== accD) a = castArray(reg, a, accD, 'unsafe', opts);
  const res = new NDArray(reg, accD, allocateStore(accD, sizeOf(a.shape)), a.shape, contiguousStrides(a.shape), 0, a.device);
  const n = a.shape[axis]!;
  if (n > 0) {
    castInto(reg, a.slice(...a.shape.map((_, d) => (d === axis ? '0:1' : null))), res.slice(...a.shape.map((_, d) => (d === axis ? '0:1' : null))), 'no');
  }
  if (n > 1) {
    // Move the accumulation axis innermost so each run is one sequential scan.
    const others = [...Array(a.ndim).keys()].filter((d) => d !== axis);
    const order = [...others, axis];
    const av = a.transpose(order);
    const rv = res.transpose(order);
    const nd = a.ndim;
    const shape = av.shape.map((s, i) => (i === nd - 1 ? s - 1 : s));
    const sa = av.strides[nd - 1]!;
    const sr = rv.strides[nd - 1]!;
    const ctx: LoopContext = { descriptors: descrs, options: {}, auxdata: method.auxdata };
    const accData = loopDataOf(res.store);
    runStrided(
      method.pick(false, {}), [accData, loopDataOf(a.store), accData], shape,
      [rv.strides.slice(), av.strides.slice(), rv.strides.slice()], [rv.offset, av.offset + sa, rv.offset + sr], ctx,
    );
  }
  if (out === null) return res;
  castInto(reg, res, out, 'unsafe', opts);
  return out;
}
