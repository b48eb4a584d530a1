import { NDArray, ValueError, allocateStore, contiguousStrides, isNDArray } from '@dtkit/core';
import { logicalNot } from '@dtkit/ufunc-registry';
import { isMasked } from './family.js';
import { fromParts, validity, valuesView } from './parts.js';
import { fillLanes } from './lanes.js';

/** A bool array, true where `arr` is NA. Plain arrays have no NA (NaN is a value, not NA). */
export function isNA(arr: NDArray): NDArray {
  if (!isNDArray(arr)) throw new ValueError('isNA takes an NDArray', 'MASKED_ARG');
  if (isMasked(arr.dtype)) return logicalNot(validity(arr));
  const b = arr.registry.dtype('bool');
  return new NDArray(arr.registry, b, allocateStore(b, arr.size), arr.shape, contiguousStrides(arr.shape), 0, arr.device);
}

/**
 * A copy of `arr` with every NA replaced by the JS scalar `value` (validated by the base dtype
 * first: nothing is written if it does not fit). Like pandas' `fillna`, the result keeps the
 * masked dtype, now without NA; `.astype(base)` then gives the plain array. Plain arrays are copied.
 */
export function fillNA(arr: NDArray, value: unknown): NDArray {
  if (!isNDArray(arr)) throw new ValueError('fillNA takes an NDArray', 'MASKED_ARG');
  if (!isMasked(arr.dtype)) return arr.copy();
  if (value === null || isNDArray(value)) throw new ValueError('fillNA needs a JS scalar value of the base dtype', 'MASKED_ARG');
  const valid = validity(arr);
  const filled = fillLanes(valuesView(arr), valid, value);
  return fromParts(arr.registry, filled, logicalNot(isNA(filled)));
}
