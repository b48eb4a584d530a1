import type { DType, DTypeFamily } from '../dtype/dtype.js';
import type { StridedLoop, LoopContext, ArgReduceLoop } from '../dtype/loop.js';
import type { Casting } from '../casting/levels.js';
import type { NDArray } from '../array/ndarray.js';

/** Where a family may be named in a registration: the family, one of its descriptors, or its name. */
export type FamilyRef = DTypeFamily | DType | string;

/** Result of a cast's descriptor resolution: the target descriptor and the level this cast needs. */
export interface CastResolution {
  readonly to: DType;
  readonly casting: Casting;
}

/**
 * A cast between two families (NEP 42 cast ArrayMethod). `from: null` (or `to: null`) registers a
 * wrapping cast from (to) every family, for wrapper dtypes (`T → masked[T]` for any T); an exact
 * pair registered for the same families wins over it.
 */
export interface CastSpec {
  readonly from: FamilyRef | null;
  readonly to: FamilyRef | null;
  /** Level for the default descriptors; `resolveDescriptors` may refine it per instance. */
  readonly casting: Casting;
  /**
   * Given source and (optional) requested target descriptor, the actual target and level;
   * `undefined`: no cast for these descriptors (a wrapping cast whose wrapped cast is missing).
   */
  resolveDescriptors?(from: DType, to: DType | null): CastResolution | undefined;
  /** data = [src, dst]. Options (`overflow`, `rounding`, `errors`) arrive in `ctx.options`. */
  readonly loop: StridedLoop;
  /**
   * Extra option names this cast reads from `ctx.options` (e.g. `['rounding']`, a masked
   * reduction's `['skipna']`). Calls reject option names nobody declared (ValueError 'OPTION').
   */
  readonly options?: readonly string[];
}

/** Information `getLoop` may use to pick a loop variant. */
export interface LoopSelection {
  readonly descriptors: readonly DType[];
  /** Every operand has stride 1 in the single inner run of this call (after coalescing). */
  readonly contiguous: boolean;
  readonly options: Readonly<Record<string, unknown>>;
}

/** An ArrayMethod: one ufunc loop for a dtype signature on one backend. */
export interface LoopSpec {
  /** Families of the nin inputs followed by the nout outputs. */
  readonly dtypes: readonly FamilyRef[];
  /** Backend the loop runs on; default 'js'. */
  readonly backend?: string;
  /**
   * Computes the loop's descriptors (inputs then outputs) from the operands' descriptors
   * (outputs `null` unless given with `out`) — once per call. Default: the families' defaults,
   * inputs kept when they belong to the loop's family.
   */
  resolveDescriptors?(given: readonly (DType | null)[]): readonly DType[];
  /** The inner loop, or `getLoop` to choose a variant (e.g. contiguous vs strided). */
  readonly loop?: StridedLoop;
  getLoop?(selection: LoopSelection): StridedLoop;
  /** Fast reduction: data = [input, accumulator]; accumulates into acc[offsets[1]]. */
  readonly reduceLoop?: StridedLoop;
  /** Start value for reductions of this loop (overrides the ufunc identity), as a JS value. */
  readonly initial?: unknown;
  readonly auxdata?: unknown;
  readonly flags?: {
    /** The loop reads operands element by element in order, so accumulate may alias out/in. */
    readonly sequential?: boolean;
    /** The loop may throw part-way (overflow, division by zero): results go to a temporary first. */
    readonly mayThrow?: boolean;
  };
  /**
   * Extra option names this loop reads from `ctx.options` (e.g. `['rounding']`, a masked
   * reduction's `['skipna']`). Calls reject option names nobody declared (ValueError 'OPTION').
   */
  readonly options?: readonly string[];
}

/** A registered loop, with families resolved. */
export interface LoopEntry extends LoopSpec {
  readonly families: readonly DTypeFamily[];
  readonly backendName: string;
}

/** A promoter: given the operand families (outputs may be `null`), the families to use instead. */
export type Promoter = (families: readonly (DTypeFamily | null)[]) => readonly DTypeFamily[] | undefined;

export interface PromoterEntry {
  /** Families or `null` wildcards, for the inputs (and optionally the outputs). */
  readonly pattern: readonly (DTypeFamily | null)[];
  readonly promoter: Promoter;
}

/**
 * A wrapping loop (NumPy's `PyUFunc_AddWrappingLoop`): loops for wrapper families derived from
 * the loops of the dtypes they wrap.
 */
