import { castArray, isNDArray, type NDArray } from '@dtkit/core';
import { UnitError } from './errors.js';
import { baseOf, dimensionError, isQuantity, quantityOf, unitOfDescr } from './family.js';
import { parseUnit } from './registry.js';
import { sameDims } from './unit.js';

function need(arr: NDArray, what: string): void {
  if (!isNDArray(arr) || !isQuantity(arr.dtype)) throw new UnitError(`${what} needs a quantity array, got ${isNDArray(arr) ? arr.dtype.name : typeof arr}`, 'NOT_QUANTITY');
}

/**
 * `arr` in another unit of the same dimensions, as a new array of the same base:
 * `convert(km, 'm')`, `convert(t, 'degF')`. Different dimensions → UnitError `DIMENSION`.
 */
export function convert(arr: NDArray, unit: string): NDArray {
  need(arr, 'convert');
  const from = unitOfDescr(arr.dtype);
  const to = parseUnit(unit);
  if (!sameDims(from.dims, to.dims)) throw dimensionError('convert between', from, to);
  return castArray(arr.registry, arr, quantityOf(baseOf(arr.dtype), to), 'same_kind');
}

/** The canonical unit string of a quantity array (it parses back to the same unit): `kg*m/s^2`. */
export function unitOf(arr: NDArray): string {
  need(arr, 'unitOf');
  return unitOfDescr(arr.dtype).name;
}
