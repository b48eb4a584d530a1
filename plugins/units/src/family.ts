/**
 * The `quantity[base,unit]` family: a float base dtype's storage with a unit on the descriptor.
 * Elements are plain numbers (or the base's values) in the descriptor's unit.
 */
import { defineDType, defaultRegistry, promoteTypes, type DType, type DTypeFamily, type Registry } from '@dtkit/core';
import { UnitError } from './errors.js';
import { parseUnit } from './registry.js';
import { dimsToString, sameDims, type Unit } from './unit.js';

export const quantityFamily: DTypeFamily = defineDType({
  name: 'quantity',
  kind: 'other',
  parametric: true,
  storage: (d) => baseOf(d).storage,
  getItem: (d, s, k) => baseOf(d).family.spec.getItem(baseOf(d), s, k),
  setItem: (d, s, k, v) => baseOf(d).family.spec.setItem(baseOf(d), s, k, v),
  format: (v, d) => {
    const b = baseOf(d);
    return b.family.spec.format ? b.family.spec.format(v, b) : String(v);
  },
  parse: (args, resolve) => {
    if (args.length === 1) return quantityOf(resolve('float64'), parseUnit(args[0]!));
    if (args.length !== 2) throw new UnitError(`quantity takes [base,unit], got [${args.join(',')}]`, 'QUANTITY_SPEC');
    return quantityOf(resolve(args[0]!), parseUnit(args[1]!));
  },
  commonDType: (other) => (other === quantityFamily ? quantityFamily : undefined),
  commonInstance: (a, b, reg) => {
    const ua = unitOfDescr(a), ub = unitOfDescr(b);
    if (!sameDims(ua.dims, ub.dims)) throw dimensionError('combine', ua, ub);
    return quantityOf(promoteTypes(baseOf(a), baseOf(b), reg), ua);
  },
  wrapped: (d) => baseOf(d),
});

export const baseOf = (d: DType): DType => d.params['base'] as DType;
export const isQuantity = (d: DType): boolean => d.family === quantityFamily;
export const unitOfDescr = (d: DType): Unit => d.params['unit'] as Unit;

/** The descriptor `quantity[base,unit]` (interned). The base must be a float dtype. */
export function quantityOf(base: DType, unit: Unit): DType {
  if (base.kind !== 'float') throw new UnitError(`quantity needs a float base dtype, got ${base.name}`, 'QUANTITY_BASE');
  return quantityFamily.instance(`quantity[${base.name},${unit.name}]`, { base, unit });
}

/**
 * `quantity('m/s')` → the descriptor `quantity[float64,m/s]`; `base` is any float dtype known
 * to the registry (float32, float128, bfloat16 once their plugins are installed) or a DType.
 */
export function quantity(unit: string, base: string | DType = 'float64', registry?: Registry): DType {
  const b = typeof base === 'string' ? (registry ?? defaultRegistry()).dtype(base) : base;
  return quantityOf(b, parseUnit(unit));
}

export function dimensionError(verb: string, a: Unit, b: Unit): UnitError {
  return new UnitError(`cannot ${verb} '${a.name}' (${dimsToString(a.dims)}) and '${b.name}' (${dimsToString(b.dims)}): different dimensions`, 'DIMENSION');
}