export interface WrappingLoopSpec {
  /** Wrapper families of inputs then outputs (`null`: any family, passed through unchanged). */
  readonly dtypes: readonly (FamilyRef | null)[];
  /** Wrapper descriptors → wrapped descriptors (outputs may be null = unknown). */
  unwrap(given: readonly (DType | null)[]): readonly (DType | null)[];
  /**
   * Resolved wrapped descriptors → wrapper descriptors for the call (inputs then outputs). An
   * input descriptor that differs from the operand's makes the kernel cast that operand first
   * (e.g. quantity[km] → quantity[m] before an add in m). `operands` (the call's inputs, JS
   * scalars as 0-d arrays) is passed only to wrapping loops that set `readsOperands`.
   */
  rewrap(wrapped: readonly DType[], given: readonly (DType | null)[], operands?: readonly NDArray[]): readonly DType[];
  /**
   * `rewrap` reads operand values (a unit raised to a scalar exponent: `power(q, 2)`), so its
   * resolution is never cached by descriptors (no fast path). Default false.
   */
  readonly readsOperands?: boolean;
  /** Adapts the wrapped loop to wrapper storage; default: storage is identical, use as is. */
  wrapLoop?(inner: StridedLoop, wrappedDescriptors: readonly DType[], descriptors: readonly DType[], info: WrappedLoopInfo): StridedLoop;
  readonly backend?: string;
  /**
   * Extra option names this wrapping loop reads from `ctx.options` (e.g. `['rounding']`, a masked
   * reduction's `['skipna']`). Calls reject option names nobody declared (ValueError 'OPTION').
   */
  readonly options?: readonly string[];
}

/** What a wrapping loop learns about the wrapped method it adapts. */
export interface WrappedLoopInfo {
  /** NumPy name of the ufunc. */
  readonly ufunc: string;
  readonly nin: number;
  readonly nout: number;
  /** The wrapped loop may throw part-way (so e.g. lanes a wrapper ignores must not reach it). */
  readonly mayThrow: boolean;
}

/**
 * Reductions of a wrapper family's arrays (`sum`, `ufunc.reduce`, `accumulate`, `mean`, ...):
 * the wrapper runs them itself, usually by reducing the wrapped arrays with the kernel's plain
 * reductions, and sees every option of the call (e.g. masked's `skipna`, `minCount`).
 */
export interface WrappingReductionSpec {
  readonly dtype: FamilyRef;
  /**
   * Runs reduction `kind` on `input` (an array of the wrapper family). `kind` is `'reduce'` or
   * `'accumulate'` (of `ufunc`), or one of `'mean' | 'any' | 'all' | 'argmin' | 'argmax'`
   * (then `ufunc` is that name). `options.axis` is already defaulted (`null` = all axes).
   * Return `undefined` to let the kernel run its own reduction.
   */
  run(kind: ReductionKind, ufunc: string, input: NDArray, options: Readonly<Record<string, unknown>>): NDArray | undefined;
  /** Extra option names these reductions read (e.g. `['skipna', 'minCount']`); see {@link LoopSpec.options}. */
  readonly options?: readonly string[];
}

export type ReductionKind = 'reduce' | 'accumulate' | 'mean' | 'any' | 'all' | 'argmin' | 'argmax';

export interface WrappingReductionEntry extends WrappingReductionSpec {
  readonly family: DTypeFamily;
}

export interface WrappingLoopEntry extends WrappingLoopSpec {
  readonly families: readonly (DTypeFamily | null)[];
}

/** A ufunc definition (the catalog entry, without loops). */
export interface UFuncSpec {
  readonly name: string;
  readonly nin: number;
  readonly nout: number;
  /** Identity for reductions (JS value), `undefined` for none (reduce needs ≥ 1 element). */
  readonly identity?: unknown;
  readonly doc?: string;
  /**
   * Extra option names this ufunc (any of its loops) reads from `ctx.options` (e.g. `['rounding']`, a masked
   * reduction's `['skipna']`). Calls reject option names nobody declared (ValueError 'OPTION').
   */
  readonly options?: readonly string[];
}

/** An argmin/argmax loop registered for a family. */
export interface ArgLoopSpec {
  readonly dtype: FamilyRef;
  readonly kind: 'argmin' | 'argmax';
  readonly loop: ArgReduceLoop;
  readonly backend?: string;
}

/** A plugin: a named bundle of registrations. `install` runs once per registry. */
export interface Plugin {
  readonly name: string;
  /** Plugins installed first (e.g. a domain package's units need `@dtkit/units`). */
  readonly dependencies?: readonly Plugin[];
  install(registry: import('./registry.js').Registry): void;
}

export type { LoopContext };
