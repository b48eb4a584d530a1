/**
 * Reductions of quantities run the kernel's reductions on the base values (a view on the same
 * storage) and put the unit back: sum/min/max/mean/accumulate(add) keep it, prod gives unitⁿ
 * (n = elements reduced into each result), any/all/argmin/argmax give bare results.
 */
import { NDArray, isNDArray, sizeOf, type DType, type Registry } from '@dtkit/core';
import { ufuncs, mean, any, all, argmin, argmax } from '@dtkit/ufunc-registry';
import { UnitError } from './errors.js';
import { baseOf, isQuantity, quantityFamily, quantityOf, unitOfDescr } from './family.js';
import { fromTerms, powTerms, type Unit } from './unit.js';
import { parseUnit } from './registry.js';
import { conversion, sameDims } from './unit.js';

const KEEP = new Set(['add', 'maximum', 'minimum', 'fmax', 'fmin']);

function baseView(a: NDArray): NDArray {
  return new NDArray(a.registry, baseOf(a.dtype), a.store, a.shape, a.strides, a.offset, a.device);
}

function withUnit(r: NDArray, unit: Unit): NDArray {
  return new NDArray(r.registry, quantityOf(r.dtype, unit), r.store, r.shape, r.strides, r.offset, r.device);
}

/** Elements reduced into each result: the product of the reduced axes' lengths. */
function reducedCount(a: NDArray, axis: unknown): number {
  if (axis === null) return a.size;
  const axes = Array.isArray(axis) ? axis : [axis];
  return sizeOf(axes.map((x: number) => a.shape[x < 0 ? x + a.ndim : x]!));
}

/** `out` of a quantity reduction: its base view when its unit matches, else UnitError. */
function outOption(reg: Registry, options: Readonly<Record<string, unknown>>, unit: Unit): Record<string, unknown> {
  const o: Record<string, unknown> = { ...options };
  const out = options['out'];
  if (isNDArray(out)) {
    if (!isQuantity(out.dtype) || !sameDims(unitOfDescr(out.dtype).dims, unit.dims) || !conversion(unitOfDescr(out.dtype), unit).identity) {
      throw new UnitError(`out has dtype ${out.dtype.name}, the reduction gives unit '${unit.name}'`, 'DIMENSION');
    }
    o['out'] = baseView(out);
  }
  const dt = options['dtype'];
  if (dt !== undefined) {
    const d: DType = typeof dt === 'string' ? reg.dtype(dt) : (dt as DType);
    if (isQuantity(d)) o['dtype'] = baseOf(d);
  }
  return o;
}

export function registerQuantityReductions(reg: Registry): void {
  reg.registerWrappingReduction({
    dtype: quantityFamily,
    run(kind, ufunc, input, options) {
      const unit = unitOfDescr(input.dtype);
      const values = baseView(input);
      const wrapOut = (r: NDArray, u: Unit): NDArray => (isNDArray(options['out']) ? (options['out'] as NDArray) : withUnit(r, u));
      switch (kind) {
        case 'any': return any(values, options);
        case 'all': return all(values, options);
        case 'argmin': return argmin(values, options);
        case 'argmax': return argmax(values, options);
        case 'mean': return wrapOut(mean(values, outOption(reg, options, unit)), unit);
        case 'reduce': {
          const u = ufuncs[ufunc]!;
          if (unit.offset !== undefined && (ufunc === 'add' || ufunc === 'multiply')) {
            throw new UnitError(`${ufunc}.reduce of the offset unit '${unit.name}' is ambiguous; convert to K first`, 'OFFSET_UNIT');
          }
          if (KEEP.has(ufunc)) return wrapOut(u.reduce(values, outOption(reg, options, unit)), unit);
          if (ufunc === 'multiply') {
            const n = reducedCount(input, options['axis']);
            const pu = fromTerms(powTerms(unit, n, 1), parseUnit);
            return wrapOut(u.reduce(values, outOption(reg, options, pu)), pu);
          }
          break;
        }
        case 'accumulate': {
          const u = ufuncs[ufunc]!;
          if (KEEP.has(ufunc)) return wrapOut(u.accumulate(values, outOption(reg, options, unit)), unit);
          break;
        }
      }
      throw new UnitError(`${ufunc}.${kind} of '${unit.name}' has no single unit`, 'DIMENSION');
    },
  });
}
