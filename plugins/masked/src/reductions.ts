/**
 * Reductions of masked arrays (registerWrappingReduction), computed by the kernel's plain
 * reductions on the values and the validity (pandas' nullable-array rules):
 * - `skipna` (default true) leaves NA out; `skipna: false` makes any NA in a row give NA.
 * - `minCount` (default 0): fewer valid values than that → NA (sum/prod, as pandas' min_count).
 * - all-NA rows: sum → 0, prod → 1 (the identity), min/max/mean → NA.
 * - `mean` divides by the valid count; `any`/`all` are Kleene with `skipna: false`.
 * - `accumulate` keeps NA in place and skips it in the running value.
 * Results are masked arrays of the plain result dtype; `axis`/`keepdims`/`dtype`/`out` as for
 * plain arrays (a plain `out` takes a result without NA, else `CastingError` MASKED_NA).
 */
import {
  castInto, full, normalizeAxis, CastingError, ValueError, type NDArray, type Registry, type ReductionKind,
} from '@dtkit/core';
import { ufuncs, sum as plainSum, any as plainAny, argmax as plainArgmax } from '@dtkit/ufunc-registry';
import { isMasked, zeroUnderNA } from './family.js';
import { fromParts, reducedSize, validity, valuesView } from './parts.js';
import { fillLanes, compressRows, forwardFill } from './lanes.js';
import { fillNA } from './na.js';

type Options = Readonly<Record<string, unknown>>;
const u = (name: string) => ufuncs[name]!;

function axesOf(axis: unknown, ndim: number): number[] {
  if (axis === null || axis === undefined) return [...Array(ndim).keys()];
  const list = typeof axis === 'number' ? [axis] : [...(axis as number[])];
  return list.map((a) => normalizeAxis(a, ndim)).sort((a, b) => a - b);
}

function options(o: Options): { skipna: boolean; minCount: number; plain: Record<string, unknown>; out: NDArray | null } {
  const { skipna = true, minCount = 0, out = null, where: _w, registry: _r, ...plain } = o as Record<string, unknown>;
  if (typeof skipna !== 'boolean') throw new ValueError(`skipna must be a boolean, not ${String(skipna)}`, 'MASKED_OPTION');
  if (typeof minCount !== 'number' || !Number.isInteger(minCount) || minCount < 0) throw new ValueError(`minCount must be a non-negative integer, not ${String(minCount)}`, 'MASKED_OPTION');
  return { skipna, minCount, plain, out: out as NDArray | null };
}

/** The input's validity, and-ed with a `where` mask (elements where it is false are left out). */
function validOf(a: NDArray, o: Options): NDArray {
  const v = validity(a);
  const where = o['where'];
  if (where === undefined || where === true) return v;
  return u('logical_and')(v, where as NDArray) as NDArray;
}

function deliver(reg: Registry, res: NDArray, out: NDArray | null): NDArray {
  if (out === null) return res;
  if (!isMasked(out.dtype) && (plainAny(u('logical_not')(validity(res))).item() as boolean)) {
    throw new CastingError(`cannot write a reduction with NA values into ${out.dtype.name} out`, 'MASKED_NA');
  }
  castInto(reg, res, out, 'same_kind');
  return out;
}

function allTrue(reg: Registry, shape: readonly number[]): NDArray {
  return full(shape, true, { dtype: 'bool', registry: reg });
}

/** valid where count passes: skipna → count ≥ need; else count == n (and ≥ need). */
function resultValidity(count: NDArray, n: number, skipna: boolean, need: number): NDArray {
  const enough = u('greater_equal')(count, need) as NDArray;
  return skipna ? enough : (u('logical_and')(enough, u('equal')(count, n)) as NDArray);
}

function reduceMasked(reg: Registry, ufunc: string, a: NDArray, o: Options): NDArray {
  const { skipna, minCount, plain, out } = options(o);
  const U = u(ufunc);
  const axes = axesOf(plain['axis'], a.ndim);
  const values = valuesView(a);
  // Left-out lanes take the identity (or `initial`, which cannot change a min/max either).
  const identity = U.identity !== undefined ? U.identity : plain['initial'];
  const noWhere = o['where'] === undefined || o['where'] === true;
  // The common case, sum with skipna: NA lanes of typed values hold zero and every row is valid
  // (all-NA → 0), so the values are reduced as they are; no validity array is built.
  if (identity === 0 && skipna && minCount === 0 && noWhere && values.store.kind === 'typed' && U.name === 'add') {
    zeroUnderNA(a.store);
    const res = U.reduce(values, plain);
    return deliver(reg, fromParts(reg, res, allTrue(reg, res.shape)), out);
  }
  const valid = validOf(a, o);
  const count = plainSum(valid, { axis: plain['axis'] as null, keepdims: plain['keepdims'] as boolean });
  const n = reducedSize(a.shape, axes);
  let res: NDArray;
  if (identity !== undefined) {
    const zeroes = identity === 0 && noWhere && values.store.kind === 'typed';
    if (zeroes) zeroUnderNA(a.store);
    const filled = zeroes ? values : fillLanes(values, valid, identity);
    res = U.reduce(filled, plain);
  } else if (!skipna || (plainSum(valid).item() as bigint) === BigInt(a.size)) {
    res = U.reduce(values, plain); // NA rows become NA below: their values never show
  } else {
    res = compressRows(values, valid, axes, (row) => U.reduce(row, { ...plain, axis: 0, keepdims: false }), plain['keepdims'] === true);
  }
  const need = Math.max(minCount, identity === undefined ? 1 : 0);
  return deliver(reg, fromParts(reg, res, resultValidity(count, n, skipna, need)), out);
}

