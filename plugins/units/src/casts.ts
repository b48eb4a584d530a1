/**
 * Casts of quantities:
 * - quantity[T,u] → quantity[S,v]: same dimensions only; the base cast T → S, then `* scale +
 *   shift` in S. Level: the base cast's, at least `same_kind` when the unit changes the values.
 * - bare T → quantity[S,v]: a bare number is dimensionless (unit 1). Into a dimensionless v it
 *   is converted (1 → 1000 m/km) at the base cast's level; into a unit with dimensions the value
 *   is taken as already in v, which only `unsafe` allows.
 * - quantity[T,u] → bare S: the reverse; dimensionless values are converted to unit 1, others
 *   drop their unit only under `unsafe`.
 */
import { castLevel, maxCasting, type Casting, type DType, type Registry, type StridedLoop } from '@dtkit/core';
import { baseOf, isQuantity, quantityFamily, quantityOf, unitOfDescr } from './family.js';
import { DIMENSIONLESS } from './registry.js';
import { conversion, isDimensionless, sameDims, type Unit } from './unit.js';
import { conversionLoop } from './convert-loop.js';

const levelOf = (scale: number, shift: number): Casting => (scale === 1 && shift === 0 ? 'equiv' : 'same_kind');

/** Conversion loops per (from, to) descriptor pair, rebuilt when the registry changes. */
function loopCache(reg: Registry): (from: DType, toBase: DType, scale: number, shift: number, key: string) => StridedLoop {
  let version = reg.version;
  const m = new Map<string, StridedLoop>();
  return (from, toBase, scale, shift, key) => {
    if (version !== reg.version) { m.clear(); version = reg.version; }
    let l = m.get(key);
    if (l === undefined) m.set(key, (l = conversionLoop(reg, from, toBase, scale, shift)));
    return l;
  };
}

/** How values in `u` become values in `v` when a bare number stands for unit 1. */
function bareMap(from: Unit, to: Unit): { scale: number; shift: number; attach: boolean } {
  if (isDimensionless(from) && isDimensionless(to)) return { ...conversion(from, to), attach: false };
  return { scale: 1, shift: 0, attach: true };
}

export function registerQuantityCasts(reg: Registry): void {
  const loops = loopCache(reg);
  reg.registerCast({
    from: quantityFamily, to: quantityFamily, casting: 'same_kind',
    resolveDescriptors(from, to) {
      if (to === null) return { to: from, casting: 'no' };
      const u = unitOfDescr(from), v = unitOfDescr(to);
      if (!sameDims(u.dims, v.dims)) return undefined;
      const base = castLevel(reg, baseOf(from), baseOf(to));
      if (base === undefined) return undefined;
      const c = conversion(u, v);
      return { to, casting: maxCasting(base, levelOf(c.scale, c.shift)) };
    },
    loop(n, data, offs, strides, ctx) {
      const [from, to] = ctx.descriptors as [DType, DType];
      const c = conversion(unitOfDescr(from), unitOfDescr(to));
      loops(baseOf(from), baseOf(to), c.scale, c.shift, `${from.name}>${to.name}`)(n, data, offs, strides, ctx);
    },
  });
  reg.registerCast({
    from: null, to: quantityFamily, casting: 'unsafe',
    resolveDescriptors(from, to) {
      if (isQuantity(from)) return undefined;
      if (to === null) return from.kind === 'float' ? { to: quantityOf(from, DIMENSIONLESS), casting: 'safe' } : undefined;
      const base = castLevel(reg, from, baseOf(to));
      if (base === undefined) return undefined;
      const m = bareMap(DIMENSIONLESS, unitOfDescr(to));
      return { to, casting: m.attach ? 'unsafe' : maxCasting(base, levelOf(m.scale, m.shift)) };
    },
    loop(n, data, offs, strides, ctx) {
      const [from, to] = ctx.descriptors as [DType, DType];
      const m = bareMap(DIMENSIONLESS, unitOfDescr(to));
      loops(from, baseOf(to), m.scale, m.shift, `${from.name}>${to.name}`)(n, data, offs, strides, ctx);
    },
  });
  reg.registerCast({
    from: quantityFamily, to: null, casting: 'unsafe',
    resolveDescriptors(from, to) {
      if (to !== null && isQuantity(to)) return undefined;
      const target = to ?? baseOf(from);
      const base = castLevel(reg, baseOf(from), target);
      if (base === undefined) return undefined;
      const m = bareMap(unitOfDescr(from), DIMENSIONLESS);
      return { to: target, casting: m.attach ? 'unsafe' : maxCasting(base, levelOf(m.scale, m.shift)) };
    },
    loop(n, data, offs, strides, ctx) {
      const [from, to] = ctx.descriptors as [DType, DType];
      const m = bareMap(unitOfDescr(from), DIMENSIONLESS);
      loops(baseOf(from), to, m.scale, m.shift, `${from.name}>${to.name}`)(n, data, offs, strides, ctx);
    },
  });
}
