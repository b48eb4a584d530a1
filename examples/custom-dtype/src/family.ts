/**
 * Steps 1–4 of the tutorial: the DType family (storage, getItem/setItem, format, discovery,
 * promotion). Casts and loops live in casts.ts and loops.ts.
 */
import { defineDType, WeakBool, WeakInt, type DType, type DTypeFamily, type Store } from '@dtkit/core';
import { Rational } from './scalar.js';
import { RationalError } from './errors.js';

/** Element k occupies lanes 2k (numerator) and 2k+1 (denominator − 1) of an Int32Array. */
function lanesOf(store: Store): Int32Array {
  if (store.kind !== 'typed') throw new RationalError('RATIONAL_INVALID', 'rational arrays use typed int32 storage');
  return store.data as Int32Array;
}

/**
 * Builtin families that promote to rational. The small ones convert exactly ('safe' casts);
 * int64, uint32 and uint64 may hold values beyond int32, so their casts are 'same_kind' and
 * check every value (RATIONAL_OVERFLOW), like NumPy's own rational test dtype, which promotes
 * with every integer type.
 */
export const SAFE_INTEGER_SOURCES = ['bool', 'int8', 'int16', 'int32', 'uint8', 'uint16'] as const;
export const CHECKED_INTEGER_SOURCES = ['int64', 'uint32', 'uint64'] as const;
const PROMOTES_TO_RATIONAL: ReadonlySet<string> = new Set([...SAFE_INTEGER_SOURCES, ...CHECKED_INTEGER_SOURCES]);

export const rationalFamily: DTypeFamily = defineDType({
  name: 'rational',
  // 'other', not 'int': reductions must not widen it to int64 and NEP 50 kind ranks do not apply.
  kind: 'other',
  // Denominator stored minus one, so zero-filled memory (dt.empty) reads as 0/1, not 0/0.
  storage: { kind: 'typed', type: 'int32', lanes: 2 },

  getItem(_descr: DType, store: Store, index: number): Rational {
    const data = lanesOf(store);
    return new Rational(data[2 * index]!, data[2 * index + 1]! + 1);
  },

  setItem(_descr: DType, store: Store, index: number, value: unknown): void {
    const r = Rational.from(value); // throws RationalError for anything else
    const data = lanesOf(store);
    data[2 * index] = r.numerator;
    data[2 * index + 1] = r.denominator - 1;
  },

  format(value: unknown): string {
    return String(value);
  },

  /** `dt.array([new Rational(1, 2)])` needs no dtype option. */
  discoverDescriptor(value: unknown): DType | undefined {
    return value instanceof Rational ? rationalFamily.default : undefined;
  },

  /** rational ⊕ (bool | any builtin integer | JS integer or boolean) → rational; floats: none. */
  commonDType(other: DTypeFamily): DTypeFamily | undefined {
    if (other === WeakInt || other === WeakBool) return rationalFamily;
    return PROMOTES_TO_RATIONAL.has(other.name) && other.kind !== 'other' ? rationalFamily : undefined;
  },
});

/** The rational descriptor (the family is not parametric, so this is its only descriptor). */
export const rational: DType = rationalFamily.default;
