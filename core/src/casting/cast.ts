import type { DType } from '../dtype/dtype.js';
import type { StridedLoop, LoopContext } from '../dtype/loop.js';
import type { Registry } from '../registry/registry.js';
import { NDArray } from '../array/ndarray.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, keepOrderStrides, sameShape, sizeOf } from '../array/shape.js';
import { allocateStore, loopDataOf } from '../storage/allocate.js';
import { runStrided } from '../iter/strided.js';
import { CastingError } from '../errors.js';
import { castingRank, type Casting } from './levels.js';
import { copyLanes } from './copy.js';
import { saturates, saturatingLoop } from './saturate.js';

/** The level a cast from `from` to `to` needs, or undefined when no cast is registered. */
export function castLevel(reg: Registry, from: DType, to: DType): Casting | undefined {
  if (from === to) return 'no';
  const entry = reg.getCast(from.family, to.family);
  if (entry === undefined) return undefined;
  if (entry.resolveDescriptors) {
    const r = entry.resolveDescriptors(from, to);
    return r !== undefined && r.to === to ? r.casting : undefined;
  }
  return entry.casting;
}

/** NumPy `can_cast(from, to, casting)`. */
export function canCast(reg: Registry, from: DType, to: DType, casting: Casting = 'safe'): boolean {
  const level = castLevel(reg, from, to);
  return level !== undefined && castingRank(level) <= castingRank(casting);
}

/** Element-by-element copy through getItem/setItem (composite stores without a registered self-cast). */
function itemCopy(from: DType, to: DType, srcStore: NDArray['store'], dstStore: NDArray['store']): StridedLoop {
  return (n, _data, offs, strides) => {
    const get = from.family.spec.getItem;
    const set = to.family.spec.setItem;
    for (let i = 0; i < n; i++) set(to, dstStore, offs[1]! + i * strides[1]!, get(from, srcStore, offs[0]! + i * strides[0]!));
  };
}

interface PlannedCast {
  readonly loop: StridedLoop;
  readonly ctx: LoopContext;
}

/**
 * Resolves a cast and checks the casting level, before anything is written.
 * Throws CastingError when the cast is not registered or not allowed at `casting`.
 */
export function planCast(reg: Registry, from: DType, to: DType, casting: Casting, options: Readonly<Record<string, unknown>>, src?: NDArray, dst?: NDArray): PlannedCast {
  const device = src?.device ?? 'cpu';
  if (from === to) {
    const self = reg.getCast(from.family, from.family);
    const loop = reg.castLoopFor(from.family, from.family, device)
      ?? self?.loop ?? (from.storage.kind === 'typed' ? copyLanes : itemCopy(from, to, src!.store, dst!.store));
    return { loop, ctx: { descriptors: [from, to], options, auxdata: undefined } };
  }
  const entry = reg.getCast(from.family, to.family);
  if (entry === undefined) throw new CastingError(`no cast from ${from.name} to ${to.name} is registered`, 'NO_CAST');
  const r = entry.resolveDescriptors ? entry.resolveDescriptors(from, to) : { to, casting: entry.casting };
  if (r === undefined) throw new CastingError(`no cast from ${from.name} to ${to.name} is registered`, 'NO_CAST');
  if (r.to !== to) throw new CastingError(`cannot cast ${from.name} to ${to.name} (the cast resolves to ${r.to.name})`, 'NO_CAST');
  if (castingRank(r.casting) > castingRank(casting)) {
    throw new CastingError(`cannot cast ${from.name} to ${to.name} under casting='${casting}' (needs '${r.casting}')`);
  }
  let loop = reg.castLoopFor(from.family, to.family, device) ?? entry.loop;
  if (options['overflow'] === 'saturate' && saturates(reg, from, to)) loop = saturatingLoop(loop, from, to);
  return { loop, ctx: { descriptors: [from, to], options, auxdata: undefined } };
}

/** Writes `src` (broadcast to `dst.shape`) into `dst`, casting. Validates before writing. */
export function castInto(reg: Registry, src: NDArray, dst: NDArray, casting: Casting = 'same_kind', options: Readonly<Record<string, unknown>> = {}): void {
  const shape = broadcastShapes([src.shape, dst.shape]);
  if (!sameShape(shape, dst.shape)) throw new CastingError(`cannot write shape (${src.shape.join(', ')}) into (${dst.shape.join(', ')})`, 'SHAPE');
  const plan = planCast(reg, src.dtype, dst.dtype, casting, options, src, dst);
  runStrided(
    plan.loop, [loopDataOf(src.store), loopDataOf(dst.store)], shape,
    [broadcastStrides(shape, src.shape, src.strides), dst.strides.slice()], [src.offset, dst.offset], plan.ctx,
    src.store !== dst.store, // memory order (e.g. F to F in one run) unless the two may overlap
  );
}

/**
 * A new compact array of `to`, cast from `src`: C-ordered, or with `order` 'K' laid out in
 * `src`'s memory order (NumPy's astype default), which also keeps the cast a contiguous run.
 */
export function castArray(
  reg: Registry, src: NDArray, to: DType, casting: Casting = 'unsafe', options: Readonly<Record<string, unknown>> = {}, order: 'C' | 'K' = 'C',
): NDArray {
  const store = allocateStore(to, sizeOf(src.shape), false); // the cast writes every element
  const strides = order === 'K' && src.ndim > 1 && !src.isContiguous ? keepOrderStrides(src.shape, [src.strides]) : contiguousStrides(src.shape);
  const dst = new NDArray(src.registry, to, store, src.shape, strides, 0, src.device);
  castInto(reg, src, dst, casting, options);
  return dst;
}
