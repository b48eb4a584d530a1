import { IndexError } from '../errors.js';
import { describe } from './view-bounds.js';

/** One axis of a slice: an index, `null` (all), `[start, stop, step?]`, or `'start:stop:step'`. */
export type SliceSpec = number | null | readonly [number | null, (number | null)?, (number | null)?] | string;

export type ResolvedSlice =
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'range'; readonly start: number; readonly step: number; readonly length: number };

/** Decimal integers only: `Number()` would also take '0x10', '1e3', 'Infinity'. */
const INTEGER = /^[+-]?\d+$/;

function parseBound(s: string, spec: string, axis: number): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (!INTEGER.test(t)) throw new IndexError(`invalid slice '${spec}' for axis ${axis}: '${s}' is not an integer`, 'SLICE');
  return Number(t);
}

/** A bound or step of an array spec: `null`/`undefined` (absent) or an integral number. */
function arrayBound(v: unknown, axis: number): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new IndexError(`slice bounds and steps must be integers or null, got ${describe(v)} for axis ${axis}`, 'SLICE');
  return v;
}

/**
 * Python slice semantics (`slice.indices`): clamps bounds, supports negative steps. Anything
 * but the documented forms (booleans, bigints, objects, NaN, fractions) is an `IndexError`.
 */
export function parseSliceSpec(spec: SliceSpec, dim: number, axis: number): ResolvedSlice {
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec) || spec < -dim || spec >= dim) throw new IndexError(`index ${spec} is out of bounds for axis ${axis} with size ${dim}`, 'INDEX');
    return { kind: 'index', index: spec < 0 ? spec + dim : spec };
  }
  let start: number | null = null;
  let stop: number | null = null;
  let step: number | null = null;
  if (typeof spec === 'string') {
    const parts = spec.split(':');
    if (parts.length < 2 || parts.length > 3) throw new IndexError(`invalid slice ${describe(spec)} for axis ${axis}`, 'SLICE');
    start = parseBound(parts[0]!, spec, axis);
    stop = parseBound(parts[1]!, spec, axis);
    step = parts.length === 3 ? parseBound(parts[2]!, spec, axis) : null;
  } else if (Array.isArray(spec)) {
    const n = spec.length;
    if (n < 1 || n > 3) throw new IndexError(`a slice array has 1 to 3 entries [start, stop, step], got ${n} for axis ${axis}`, 'SLICE');
    start = arrayBound(spec[0], axis);
    stop = arrayBound(spec[1], axis);
    step = arrayBound(spec[2], axis);
  } else if (spec !== null) {
    throw new IndexError(`invalid slice ${describe(spec)} for axis ${axis}: use an integer index, null, [start, stop, step] or 'start:stop:step'`, 'SLICE');
  }
  const st = step ?? 1;
  if (st === 0) throw new IndexError(`slice step cannot be zero (axis ${axis})`, 'SLICE');
  let lo: number;
  let hi: number;
  if (st > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(start + dim, 0) : Math.min(start, dim);
    hi = stop === null ? dim : stop < 0 ? Math.max(stop + dim, 0) : Math.min(stop, dim);
  } else {
    lo = start === null ? dim - 1 : start < 0 ? Math.max(start + dim, -1) : Math.min(start, dim - 1);
    hi = stop === null ? -1 : stop < 0 ? Math.max(stop + dim, -1) : Math.min(stop, dim - 1);
  }
  const length = st > 0 ? Math.max(0, Math.ceil((hi - lo) / st)) : Math.max(0, Math.ceil((lo - hi) / -st));
  // A step longer than the axis takes one element; clamped, step × stride stays an exact integer.
  const span = Math.max(dim, 1);
  const exactStep = st > span ? span : st < -span ? -span : st;
  return { kind: 'range', start: length > 0 ? lo : 0, step: exactStep, length };
}
