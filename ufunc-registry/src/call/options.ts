import {
  isNDArray, isDType, ownOptions, defaultRegistry, castLevel, castingRank, castArray, describeValue, array as coreArray, NO_OPTIONS, STANDARD_CAST_OPTIONS,
  ValueError, DTypeError, CastingError, DisposedError, type OwnOptions, type Casting, type DType, type NDArray, type Registry,
} from '@dtkit/core';

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

// ---- validation (own keys only, before anything is written) -----------------------------

const names = (...keys: string[]): ReadonlySet<string> => new Set([...keys, ...STANDARD_CAST_OPTIONS]);

/** Standard option names of an elementwise call (`f(a, b, opts)`, `f.call`, `f.outer`). */
export const CALL_OPTIONS = names('out', 'where', 'dtype', 'casting', 'order', 'registry');
/** Standard option names of `reduce` and the reduction functions (sum, min, ...). */
export const REDUCE_OPTIONS = names('axis', 'keepdims', 'initial', 'where', 'dtype', 'out', 'casting', 'registry');
/** Standard option names of `accumulate`. */
export const ACCUMULATE_OPTIONS = names('axis', 'dtype', 'out', 'casting', 'registry');
/** Standard option names of argmin / argmax. */
export const ARG_OPTIONS: ReadonlySet<string> = new Set(['axis', 'keepdims', 'registry']);

/**
 * The call's options as a null-prototype record of own keys, every standard value checked
 * (casting, overflow, keepdims, order, registry); names outside `standard` must be declared
 * by a registered ufunc, loop or cast (`options: [...]`), else ValueError 'OPTION'.
 */
export function callOptions(options: unknown, standard: ReadonlySet<string>, what: string, operands: readonly unknown[] = []): OwnOptions {
  if (options === undefined) return NO_OPTIONS;
  const own = ownOptions(options, standard, (o) => registryFor(operands, o), what);
  const reg = own['registry'];
  if (reg !== undefined && (typeof reg !== 'object' || reg === null || typeof (reg as Registry).declaredOptions !== 'function')) {
    throw new ValueError(`${what}: registry must be a Registry, got ${describeValue(reg)}`, 'OPTION');
  }
  const keepdims = own['keepdims'];
  if (keepdims !== undefined && typeof keepdims !== 'boolean') throw new ValueError(`${what}: keepdims must be a boolean, got ${describeValue(keepdims)}`, 'OPTION');
  const order = own['order'];
  if (order !== undefined && (typeof order !== 'string' || !ORDERS.includes(order))) {
    throw new ValueError(`${what}: order must be 'K', 'A', 'C' or 'F', got ${describeValue(order)}`, 'OPTION');
  }
  return own;
}

/** The registry of a call: an explicit `registry`, else the first array operand's, else the default. */
export function registryFor(operands: readonly unknown[], own: OwnOptions): Registry {
  const r = own['registry'];
  if (typeof r === 'object' && r !== null && typeof (r as Registry).declaredOptions === 'function') return r as Registry;
  for (const a of operands) if (isNDArray(a)) return a.registry;
  return defaultRegistry();
}

const ORDERS: readonly string[] = ['K', 'A', 'C', 'F'];

/** The dtype option resolved in `reg` (a DType or a spec string), or undefined. */
export function dtypeOption(reg: Registry, own: OwnOptions, what: string): DType | undefined {
  const d = own['dtype'];
  if (d === undefined || d === null) return undefined;
  if (typeof d !== 'string' && !isDType(d)) throw new DTypeError(`${what}: dtype must be a DType or a spec string, got ${describeValue(d)}`, 'DTYPE_SPEC');
  return reg.dtype(d);
}

/** A single `out` array (reduce, accumulate), or null. */
export function singleOut(own: OwnOptions, what: string): NDArray | null {
  const out = own['out'];
  if (out === undefined || out === null) return null;
  if (isNDArray(out)) return checkWritable(out, what);
  if (Array.isArray(out) && out.length === 1 && isNDArray(out[0])) return checkWritable(out[0], what);
  throw new ValueError(`${what}: out must be an NDArray (or a 1-tuple of one), got ${describeValue(out)}`, 'OUT');
}

/** `out` entries for an nout-output call: NDArray, or a list of nout NDArrays / nulls. */
export function outList(out: unknown, nout: number, what: string): (NDArray | null)[] {
  const list = new Array<NDArray | null>(nout).fill(null);
  if (out === undefined || out === null) return list;
  if (isNDArray(out)) {
    if (nout !== 1) throw new ValueError(`${what} has ${nout} outputs: out must be a list of ${nout} arrays or nulls`, 'OUT');
    list[0] = checkWritable(out, what);
    return list;
  }
  if (!Array.isArray(out)) throw new ValueError(`${what}: out must be an NDArray or a list of ${nout}, got ${describeValue(out)}`, 'OUT');
  if (out.length !== nout) throw new ValueError(`${what}: out must have ${nout} entr${nout === 1 ? 'y' : 'ies'}, got ${out.length}`, 'OUT');
  for (let j = 0; j < nout; j++) {
    const o: unknown = out[j];
    if (o === null || o === undefined) continue;
    if (!isNDArray(o)) throw new ValueError(`${what}: out entries must be NDArrays or null, got ${describeValue(o)}`, 'OUT');
    list[j] = checkWritable(o, what);
  }
  return list;
}

function checkWritable(o: NDArray, what: string): NDArray {
  // NDArrays have no read-only flag today; a disposed array is the one `out` that cannot be written.
  if (o.isDisposed) throw new DisposedError(`${what}: out was disposed`);
  return o;
}

/**
 * The where= mask as a bool array, `true` or `false`. NumPy casts the mask to bool under
 * 'safe', so only bool masks (and JS booleans / nested booleans) pass: a float, int or complex
 * mask is a CastingError, as NumPy's TypeError.
 */
export function whereOption(reg: Registry, where: unknown, what: string): NDArray | boolean {
  if (where === undefined || where === true) return true;
  if (where === false) return false;
  let m: NDArray;
  if (isNDArray(where)) m = where;
  else if (Array.isArray(where)) m = coreArray(where, { registry: reg });
  else throw new CastingError(`${what}: where must be a boolean or a bool array, got ${describeValue(where)}`, 'WHERE');
  const bool = reg.dtype('bool');
  const level = m.dtype === bool ? 'no' : castLevel(reg, m.dtype, bool);
  if (level === undefined || castingRank(level) > castingRank('safe')) {
    if (!isNDArray(where)) m.dispose();
    throw new CastingError(`${what}: cannot use a ${m.dtype.name} array as a where mask (it must cast to bool under 'safe')`, 'WHERE');
  }
  return m.dtype === bool ? m : castArray(reg, m, bool, 'safe');
}

/**
 * True when the options are exactly `{ out: NDArray }` as an own key (the cached fast path's
 * one option); anything else goes through the general path, which validates every option.
 */
export function isOnlyOut(opts: UFuncCallOptions): boolean {
  const keys = Object.keys(opts);
  return keys.length === 1 && keys[0] === 'out' && isNDArray(opts.out);
}
