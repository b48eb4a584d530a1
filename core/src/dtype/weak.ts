import { defineDType, type DTypeFamily, type DTypeKind } from './dtype.js';
import { ValueError } from '../errors.js';

/**
 * Abstract families for JS scalars (NEP 50 "weak" Python scalars). A concrete family's
 * `commonDType` may answer for them; otherwise the kernel applies the NEP 50 rule by kind.
 */
const WEAK_FAMILIES_KEY = Symbol.for('dtkit.weakFamilies');

/**
 * Weak families are compared by identity (a family's `commonDType` may test `other === WeakInt`),
 * so every loaded copy of the kernel uses the same objects, kept on `globalThis`.
 */
function weakFamily(name: string, kind: DTypeKind): DTypeFamily {
  const g = globalThis as typeof globalThis & { [WEAK_FAMILIES_KEY]?: Map<string, DTypeFamily> };
  const shared = g[WEAK_FAMILIES_KEY] ?? (g[WEAK_FAMILIES_KEY] = new Map());
  const prior = shared.get(name);
  if (prior !== undefined) return prior;
  const fam = createWeakFamily(name, kind);
  shared.set(name, fam);
  return fam;
}

function createWeakFamily(name: string, kind: DTypeKind): DTypeFamily {
  return defineDType({
    name,
    kind,
    abstract: true,
    storage: { kind: 'typed', type: 'float64' },
    getItem: () => {
      throw new ValueError(`${name} is abstract`);
    },
    setItem: () => {
      throw new ValueError(`${name} is abstract`);
    },
  });
}

export const WeakBool = weakFamily('_weak_bool', 'bool');
export const WeakInt = weakFamily('_weak_int', 'int');
export const WeakFloat = weakFamily('_weak_float', 'float');
export const WeakComplex = weakFamily('_weak_complex', 'complex');

export function isWeakFamily(f: DTypeFamily): boolean {
  return f === WeakBool || f === WeakInt || f === WeakFloat || f === WeakComplex;
}

/** A JS complex value `{ re, im }`. */
export interface ComplexValue {
  readonly re: number;
  readonly im: number;
}

export function isComplexValue(v: unknown): v is ComplexValue {
  return typeof v === 'object' && v !== null && typeof (v as ComplexValue).re === 'number' && typeof (v as ComplexValue).im === 'number';
}

/**
 * The weak family of a JS scalar, or undefined when it is not a weak scalar: boolean → bool;
 * bigint or integral number within ±MAX_SAFE_INTEGER → int; any other number → float;
 * `{re, im}` → complex.
 */
export function weakFamilyOf(v: unknown): DTypeFamily | undefined {
  switch (typeof v) {
    case 'boolean': return WeakBool;
    case 'bigint': return WeakInt;
    case 'number': return Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? WeakInt : WeakFloat;
    default: return isComplexValue(v) ? WeakComplex : undefined;
  }
}

/** Rank of a kind in NEP 50's value-based ordering: bool < integer < float < complex. */
export function kindRank(kind: DTypeKind): number | undefined {
  switch (kind) {
    case 'bool': return 0;
    case 'int': case 'uint': return 1;
    case 'float': return 2;
    case 'complex': return 3;
    default: return undefined;
  }
}
