// Shape discovery and flattening of nested JS data (`array([[1, 2], [3, 4]])`). Every walk is
// bounded: at most MAX_DIMS levels deep (so recursion never exceeds 65 frames, whatever the
// input), cycles are reported as such, and the element count is checked before any value is
// collected, so self-referencing, 1e5-deep or aliased ("billion laughs") input gets a typed error.
import { ValueError } from '../errors.js';
import { sizeOf } from './shape.js';

/** NumPy's NPY_MAXDIMS: an array has at most 64 dimensions. */
export const MAX_DIMS = 64;

/**
 * Most elements nested JS data may hold: the flat value list is a JS array, and V8 cannot grow
 * one past ~1.3e8 elements (it aborts the process). Bigger data comes from a TypedArray or fromBytes.
 */
export const MAX_NESTED_ELEMENTS = 1e8;

type IsElement = (v: unknown) => boolean;

/** Arrays and TypedArrays are sequences (unless the dtype says they are elements); DataViews are not. */
function isSequence(v: unknown, isElement: IsElement): v is ArrayLike<unknown> {
  return (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) && !isElement(v);
}

const cycleError = (): ValueError => new ValueError('nested data refers to itself (a cycle): it cannot be an array', 'NESTING');
const depthError = (): ValueError =>
  new ValueError(`nested data is more than ${MAX_DIMS} levels deep: an array has at most ${MAX_DIMS} dimensions`, 'MAX_DIMS');

/** The shape nested data claims along its first elements (checked against the rest by `flattenNested`). */
export function nestedShape(data: unknown, isElement: IsElement): number[] {
  const shape: number[] = [];
  const path: unknown[] = [];
  let probe = data;
  while (isSequence(probe, isElement)) {
    if (path.includes(probe)) throw cycleError();
    if (shape.length === MAX_DIMS) throw depthError();
    path.push(probe);
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  return shape;
}

/** Whether a node occurs twice on the walk's current path (the walk entered a cycle). */
function hasRepeat(path: readonly unknown[], depth: number): boolean {
  for (let i = 0; i < depth; i++) for (let j = i + 1; j < depth; j++) if (path[i] === path[j]) return true;
  return false;
}

/** Element values in C order and the shape of nested JS arrays (elements end where `isElement` says). */
export function flattenNested(data: unknown, isElement: IsElement): { shape: number[]; values: unknown[] } {
  const shape = nestedShape(data, isElement);
  const size = sizeOf(shape);
  if (size > MAX_NESTED_ELEMENTS) {
    throw new ValueError(`nested data of shape (${shape.join(', ')}) has ${size} elements, more than ${MAX_NESTED_ELEMENTS} (build large arrays from a TypedArray or fromBytes)`, 'ALLOCATION');
  }
  const nd = shape.length;
  const values: unknown[] = [];
  const path: unknown[] = new Array<unknown>(nd);
  // A cycle the walk enters always ends in a mismatch below the repeated node (depth is capped
  // by the shape), so checking for one only on the error path is enough and costs nothing otherwise.
  const ragged = (dim: number, message: string): ValueError => (hasRepeat(path, dim) ? cycleError() : new ValueError(message, 'RAGGED'));
  const walk = (v: unknown, dim: number): void => {
    if (dim === nd) {
      if (isSequence(v, isElement)) {
        if (path.includes(v)) throw cycleError();
        throw ragged(dim, 'inhomogeneous nested data: the sequences have different depths');
      }
      values.push(v);
      return;
    }
    if (!isSequence(v, isElement)) throw ragged(dim, 'inhomogeneous nested data: the sequences have different depths');
    path[dim] = v;
    if (v.length !== shape[dim]) throw ragged(dim + 1, `inhomogeneous nested data: length ${v.length} where ${shape[dim]} was expected at depth ${dim}`);
    for (let i = 0; i < v.length; i++) walk(v[i], dim + 1);
  };
  walk(data, 0);
  return { shape, values };
}