function meanMasked(reg: Registry, a: NDArray, o: Options): NDArray {
  const { skipna, plain, out } = options(o);
  const axes = axesOf(plain['axis'], a.ndim);
  const valid = validOf(a, o);
  const values = fillLanes(valuesView(a), valid, 0);
  const k = values.dtype.kind;
  const acc = plain['dtype'] ?? (k === 'float' || k === 'complex' ? values.dtype : 'float64');
  const s = plainSum(values, { ...plain, dtype: acc as string });
  const count = plainSum(valid, { axis: plain['axis'] as null, keepdims: plain['keepdims'] as boolean });
  const m = u('divide')(s, count.astype(s.dtype)) as NDArray;
  return deliver(reg, fromParts(reg, m, resultValidity(count, reducedSize(a.shape, axes), skipna, 1)), out);
}

/** any / all: skipna leaves NA out; otherwise Kleene (any: a valid True decides, all: a valid False). */
function logicalMasked(reg: Registry, kind: 'any' | 'all', a: NDArray, o: Options): NDArray {
  const { skipna, plain, out } = options(o);
  const ro = { axis: plain['axis'] as null, keepdims: plain['keepdims'] as boolean };
  const valid = validOf(a, o);
  const truth = valuesView(a).astype('bool');
  const na = u('logical_not')(valid) as NDArray;
  const decisive = kind === 'any' ? (u('logical_and')(valid, truth) as NDArray) : (u('logical_and')(valid, u('logical_not')(truth)) as NDArray);
  const hit = plainAny(decisive, ro);
  const value = kind === 'any' ? hit : (u('logical_not')(hit) as NDArray);
  const ok = skipna ? (u('logical_or')(hit, u('logical_not')(hit)) as NDArray) : (u('logical_or')(hit, u('logical_not')(plainAny(na, ro))) as NDArray);
  return deliver(reg, fromParts(reg, value, ok), out);
}

function accumulateMasked(reg: Registry, ufunc: string, a: NDArray, o: Options): NDArray {
  const { out, plain } = options(o);
  const U = u(ufunc);
  const axis = normalizeAxis(plain['axis'] as number, a.ndim);
  const valid = validity(a);
  const values = valuesView(a);
  const filled = U.identity !== undefined ? fillLanes(values, valid, U.identity) : forwardFill(values, valid, axis);
  const res = U.accumulate(filled, { axis, ...(plain['dtype'] !== undefined ? { dtype: plain['dtype'] as string } : {}) });
  return deliver(reg, fromParts(reg, res, valid), out);
}

/**
 * argmin / argmax, from T's own ufuncs only: the row's extreme (NA skipped, or NA with
 * `skipna: false`), then the first valid lane equal to it (a NaN extreme matches the first NaN,
 * as NumPy's argmax). Rows without a valid value give NA; the result is masked[int64].
 */
function argMasked(reg: Registry, kind: 'argmin' | 'argmax', a: NDArray, o: Options): NDArray {
  const { skipna, plain } = options(o);
  const axis = (plain['axis'] ?? null) as number | null;
  const keepdims = plain['keepdims'] === true;
  const ext = u(kind === 'argmax' ? 'maximum' : 'minimum').reduce(a, { axis, keepdims: true, skipna } as never) as NDArray;
  let hit = u('equal')(a, ext) as NDArray;
  const k = valuesView(a).dtype.kind;
  if (k === 'float' || k === 'complex') hit = u('logical_or')(hit, u('logical_and')(u('isnan')(a), u('isnan')(ext))) as NDArray;
  const first = plainArgmax(fillNA(hit, false).astype('bool'), { axis, keepdims });
  return fromParts(reg, first, validity(ext).reshape(first.shape));
}

export function registerMaskedReductions(reg: Registry): void {
  reg.registerWrappingReduction({
    dtype: 'masked',
    options: ['skipna', 'minCount'],
    run(kind: ReductionKind, ufunc: string, input: NDArray, o: Options): NDArray | undefined {
      switch (kind) {
        case 'reduce': return reduceMasked(reg, ufunc, input, o);
        case 'mean': return meanMasked(reg, input, o);
        case 'any': case 'all': return logicalMasked(reg, kind, input, o);
        case 'accumulate': return accumulateMasked(reg, ufunc, input, o);
        case 'argmin': case 'argmax': return argMasked(reg, kind, input, o);
        default: return undefined;
      }
    },
  });
}
