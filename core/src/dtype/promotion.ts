import { isDType, type DType, type DTypeFamily } from './dtype.js';
import { isWeakFamily, kindRank, weakFamilyOf, WeakBool, WeakComplex, WeakFloat, WeakInt } from './weak.js';
import type { Registry } from '../registry/registry.js';
import { isNDArray } from '../array/ndarray.js';
import { DTypeError } from '../errors.js';

/** Default concrete family of each weak family when no array decides (NumPy's defaults). */
function weakDefault(reg: Registry, weak: DTypeFamily): DTypeFamily {
  const name = weak === WeakBool ? 'bool' : weak === WeakInt ? 'int64' : weak === WeakFloat ? 'float64' : 'complex128';
  return reg.family(name);
}

/**
 * Class-level common DType of two families: asks `a.commonDType(b)`, then `b.commonDType(a)`;
 * for weak scalar families not answered by the concrete side, applies NEP 50: the concrete
 * family wins when its kind ranks at least as high, else the scalar's default family is promoted.
 */
export function commonFamily(reg: Registry, a: DTypeFamily, b: DTypeFamily): DTypeFamily | undefined {
  if (a === b) return a;
  const r = a.spec.commonDType?.(b) ?? b.spec.commonDType?.(a);
  if (r !== undefined) return r;
  const aw = isWeakFamily(a);
  const bw = isWeakFamily(b);
  if (aw && bw) return (kindRank(a.kind) ?? 0) >= (kindRank(b.kind) ?? 0) ? a : b;
  if (aw || bw) {
    const weak = aw ? a : b;
    const strong = aw ? b : a;
    const rs = kindRank(strong.kind);
    if (rs === undefined) return undefined;
    if (rs >= kindRank(weak.kind)!) return strong;
    const def = weakDefault(reg, weak);
    return def === strong ? strong : commonFamily(reg, strong, def);
  }
  return undefined;
}

function familyList(fams: readonly DTypeFamily[]): string {
  return fams.map((f) => (isWeakFamily(f) ? `JS ${f.kind} scalar` : f.name)).join(', ');
}

/** n-ary common family: concrete families first, weak scalars last (so they never upcast). */
export function commonFamilyOf(reg: Registry, fams: readonly DTypeFamily[]): DTypeFamily {
  // Fold from the highest kind down (as NumPy's PromoteDTypeSequence effectively does): an
  // absorbing dtype meets the small ones first, so int8, uint8, float16 gives float16, not float32.
  // Families of unranked kinds (plugin dtypes) go first; the sort is stable otherwise.
  const rank = (f: DTypeFamily): number => kindRank(f.kind) ?? 99;
  const strong = fams.filter((f) => !isWeakFamily(f)).sort((a, b) => rank(b) - rank(a));
  const weak = fams.filter((f) => isWeakFamily(f));
  let acc: DTypeFamily | undefined;
  for (const f of [...strong, ...weak]) {
    if (acc === undefined) { acc = f; continue; }
    const next = commonFamily(reg, acc, f);
    if (next === undefined) throw new DTypeError(`no common dtype for ${familyList(fams)}`, 'NO_COMMON_DTYPE');
    acc = next;
  }
  if (acc === undefined) throw new DTypeError('resultType needs at least one operand', 'NO_COMMON_DTYPE');
  return isWeakFamily(acc) ? weakDefault(reg, acc) : acc;
}

/** Converts a descriptor into `fam` for promotion (parametric casts may change parameters). */
function descriptorIn(reg: Registry, d: DType, fam: DTypeFamily): DType {
  if (d.family === fam) return d;
  const cast = reg.getCast(d.family, fam);
  if (cast?.resolveDescriptors) return cast.resolveDescriptors(d, null)?.to ?? fam.default;
  return fam.default;
}

/** Instance-level promotion of descriptors into a common family (`commonInstance`). */
export function commonDescriptor(reg: Registry, descrs: readonly DType[], fam: DTypeFamily): DType {
  if (!fam.parametric) return fam.default;
  let acc: DType | undefined;
  for (const d0 of descrs) {
    const d = descriptorIn(reg, d0, fam);
    if (acc === undefined) acc = d;
    else if (acc !== d) {
      const ci = fam.spec.commonInstance;
      if (!ci) throw new DTypeError(`no common instance of ${acc.name} and ${d.name}`, 'NO_COMMON_DTYPE');
      acc = ci(acc, d, reg);
    }
  }
  return acc ?? fam.default;
}

/** `promoteTypes(a, b)`: the smallest dtype both can be safely cast to (NumPy `promote_types`). */
export function promoteTypes(reg: Registry, a: DType, b: DType): DType {
  const fam = commonFamilyOf(reg, [a.family, b.family]);
  return commonDescriptor(reg, [a, b], fam);
}

/** An operand of `resultType`: a dtype, an array, a spec string, or a JS scalar (weak). */
export type ResultTypeOperand = DType | DTypeFamily | { readonly dtype: DType } | string | number | bigint | boolean | { readonly re: number; readonly im: number } | object;

/** Finds the family of a scalar via `discoverDescriptor` slots (e.g. a Float128 value). */
export function discoverScalar(reg: Registry, v: unknown): DType | undefined {
  for (const fam of reg.families.values()) {
    const d = fam.spec.discoverDescriptor?.(v);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * NumPy 2 `result_type`: arrays and dtypes are strong; JS scalars are weak (NEP 50). Alone, a JS
 * number is float64, a bigint int64, a boolean bool.
 */
export function resultType(reg: Registry, operands: readonly unknown[]): DType {
  const strong: DType[] = [];
  const weak: DTypeFamily[] = [];
  for (const op of operands) {
    if (isNDArray(op)) strong.push(op.dtype);
    else if (isDType(op)) strong.push(op);
    else if (typeof op === 'string') strong.push(reg.dtype(op));
    else if (typeof op === 'object' && op !== null && 'default' in op && 'spec' in op) strong.push((op as DTypeFamily).default);
    else {
      const w = weakFamilyOf(op);
      if (w !== undefined) weak.push(w);
      else {
        const d = discoverScalar(reg, op);
        if (d === undefined) throw new DTypeError(`cannot determine a dtype for ${String(op)}`, 'DTYPE_DISCOVER');
        strong.push(d);
      }
    }
  }
  if (strong.length === 0) {
    if (weak.length === 0) throw new DTypeError('resultType needs at least one operand', 'NO_COMMON_DTYPE');
    // Alone, a JS number is float64 (it is a double, not a Python int); a bigint is int64.
    const fams = operands.map((o) => (typeof o === 'number' ? WeakFloat : weakFamilyOf(o)!));
    const fam = commonFamilyOf(reg, fams);
    return fam.default;
  }
  const fam = commonFamilyOf(reg, [...strong.map((d) => d.family), ...weak]);
  return commonDescriptor(reg, strong, fam);
}

export { WeakComplex };
