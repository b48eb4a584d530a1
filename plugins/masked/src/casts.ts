/**
 * Casts between masked[T] and every other dtype, derived from T's casts (wrapping casts:
 * `from: null` / `to: null`, so dtypes registered after this plugin are covered too):
 * - U → masked[T]: the U → T cast, every lane valid; level max(U → T, 'safe').
 * - masked[T] → U: the T → U cast when no lane is NA, else `CastingError` code `MASKED_NA`
 *   (raised before the run is written); level max(T → U, 'same_kind'), so `out=` into a plain
 *   array works under the default casting and fails only on an actual NA.
 * - masked[T] → masked[U]: the T → U cast plus the bitmap; level T → U.
 */
import {
  castLevel, maxCasting, planCast, CastingError, type CompositeStore, type DType, type LoopContext,
  type LoopData, type Registry, type StridedLoop,
} from '@dtkit/core';
import { loopDataOf } from '@dtkit/core';
import { allSet, fillOnes, gather, scatter, scratch, wordsOf } from './bitmap.js';
import { DIRTY, baseOf, bitsOf, masked, maskedFamily, valuesOf } from './family.js';

const CAST_BITS = 5; // scratch level (loops use 0-4)

function innerCast(reg: Registry, from: DType, to: DType, options: Readonly<Record<string, unknown>>): { loop: StridedLoop; ctx: LoopContext } {
  return planCast(reg, from, to, 'unsafe', options);
}

export function registerMaskedCasts(reg: Registry): void {
  const intoMasked: StridedLoop = (n, data, offs, strides, ctx) => {
    const [from, to] = ctx.descriptors as [DType, DType];
    const dst = data[1] as CompositeStore;
    const plan = innerCast(reg, from, baseOf(to), ctx.options);
    plan.loop(n, [data[0]!, loopDataOf(valuesOf(dst))], offs, strides, plan.ctx);
    const ones = scratch(CAST_BITS, n);
    fillOnes(ones, n);
    scatter(wordsOf(bitsOf(dst)), offs[1]!, strides[1]!, n, ones);
  };
  reg.registerCast({
    from: null, to: maskedFamily, casting: 'safe',
    resolveDescriptors(from, to) {
      if (from.family === maskedFamily) return undefined;
      const target = to ?? masked(from);
      const level = castLevel(reg, from, baseOf(target));
      return level === undefined ? undefined : { to: target, casting: maxCasting(level, 'safe') };
    },
    loop: intoMasked,
  });

  const outOfMasked: StridedLoop = (n, data, offs, strides, ctx) => {
    const [from, to] = ctx.descriptors as [DType, DType];
    const src = data[0] as CompositeStore;
    const valid = scratch(CAST_BITS, n);
    gather(wordsOf(bitsOf(src)), offs[0]!, strides[0]!, n, valid);
    if (!allSet(valid, n)) throw new CastingError(`cannot cast ${from.name} to ${to.name}: the array has NA values (use fillNA first)`, 'MASKED_NA');
    const plan = innerCast(reg, baseOf(from), to, ctx.options);
    plan.loop(n, [loopDataOf(valuesOf(src)), data[1]!], offs, strides, plan.ctx);
  };
  reg.registerCast({
    from: maskedFamily, to: null, casting: 'same_kind',
    resolveDescriptors(from, to) {
      if (to !== null && to.family === maskedFamily) return undefined;
      const target = to ?? baseOf(from);
      const level = castLevel(reg, baseOf(from), target);
      return level === undefined ? undefined : { to: target, casting: maxCasting(level, 'same_kind') };
    },
    loop: outOfMasked,
  });

  const maskedToMasked: StridedLoop = (n, data, offs, strides, ctx) => {
    const [from, to] = ctx.descriptors as [DType, DType];
    const src = data[0] as CompositeStore, dst = data[1] as CompositeStore;
    const plan = innerCast(reg, baseOf(from), baseOf(to), ctx.options);
    const dstValues: LoopData = loopDataOf(valuesOf(dst));
    plan.loop(n, [loopDataOf(valuesOf(src)), dstValues], offs, strides, plan.ctx);
    const valid = scratch(CAST_BITS, n);
    gather(wordsOf(bitsOf(src)), offs[0]!, strides[0]!, n, valid);
    scatter(wordsOf(bitsOf(dst)), offs[1]!, strides[1]!, n, valid);
    if (src.content === DIRTY) dst.content = DIRTY; // zero casts to zero: clean stays clean
  };
  reg.registerCast({
    from: maskedFamily, to: maskedFamily, casting: 'safe',
    resolveDescriptors(from, to) {
      if (to === null) return { to: from, casting: 'no' };
      const level = castLevel(reg, baseOf(from), baseOf(to));
      return level === undefined ? undefined : { to, casting: level };
    },
    loop: maskedToMasked,
  });
}
