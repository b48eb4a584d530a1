/**
 * The float128 DType family: 4 × uint32 lanes per element (lane 0 = low bits, so the bytes of
 * a float128 array are the bytes of a little-endian C `__float128` buffer), `Float128` elements.
 */
import {
  WeakBool, WeakComplex, WeakFloat, WeakInt, defineDType,
  type DTypeFamily, type Store, type TypedStore,
} from '@dtkit/core';
import { BUILTIN_FAMILIES } from '@dtkit/dtypes';
import { Float128 } from './soft/index.js';
import { FLOAT128_INFO } from './constants.js';
import { writeValue } from './values.js';

function lanesOf(store: Store): Uint32Array {
  return (store as TypedStore).data as Uint32Array;
}

const complexFamilies: ReadonlySet<DTypeFamily> = new Set([BUILTIN_FAMILIES.complex64, BUILTIN_FAMILIES.complex128]);
const realBuiltins: ReadonlySet<DTypeFamily> = new Set(
  Object.values(BUILTIN_FAMILIES).filter((f) => !complexFamilies.has(f)),
);

/**
 * Class-level promotion: every builtin bool/int/uint/float and weak bool/int/float scalars →
 * float128. Complex (array or weak scalar) → undefined: there is no complex256 here, and
 * complex128 would lose precision, so promotion raises DTypeError 'NO_COMMON_DTYPE'.
 */
function commonDType(other: DTypeFamily): DTypeFamily | undefined {
  if (realBuiltins.has(other) || other === WeakBool || other === WeakInt || other === WeakFloat) return Float128DType;
  if (other === WeakComplex || complexFamilies.has(other)) return undefined;
  return undefined;
}

/** The float128 DType family (binary128, 4 × uint32 lanes per element, `Float128` elements). */
export const Float128DType: DTypeFamily = defineDType({
  name: 'float128',
  kind: 'float',
  storage: { kind: 'typed', type: 'uint32', lanes: 4 },
  itemsize: 16,
  getItem: (_d, store, index) => Float128.fromLanes(lanesOf(store), 4 * index),
  setItem: (d, store, index, value) => writeValue(d, lanesOf(store), 4 * index, value),
  discoverDescriptor: (value) => (value instanceof Float128 ? Float128DType.default : undefined),
  commonDType,
  // Shortest decimal that parses back to the same bits (Float128.toString).
  format: (value) => String(value),
  constants: FLOAT128_INFO,
});

/** The float128 descriptor. */
export const float128 = Float128DType.default;
