import type { Casting, DType, NDArray, Registry } from '@dtkit/core';

/** Options of a ufunc call (NumPy's keyword arguments). Other keys are passed to loops and casts. */
export interface UFuncCallOptions {
  /** Output array(s); written in place and returned. */
  readonly out?: NDArray | readonly (NDArray | null)[] | null;
  /** Boolean mask (broadcast): elements where it is false are not written. */
  readonly where?: NDArray | boolean | readonly unknown[];
  /** The loop's dtype (inputs are cast to it), like NumPy's `dtype=`. */
  readonly dtype?: DType | string;
  /** Casting rule for inputs and outputs; default 'same_kind'. */
  readonly casting?: Casting;
  /** Registry to dispatch in (default: the operands' registry, else the default one). */
  readonly registry?: Registry;
  readonly [option: string]: unknown;
}

/** Options of `reduce` and the reduction functions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; `null` = all. Default 0 for `ufunc.reduce`, all for `sum` etc. */
  readonly axis?: number | readonly number[] | null;
  readonly keepdims?: boolean;
  /** Start value (needed for empty reductions of ufuncs without identity). */
  readonly initial?: unknown;
  /** Elements where false are skipped. */
  readonly where?: NDArray | boolean | readonly unknown[];
  /** Accumulator / result dtype. */
  readonly dtype?: DType | string;
  readonly out?: NDArray | null;
  readonly casting?: Casting;
  readonly registry?: Registry;
  readonly [option: string]: unknown;
}

export interface AccumulateOptions {
  readonly axis?: number;
  readonly dtype?: DType | string;
  readonly out?: NDArray | null;
  readonly casting?: Casting;
  readonly registry?: Registry;
}
