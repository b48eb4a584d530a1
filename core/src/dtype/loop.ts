import type { LoopData } from '../storage/types.js';
import type { DType } from './dtype.js';

/**
 * Everything a loop may read besides the data: the resolved descriptors (inputs then outputs),
 * the call's options (cast options such as `overflow`), and the method's auxiliary data.
 */
export interface LoopContext {
  readonly descriptors: readonly DType[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly auxdata: unknown;
}

/**
 * A 1-D strided inner loop (an ArrayMethod's "strided loop"). Operand `j` element `i` is at
 * element index `offsets[j] + i * strides[j]` of `data[j]` (offsets and strides count elements,
 * not bytes or lanes: a loop over a 4-lane dtype multiplies by 4 itself).
 * Loops must not allocate per element and must not keep references to their arguments.
 * The same `offsets`/`strides` arrays are reused across calls by the iterator.
 */
export type StridedLoop = (
  n: number,
  data: readonly LoopData[],
  offsets: ArrayLike<number>,
  strides: ArrayLike<number>,
  ctx: LoopContext,
) => void;

/**
 * Index of the first minimum (argmin) or maximum (argmax) of `n` elements of `data` starting at
 * element `offset` with element stride `stride`. NaN counts as the extreme (first NaN wins), as in NumPy.
 */
export type ArgReduceLoop = (n: number, data: LoopData, offset: number, stride: number, ctx: LoopContext) => number;
