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
 *
 * A loop may carry a {@link PlaneLoop} as its `plane` property: the iterator then offers it whole
 * 2-D planes whose operands disagree on the fast axis (e.g. `A.T + B`).
 */
export interface StridedLoop {
  (n: number, data: readonly LoopData[], offsets: ArrayLike<number>, strides: ArrayLike<number>, ctx: LoopContext): void;
  readonly plane?: PlaneLoop;
}

/**
 * A 2-D loop over a `rows × cols` plane: operand `j` element `(r, c)` is at element index
 * `offsets[j] + r * rowStrides[j] + c * colStrides[j]`. Returns false, having written nothing,
 * when it does not handle this layout or these operands; the iterator then runs the 1-D loop
 * row by row. Lets a backend stage transposed operands through a cache-sized buffer.
 */
export type PlaneLoop = (
  rows: number,
  cols: number,
  data: readonly LoopData[],
  offsets: ArrayLike<number>,
  rowStrides: ArrayLike<number>,
  colStrides: ArrayLike<number>,
  ctx: LoopContext,
) => boolean;

/**
 * Index of the first minimum (argmin) or maximum (argmax) of `n` elements of `data` starting at
 * element `offset` with element stride `stride`. NaN counts as the extreme (first NaN wins), as in NumPy.
 */
export type ArgReduceLoop = (n: number, data: LoopData, offset: number, stride: number, ctx: LoopContext) => number;
